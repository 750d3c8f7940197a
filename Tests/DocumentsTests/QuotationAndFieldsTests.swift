import Documents
import Testing

/// The blocks acts do not use today but the model offers — a quotation with its source, labelled
/// values — rendered in Markdown and HTML like the others: escaped, in their element.
@Suite struct QuotationAndFieldsTests {
    private let nbsp = "\u{00A0}"
    private let document = Document(title: "t", blocks: [
        .quotation("Aide limitée à " + .strong("40 000 €"), source: "Délibération n° 2020-309, article 2"),
        .fields([Field("Demandeur", "Commune de Wimereux"), Field("Montant *voté*", .strong("30 000,00 €"))]),
    ])

    @Test func aQuotationKeepsItsGuillemetsWithItsText() {
        let html = HTMLRendering.string(document)
        #expect(html.contains("<figure class=\"quotation\">\n<blockquote><p>«\(nbsp)Aide limitée à <strong>40 000 €</strong>\(nbsp)»</p></blockquote>"))
        #expect(html.contains("<figcaption>— Délibération n° 2020-309, article 2</figcaption>"))
        #expect(!html.contains("« ") && !html.contains(" »"))
    }

    @Test func aQuotationInMarkdownIsAQuote() {
        let markdown = MarkdownRendering.string(document)
        #expect(markdown.hasPrefix("> « Aide limitée à **40 000 €** »\n>\n> — Délibération n° 2020-309, article 2\n\n"))
    }

    @Test func fieldsAreATwoColumnTable() {
        let html = HTMLRendering.string(document)
        #expect(html.contains("<table class=\"fields\">\n<tbody>\n<tr><th scope=\"row\">Demandeur</th><td>Commune de Wimereux</td></tr>\n"
            + "<tr><th scope=\"row\">Montant *voté*</th><td><strong>30 000,00 €</strong></td></tr>\n</tbody>\n</table>"))
        let markdown = MarkdownRendering.string(document)
        #expect(markdown.hasSuffix("| | |\n|---|---|\n| Demandeur | Commune de Wimereux |\n| Montant \\*voté\\* | **30 000,00 €** |\n\n"))
    }
}
