import Documents
import Testing

/// An act as one HTML page: each part in its element and class, every text escaped, nothing
/// fetched from elsewhere, and the same bytes every time.
@Suite struct HTMLRenderingTests {
    private let act = Document(
        title: "Décision n° 12",
        letterhead: Letterhead(authority: "Département du Pas-de-Calais", sender: ["Direction des sports", "Affaire suivie par : Mme Durand"],
                               references: [Field("Référence", "PDESI-2020-001")], addressee: ["Commune de Wimereux", "62930 Wimereux"]),
        blocks: [
            .notice("Document de simulation"),
            .actTitle(["DÉCISION n° 12", "portant attribution d'une aide"]),
            .paragraph("Vu la demande ;", role: .visa),
            .paragraph("Considérant que le projet est éligible ;", role: .considering),
            .paragraph("DÉCIDE :", role: .operative),
            .article(label: "Article 1er", paragraphs: ["Une aide de " + .strong("30 000,00 €") + " est attribuée."]),
            .table(Table(header: ["Critère", "Appréciation"], rows: [["Porteur habilité", "Rempli"]], widths: [3, 1])),
            .mention(title: "Voies et délais de recours", paragraphs: ["Recours devant le tribunal administratif de Lille."]),
            .signature(Signature(placeAndDate: "Fait à Arras, le 14 décembre 2020", title: ["Le Président"], name: "Jean-Claude LEROY")),
            .pageBreak,
            .heading("Annexe", level: 2),
        ])

    @Test func eachPartHasItsElementAndClassInOrder() {
        let html = HTMLRendering.string(act)
        let parts = ["<html lang=\"fr\">", "<meta charset=\"utf-8\">", "<style>", "</style>\n<title>Décision n° 12</title>",
                     "<header class=\"letterhead\">", "<p class=\"authority\">Département du Pas-de-Calais</p>",
                     "Direction des sports<br>", "<th scope=\"row\">Référence</th><td>PDESI-2020-001</td>",
                     "<address class=\"addressee\">Commune de Wimereux<br>", "</header>",
                     "<aside class=\"notice\"><p>Document de simulation</p></aside>",
                     "<h1 class=\"actTitle\"><span class=\"actKind\">DÉCISION n° 12</span>", "<span class=\"actSubject\">portant attribution d'une aide</span>",
                     "<p class=\"visa\">Vu la demande\u{00A0};</p>", "<p class=\"considering\">", "<p class=\"operative\">DÉCIDE\u{00A0}:</p>",
                     "<section class=\"article\">", "<h2 class=\"articleLabel\">Article 1er</h2>", "<strong>30 000,00 €</strong>",
                     "<col style=\"width: 75.00%\"><col style=\"width: 25.00%\">", "<thead>", "<th scope=\"col\">Critère</th>", "<tbody>",
                     "<td>Porteur habilité</td>", "<section class=\"mention\">", "<h2 class=\"mentionTitle\">Voies et délais de recours</h2>",
                     "<div class=\"signature\">", "<p class=\"placeAndDate\">Fait à Arras", "<p class=\"signatoryName\">Jean-Claude LEROY</p>",
                     "<div class=\"pageBreak\"></div>", "<h2 class=\"heading\">Annexe</h2>", "</html>"]
        var rest = Substring(html)
        for part in parts {
            let found = rest.range(of: part)
            #expect(found != nil, "\(part) missing or out of order")
            if let found { rest = rest[found.upperBound...] }
        }
    }

    @Test func everyTextIsEscaped() {
        let hostile = "<script>alert(\"x\")</script> & co"
        let document = Document(title: hostile, letterhead: Letterhead(authority: hostile, references: [Field(hostile, Text(hostile))]),
                                blocks: [.paragraph(Text(hostile)), .table(Table(header: [Text(hostile)], rows: [[Text(hostile)]])),
                                         .article(label: hostile, paragraphs: []), .signature(Signature(placeAndDate: hostile, title: [hostile], name: hostile))])
        let html = HTMLRendering.string(document)
        #expect(!html.contains("<script"))
        #expect(!html.contains("\"x\""))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co"))
    }

    @Test func aPageFetchesNothing() {
        let html = HTMLRendering.string(act)
        for forbidden in ["http:", "https:", "src=", "url(", "<link", "<script", "@import", "@font-face"] {
            #expect(!html.contains(forbidden), "\(forbidden)")
        }
        #expect(html.contains("size: A4"))
        #expect(html.contains("content: \"Page \" counter(page) \" sur \" counter(pages);"))
        #expect(html.contains(".pageBreak { break-before: page;"))
        #expect(html.contains("tr { break-inside: avoid;"))
    }

    @Test func theSameDocumentGivesTheSameBytes() {
        #expect(HTMLRendering.utf8(act) == HTMLRendering.utf8(act))
        var changed = act
        changed.blocks.append(.separator)
        #expect(HTMLRendering.utf8(changed) != HTMLRendering.utf8(act))
    }

    @Test func lineBreaksAndEmphasisInRuns() {
        var html = MarkupText()
        HTMLRendering.inline("ligne 1\nligne 2 " + .emphasis("titre") + .code("a<b"), into: &html)
        #expect(html.result == "ligne 1<br>ligne 2 <em>titre</em><code>a&lt;b</code>")
    }

