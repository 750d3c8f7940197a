/// A named style the renderer gives a part of a document: the template's styles.xml defines it
/// (the authority restyles it in LibreOffice, where it shows as « Guichet Visa »…); when a
/// template lacks one, `definition` is added to the document as an automatic style, so that
/// the part still looks right.
///
/// A class: a document names a style for each of its paragraphs, cells and spans, and passing
/// a structure of six strings around counted six references each time.
final class ODFStyle: Sendable {
    enum Family: Sendable { case paragraph, text, list }

    /// The name in the XML: the display name with each space written `_20_`. LibreOffice
    /// derives a style's name from its display name this way each time it saves (accented
    /// letters kept as they are), so a template edited there keeps the names the renderer uses.
    let name: String
    let displayName: String
    let family: Family
    /// The style's properties, as XML.
    let properties: String
    /// How LibreOffice files a paragraph style in its lists (`text`, `chapter`, `list`, `extra`).
    let styleClass: String?
    /// The outline level of a heading's style, so that LibreOffice's navigator lists its paragraphs.
    let outlineLevel: Int?

    /// `text:style-name="…">`, the end of every tag that opens a part in this style: written
    /// once, not interpolated for each of the thousands of paragraphs and spans of a batch.
    let styleNameAttribute: String

    init(displayName: String, family: Family, properties: String, styleClass: String? = nil, outlineLevel: Int? = nil) {
        name = displayName.replacing(" ", with: "_20_")
        styleNameAttribute = "text:style-name=\"\(name)\">"
        self.displayName = displayName
        self.family = family
        self.properties = properties
        self.styleClass = styleClass
        self.outlineLevel = outlineLevel
    }

    /// The definition as an automatic style of content.xml (no display name there).
    var automaticDefinition: String {
        switch family {
        case .paragraph:
            "<style:style style:name=\"\(name)\" style:family=\"paragraph\">\(properties)</style:style>"
        case .text:
            "<style:style style:name=\"\(name)\" style:family=\"text\">\(properties)</style:style>"
        case .list:
            "<text:list-style style:name=\"\(name)\">\(properties)</text:list-style>"
        }
    }

    static func paragraph(_ displayName: String, class styleClass: String = "text", outlineLevel: Int? = nil,
                          paragraph: String, text: String = "") -> ODFStyle {
        let paragraphProperties = paragraph.isEmpty ? "" : "<style:paragraph-properties \(paragraph)/>"
        let textProperties = text.isEmpty ? "" : "<style:text-properties \(text)/>"
        return ODFStyle(displayName: displayName, family: .paragraph, properties: paragraphProperties + textProperties,
                        styleClass: styleClass, outlineLevel: outlineLevel)
    }

    static func text(_ displayName: String, _ text: String) -> ODFStyle {
        ODFStyle(displayName: displayName, family: .text, properties: "<style:text-properties \(text)/>")
    }
}

/// Every style the renderer uses, with its look: the one source of it. The default template's
/// definitions (Rules/modeles/acte-src/styles.xml) are generated from these (`ODTTemplateStyles`,
/// a test fails when they differ), and a template that lacks one gets it as an automatic style.
/// The HTML style sheet (`HTMLStyleSheet`) gives each role the same sizes and spacing; a test
/// compares them.
enum ODFStyles {
    private static let justified = "fo:text-align=\"justify\" fo:margin-top=\"0cm\""
    private static let size = "fo:font-size=\"10pt\""
    private static let signatureMargin = "fo:margin-left=\"8.5cm\" fo:text-align=\"start\""

