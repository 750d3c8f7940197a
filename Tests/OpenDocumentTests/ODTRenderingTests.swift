import Documents
import OpenDocument
import Testing

/// An act as an .odt in the default template: a valid archive whose parts are well-formed XML,
/// with every mark filled, every text kept as text, and the same bytes every time.
@Suite struct ODTRenderingTests {
    private let template = Repository.defaultTemplate
    private let hostile = "a < b & c > \"d\" 'e'"

    private func render(_ document: Document) throws -> [UInt8] {
        try ODTRendering.render(document, template: template)
    }

    @Test func theFirstEntryIsTheMimetypeStored() throws {
        let bytes = try render(SampleAct.document)
        // The local file header: signature, then the compression method at offset 8 (0: stored),
        // the name's length at 26, the extra field's at 28, the name at 30, then the data.
        #expect(Array(bytes[0..<4]) == [0x50, 0x4B, 0x03, 0x04])
        #expect(bytes[8] == 0 && bytes[9] == 0)
        let nameLength = Int(bytes[26]) | Int(bytes[27]) << 8
        let extraLength = Int(bytes[28]) | Int(bytes[29]) << 8
        #expect(String(decoding: bytes[30..<(30 + nameLength)], as: UTF8.self) == "mimetype")
        let data = 30 + nameLength + extraLength
        #expect(String(decoding: bytes[data..<(data + 39)], as: UTF8.self) == "application/vnd.oasis.opendocument.text")
        // Dated 1 January 1980 at midnight (MS-DOS time 0, date 0x0021), whenever it is made.
        #expect(Array(bytes[10..<14]) == [0, 0, 0x21, 0])
        let dates = try ODTFiles.modificationDates(bytes)
        #expect(dates.count == 6 && Set(dates).count == 1)
    }

    @Test func everyPartOfTheTemplateIsKept() throws {
        let paths = try ODTFiles.parts(render(SampleAct.document)).map(\.path)
        // The parts the template fixes first, compressed once for every document; then the document's own.
        #expect(paths == ["mimetype", "styles.xml", "Pictures/logo.png", "META-INF/manifest.xml", "content.xml", "meta.xml"])
    }

    @Test func theSameDocumentGivesTheSameBytes() throws {
        let first = try render(SampleAct.document)
        let reloaded = try ODTTemplate.bundledDefault(rulesFolder: Repository.rules)
        #expect(try ODTRendering.render(SampleAct.document, template: reloaded) == first)
        var changed = SampleAct.document
        changed.blocks.append(.separator)
        #expect(try render(changed) != first)
        #expect(try !ODTFiles.sameEntries(render(changed), first))
    }

    /// Another machine's zlib may deflate otherwise: what is the same everywhere is the entries.
    @Test func aFileDeflatedOtherwiseHoldsTheSameEntries() throws {
        let first = try render(SampleAct.document)
        let stored = try ODTFiles.rearchived(first, compressed: false)
        #expect(stored != first)
        #expect(try ODTFiles.sameEntries(stored, first))
        #expect(try ODTFiles.sameEntries(ODTFiles.rearchived(first, compressed: true), first))
    }

    @Test func textsSurviveAsTextInWellFormedParts() throws {
        let document = Document(
            title: hostile,
            letterhead: Letterhead(authority: hostile, sender: [hostile], references: [Field(hostile, Text(hostile))], addressee: [hostile]),
            blocks: [.paragraph(Text(hostile)), .table(Table(header: [Text(hostile)], rows: [[.strong(hostile)]])),
                     .article(label: hostile, paragraphs: [Text(hostile)]), .signature(Signature(placeAndDate: hostile, title: [hostile], name: hostile))])
        let bytes = try render(document)
        for part in ["content.xml", "styles.xml", "meta.xml"] {
            let xml = ParsedXML(try ODTFiles.part(part, of: bytes))
            #expect(xml.isWellFormed, "\(part): \(xml.error ?? "")")
            // The default footer shows the title through a field, which reads it from meta.xml.
            #expect(xml.text.contains(hostile) == (part != "styles.xml"), "\(part)")
        }
        let content = ParsedXML(try ODTFiles.part("content.xml", of: bytes))
        #expect(content.text.components(separatedBy: hostile).count - 1 >= 10)
    }