    @Test func aSignatureThatCannotBeGivenSaysSoInBold() {
        let unsigned = Document(title: "", blocks: [.signature(Signature(placeAndDate: "Fait à …", title: ["Le Président"], name: nil, missing: "Signataire non renseigné"))])
        let html = HTMLRendering.string(unsigned)
        #expect(html.contains("<p class=\"missing\"><strong>Signataire non renseigné</strong></p>"))
        #expect(!html.contains("class=\"signatoryTitle\""))
    }
}

/// The spaces French punctuation keeps with its word in print.
@Suite struct FrenchTypographyTests {
    @Test func spacesBeforeStopsAndInsideGuillemetsDoNotBreak() {
        let nbsp = "\u{00A0}"
        #expect(FrenchTypography.nonBreaking("DÉCIDE : le dispositif « Aide » ; vraiment ? Oui !")
            == "DÉCIDE\(nbsp): le dispositif «\(nbsp)Aide\(nbsp)»\(nbsp); vraiment\(nbsp)? Oui\(nbsp)!")
        #expect(FrenchTypography.nonBreaking("https://www.telerecours.fr, 12 h 30") == "https://www.telerecours.fr, 12 h 30")
        #expect(FrenchTypography.nonBreaking(" : fin ") == "\(nbsp): fin ")
    }

    /// `frenchText` writes in one pass what `text(nonBreaking(…))` writes in two, whatever stands
    /// around the spaces: markup to escape, characters XML forbids, no-break spaces already there.
    @Test(arguments: ["DÉCIDE : <b> & « Aide » ; ok ?", "a \u{0001}: b", "« »", " :", "« ", "x\u{FFFE} ; y \u{00A0}: z",
                      "sans rien", "", "« \"cité\" » & <fin> !", "\u{00AB} \u{00BB} \u{00AB}\u{00AB} a"])
    func oneOrTwoPassesWriteTheSameBytes(_ text: String) {
        var once = MarkupText(), twice = MarkupText()
        once.frenchText(text)
        twice.text(FrenchTypography.nonBreaking(text))
        #expect(once.utf8 == twice.utf8)
    }
}

/// Markup escaping shared by the HTML and the OpenDocument renderings.
@Suite struct MarkupTextTests {
    @Test func escapesMarkupAndDropsWhatXMLForbids() {
        var markup = MarkupText()
        markup.text("a < b & c > \"d\"\u{0001}\u{FFFE}é\u{FFFF}\tz")
        #expect(markup.result == "a &lt; b &amp; c &gt; &quot;d&quot;é\tz")
    }

    @Test func aPlainTextGoesAsItIs() {
        var markup = MarkupText()
        markup.raw("<p>")
        markup.text("Vu la délibération n° 2020-309 ; l'aide — 30 000 €")
        #expect(markup.result == "<p>Vu la délibération n° 2020-309 ; l'aide — 30 000 €")
    }
}

/// The spaces French typography makes no-break, found from the punctuation marks around them.
@Suite struct FrenchTypographyScanTests {
    /// Every space `joins` says becomes no-break, in order, looked for one byte at a time.
    private func joiningSpacesOneByOne(_ text: String) -> [Int] {
        Array(text.utf8).withUnsafeBufferPointer { bytes in
            bytes.indices.filter { bytes[$0] == UInt8(ascii: " ") && FrenchTypography.joins(bytes, at: $0) }
        }
    }

    private func joiningSpacesByMarks(_ text: String) -> [Int] {
        Array(text.utf8).withUnsafeBufferPointer { bytes in
            var found: [Int] = []
            var index = FrenchTypography.joiningSpace(in: bytes, from: 0)
            while index < bytes.count {
                found.append(index)
                index = FrenchTypography.joiningSpace(in: bytes, from: index + 1)
            }
            return found
        }
    }

    @Test(arguments: ["DÉCIDE : le dispositif « Aide » ; vraiment ? Oui !", "« ; »", "« « » »", " :", ": ", "« ", " »",
                      "ë « ë » ; ;; : :", "a  ; b", "« :", "\u{00AB} \u{00BB} \u{00AB}\u{00AB} a", "sans rien", "", " ", "«»",
                      "Considérant qu'aux termes de l'article 2 : « … » ;", "é ê ë Â « ! ? »"])
    func theMarksFindEverySpaceTheBytesDo(_ text: String) {
        #expect(joiningSpacesByMarks(text) == joiningSpacesOneByOne(text))
    }

    @Test func everyShortMixOfSpacesAndMarksIsFoundAlike() {
        // Every string of up to five pieces among a space, the marks and a letter.
        let pieces = [" ", ";", ":", "«", "»", "a", "ë", "?"]
        var texts = [""]
        for _ in 0..<5 { texts = texts.flatMap { text in pieces.map { text + $0 } } }
        for text in texts where joiningSpacesByMarks(text) != joiningSpacesOneByOne(text) {
            Issue.record("« \(text) »: \(joiningSpacesByMarks(text)) ≠ \(joiningSpacesOneByOne(text))")
        }
    }
}