    static let body = ODFStyle.paragraph("Guichet Corps", paragraph: "\(justified) fo:margin-bottom=\"0.2cm\"", text: size)
    static let actTitle = ODFStyle.paragraph("Guichet Titre acte", class: "chapter",
        paragraph: "fo:text-align=\"center\" fo:margin-top=\"0.6cm\" fo:margin-bottom=\"0.7cm\" fo:line-height=\"140%\" fo:keep-with-next=\"always\"",
        text: "fo:font-size=\"11pt\" fo:font-weight=\"bold\"")
    static let headings = [
        ODFStyle.paragraph("Guichet Titre 1", outlineLevel: 1, paragraph: "fo:text-align=\"center\" fo:margin-top=\"0.4cm\" fo:margin-bottom=\"0.3cm\" fo:keep-with-next=\"always\"", text: "fo:font-size=\"14pt\" fo:font-weight=\"bold\""),
        ODFStyle.paragraph("Guichet Titre 2", outlineLevel: 2, paragraph: "fo:margin-top=\"0.45cm\" fo:margin-bottom=\"0.2cm\" fo:keep-with-next=\"always\"", text: "fo:font-size=\"12pt\" fo:font-weight=\"bold\""),
        ODFStyle.paragraph("Guichet Titre 3", outlineLevel: 3, paragraph: "fo:margin-top=\"0.35cm\" fo:margin-bottom=\"0.15cm\" fo:keep-with-next=\"always\"", text: "fo:font-size=\"10pt\" fo:font-weight=\"bold\""),
    ]
    static let visa = ODFStyle.paragraph("Guichet Visa", paragraph: "\(justified) fo:margin-bottom=\"0.12cm\"", text: size)
    static let considering = ODFStyle.paragraph("Guichet Considérant", paragraph: "\(justified) fo:margin-bottom=\"0.12cm\"", text: size)
    static let operative = ODFStyle.paragraph("Guichet Dispositif",
        paragraph: "fo:text-align=\"center\" fo:margin-top=\"0.45cm\" fo:margin-bottom=\"0.35cm\" fo:keep-with-next=\"always\"",
        text: "fo:font-size=\"10pt\" fo:font-weight=\"bold\" fo:letter-spacing=\"0.02cm\"")
    static let small = ODFStyle.paragraph("Guichet Petit", paragraph: "fo:text-align=\"start\" fo:margin-top=\"0cm\" fo:margin-bottom=\"0.1cm\"", text: "fo:font-size=\"8pt\"")
    static let article = ODFStyle.paragraph("Guichet Article",
        paragraph: "fo:margin-top=\"0.35cm\" fo:margin-bottom=\"0.12cm\" fo:keep-with-next=\"always\"", text: "fo:font-size=\"10pt\" fo:font-weight=\"bold\"")
    static let articleText = ODFStyle.paragraph("Guichet Texte article", paragraph: "\(justified) fo:margin-bottom=\"0.15cm\"", text: size)
    static let listItem = ODFStyle.paragraph("Guichet Liste", class: "list", paragraph: "\(justified) fo:margin-bottom=\"0.08cm\"", text: size)
    static let quotation = ODFStyle.paragraph("Guichet Citation",
        paragraph: "\(justified) fo:margin-left=\"0.8cm\" fo:margin-bottom=\"0.05cm\" fo:keep-with-next=\"always\"", text: "fo:font-size=\"10pt\" fo:font-style=\"italic\"")
    static let quotationSource = ODFStyle.paragraph("Guichet Source de citation",
        paragraph: "fo:text-align=\"end\" fo:margin-top=\"0cm\" fo:margin-bottom=\"0.3cm\"", text: "fo:font-size=\"8.5pt\"")
    static let mentionTitle = ODFStyle.paragraph("Guichet Titre de mention",
        paragraph: "fo:margin-top=\"0.3cm\" fo:margin-bottom=\"0.08cm\" fo:keep-with-next=\"always\"", text: "fo:font-size=\"8pt\" fo:font-weight=\"bold\"")
    static let mention = ODFStyle.paragraph("Guichet Mention", paragraph: "\(justified) fo:margin-bottom=\"0.08cm\" fo:line-height=\"110%\"", text: "fo:font-size=\"7.5pt\"")
    static let placeAndDate = ODFStyle.paragraph("Guichet Lieu et date",
        paragraph: "\(signatureMargin) fo:margin-top=\"0.5cm\" fo:margin-bottom=\"0.3cm\" fo:keep-with-next=\"always\"", text: size)
    static let signature = ODFStyle.paragraph("Guichet Signature",
        paragraph: "\(signatureMargin) fo:margin-top=\"0cm\" fo:margin-bottom=\"0cm\" fo:keep-with-next=\"always\"", text: size)
    static let signatory = ODFStyle.paragraph("Guichet Signataire",
        paragraph: "\(signatureMargin) fo:margin-top=\"1.4cm\" fo:margin-bottom=\"0.4cm\"", text: "fo:font-size=\"10pt\" fo:font-weight=\"bold\"")
    static let notice = ODFStyle.paragraph("Guichet Notice",
        paragraph: "fo:margin-top=\"0cm\" fo:margin-bottom=\"0.5cm\" fo:padding=\"0.2cm\" fo:border=\"0.75pt solid #000000\" fo:background-color=\"#f2f2f2\"",
        text: "fo:font-size=\"10pt\" fo:font-weight=\"bold\"")
    static let cell = ODFStyle.paragraph("Guichet Cellule", class: "extra",
        paragraph: "fo:margin-top=\"0cm\" fo:margin-bottom=\"0cm\" fo:text-align=\"start\" fo:line-height=\"105%\"", text: "fo:font-size=\"8pt\"")
    static let headerCell = ODFStyle.paragraph("Guichet En-tête de tableau", class: "extra",
        paragraph: "fo:margin-top=\"0cm\" fo:margin-bottom=\"0cm\" fo:text-align=\"start\"", text: "fo:font-size=\"8pt\" fo:font-weight=\"bold\"")
    static let label = ODFStyle.paragraph("Guichet Libellé", class: "extra",
        paragraph: "fo:margin-top=\"0cm\" fo:margin-bottom=\"0cm\" fo:text-align=\"start\"", text: "fo:font-size=\"8pt\" fo:font-weight=\"bold\"")
    static let separator = ODFStyle.paragraph("Guichet Séparateur",
        paragraph: "fo:margin-top=\"0.3cm\" fo:margin-bottom=\"0.3cm\" fo:border-bottom=\"0.5pt solid #777777\" fo:padding=\"0cm\" fo:line-height=\"100%\"", text: "fo:font-size=\"2pt\"")
    static let pageBreak = ODFStyle.paragraph("Guichet Saut de page",
        paragraph: "fo:break-before=\"page\" fo:margin-top=\"0cm\" fo:margin-bottom=\"0cm\" fo:line-height=\"100%\"", text: "fo:font-size=\"2pt\"")
    /// The letterhead's parts written at the top of the body when the template has no mark for them.
    static let letterhead = ODFStyle.paragraph("Guichet En-tête", class: "extra", paragraph: "fo:text-align=\"start\" fo:margin-top=\"0cm\" fo:margin-bottom=\"0.15cm\"", text: "fo:font-size=\"9pt\"")