    @Test func everyMarkIsFilled() throws {
        let bytes = try render(SampleAct.document)
        let content = try ODTFiles.part("content.xml", of: bytes)
        let styles = try ODTFiles.part("styles.xml", of: bytes)
        #expect(!content.contains("{{") && !styles.contains("{{"))
        #expect(content.contains("<text:p text:style-name=\"Guichet_20_Autorité\">Département du Pas-de-Calais</text:p>"))
        #expect(content.contains("Direction des sports<text:line-break/>Service des sports de nature"))
        #expect(content.contains("<text:span text:style-name=\"Guichet_20_Gras\">N/Réf.\u{00A0}: </text:span>PDESI-2020-001<text:line-break/>"))
        #expect(content.contains("Monsieur le Maire<text:line-break/>Commune de Wimereux"))
        // The footer's title is a field showing the title of meta.xml: styles.xml stays the template's own.
        #expect(styles.contains("<text:title>Modèle des actes</text:title><text:tab/>Page <text:page-number"))
        #expect(try ODTFiles.part("meta.xml", of: bytes).contains("<dc:title>Décision n° PDESI-2020-001 — attribution d'une aide P.D.E.S.I.</dc:title>"))
        // The body replaces the paragraph of {{corps}}, which leaves no empty paragraph of its own.
        let afterLetterhead = content.components(separatedBy: "</table:table>").dropFirst().first ?? ""
        #expect(afterLetterhead.drop { $0.isWhitespace }.hasPrefix("<text:p text:style-name=\"Guichet_20_Titre_20_acte\">"))
    }

    /// A template whose footer says {{titre}}, as an authority may write it, gets the title there:
    /// its styles.xml is then written for each document.
    @Test func aTitleMarkInTheFooterIsFilled() throws {
        let marked = try ODTTemplate(bytes: ODTFiles.template(editing: ["styles.xml": { $0.replacing(Self.titleField, with: "{{titre}}") }]), name: "m.odt")
        let bytes = try ODTRendering.render(SampleAct.document, template: marked)
        let styles = try ODTFiles.part("styles.xml", of: bytes)
        #expect(styles.contains("Décision n° PDESI-2020-001 — attribution d'une aide P.D.E.S.I.<text:tab/>Page <text:page-number"))
        #expect(try ODTFiles.parts(bytes).filter { $0.path == "styles.xml" }.count == 1)
    }

    static let titleField = "<text:title>Modèle des actes</text:title>"

    @Test func eachBlockHasItsNamedStyle() throws {
        let content = try ODTFiles.part("content.xml", of: render(SampleAct.document))
        for style in ["Guichet_20_Titre_20_acte", "Guichet_20_Nature_20_acte", "Guichet_20_Visa", "Guichet_20_Considérant", "Guichet_20_Dispositif",
                      "Guichet_20_Article", "Guichet_20_Texte_20_article", "Guichet_20_En-tête_20_de_20_tableau", "Guichet_20_Cellule",
                      "Guichet_20_Titre_20_de_20_mention", "Guichet_20_Mention", "Guichet_20_Lieu_20_et_20_date", "Guichet_20_Signature",
                      "Guichet_20_Signataire", "Guichet_20_Gras"] {
            #expect(content.contains("text:style-name=\"\(style)\""), "\(style)")
        }
        // The default template defines them: the document does not.
        #expect(!content.contains("style:name=\"Guichet_20_Visa\""))
        #expect(template.missingStyleNames.isEmpty)
    }