    static let strong = ODFStyle.text("Guichet Gras", "fo:font-weight=\"bold\"")
    static let emphasis = ODFStyle.text("Guichet Italique", "fo:font-style=\"italic\"")
    static let code = ODFStyle.text("Guichet Code", "style:font-name=\"Liberation Mono\" fo:font-family=\"'Liberation Mono'\" style:font-family-generic=\"modern\" fo:font-size=\"85%\"")
    static let actKind = ODFStyle.text("Guichet Nature acte", "fo:font-size=\"13pt\" fo:text-transform=\"uppercase\" fo:letter-spacing=\"0.03cm\"")

    static let bullets = ODFStyle(displayName: "Guichet Puces", family: .list, properties: listLevel(
        "<text:list-level-style-bullet text:level=\"1\" text:bullet-char=\"–\">", close: "</text:list-level-style-bullet>"))
    static let numbers = ODFStyle(displayName: "Guichet Numéros", family: .list, properties: listLevel(
        "<text:list-level-style-number text:level=\"1\" style:num-suffix=\".\" style:num-format=\"1\">", close: "</text:list-level-style-number>"))

    private static func listLevel(_ open: String, close: String) -> String {
        open + "<style:list-level-properties text:list-level-position-and-space-mode=\"label-alignment\">"
            + "<style:list-level-label-alignment text:label-followed-by=\"listtab\" text:list-tab-stop-position=\"0.8cm\" fo:text-indent=\"-0.5cm\" fo:margin-left=\"0.8cm\"/>"
            + "</style:list-level-properties>" + close
    }

    static let all: [ODFStyle] = [body, actTitle] + headings + [
        visa, considering, operative, small, article, articleText, listItem, quotation, quotationSource, mentionTitle, mention,
        placeAndDate, signature, signatory, notice, cell, headerCell, label, separator, pageBreak, letterhead,
        strong, emphasis, code, actKind, bullets, numbers,
    ]
}