    @Test func tablesHaveTheirColumnsAndARepeatedHeader() throws {
        let document = Document(title: "t", blocks: [.table(Table(header: ["A", "B", "C"], rows: [["1", "2"], ["1", "2", "3"]], widths: [1, 2, 1]))])
        let content = try ODTFiles.part("content.xml", of: render(document))
        #expect(ParsedXML(content).isWellFormed)
        // The document's table, after the template's letterhead.
        let table = content.components(separatedBy: "<table:table table:name=\"Tableau1\"").dropFirst().first?.components(separatedBy: "</table:table>").first ?? ""
        func count(_ tag: String) -> Int { table.components(separatedBy: tag).count - 1 }
        #expect(count("<table:table-column ") == 3)
        #expect(count("<table:table-header-rows>") == 1)
        #expect(count("<table:table-row ") == 3)
        // A short row is filled up: every row has a cell per column.
        #expect(count("<table:table-cell ") == 9)
        let xml = ParsedXML(content)
        let widths = xml.elements(named: "style:table-column-properties").compactMap { $0["style:rel-column-width"] }
        #expect(widths.suffix(3) == ["1000*", "2000*", "1000*"])
        let rows = xml.elements(named: "style:table-row-properties")
        #expect(rows.contains { $0["fo:keep-together"] == "always" })
    }

    @Test func aPageBreakIsAParagraphThatStartsAPage() throws {
        let content = try ODTFiles.part("content.xml", of: render(Document(title: "t", blocks: [.paragraph("avant"), .pageBreak, .paragraph("après")])))
        #expect(content.contains("avant</text:p><text:p text:style-name=\"Guichet_20_Saut_20_de_20_page\"/><text:p"))
        let styles = try ODTFiles.part("styles.xml", of: render(Document(title: "t")))
        let definition = styles.components(separatedBy: "style:name=\"Guichet_20_Saut_20_de_20_page\"").dropFirst().first ?? ""
        #expect(definition.prefix(400).contains("fo:break-before=\"page\""))
    }

    @Test func spacesLineBreaksAndTabsReadAsWritten() throws {
        let content = try ODTFiles.part("content.xml", of: render(Document(title: "t", blocks: [.paragraph(" a  b\nc\td   e")])))
        #expect(content.contains("<text:p text:style-name=\"Guichet_20_Corps\"><text:s/>a <text:s/>b<text:line-break/>c<text:tab/>d <text:s text:c=\"2\"/>e</text:p>"))
    }

    /// Two spaces in a row are found wherever they stand in a long text (across the eight-byte
    /// words the scan reads), and a line separator is a line break, after letters like « é ».
    @Test func spacesAndSeparatorsInLongTextsReadAsWritten() throws {
        let paragraphs: [Block] = [.paragraph("abcdefg  hijklmnopqrstuvwxyz"), .paragraph("abcdefghijklmn  o"),
                                   .paragraph("été\u{2028}après"), .paragraph("déjà écrit ici, sans double espace")]
        let content = try ODTFiles.part("content.xml", of: render(Document(title: "t", blocks: paragraphs)))
        #expect(content.contains(">abcdefg <text:s/>hijklmnopqrstuvwxyz</text:p>"))
        #expect(content.contains(">abcdefghijklmn <text:s/>o</text:p>"))
        #expect(content.contains(">été<text:line-break/>après</text:p>"))
        #expect(content.contains(">déjà écrit ici, sans double espace</text:p>"))
    }

    @Test func theMetadataHasTheTitleAndNoDate() throws {
        let meta = try ODTFiles.part("meta.xml", of: render(SampleAct.document))
        #expect(meta.contains("<meta:generator>Guichet</meta:generator>"))
        #expect(meta.contains("<dc:title>Décision n° PDESI-2020-001 — attribution d&apos;une aide P.D.E.S.I.</dc:title>")
            || meta.contains("<dc:title>Décision n° PDESI-2020-001 — attribution d'une aide P.D.E.S.I.</dc:title>"))
        #expect(!meta.contains("date"))
    }
}
