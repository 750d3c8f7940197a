import Documents
import OpenDocument
import Testing

/// A quotation and labelled values, the model's blocks the acts do not use today, as ODT: in
/// their named styles, the guillemets kept with the quoted text.
@Suite struct ODTQuotationAndFieldsTests {
    @Test func aQuotationIsTwoParagraphsInItsStyles() throws {
        let document = Document(title: "t", blocks: [.quotation("Aide limitée", source: "Délibération n° 2020-309")])
        let content = try ODTFiles.part("content.xml", of: ODTRendering.render(document, template: Repository.defaultTemplate))
        #expect(content.contains("<text:p text:style-name=\"Guichet_20_Citation\">«\u{00A0}Aide limitée\u{00A0}»</text:p>"
            + "<text:p text:style-name=\"Guichet_20_Source_20_de_20_citation\">— Délibération n° 2020-309</text:p>"))
    }

    @Test func fieldsAreATableOfLabelsAndValues() throws {
        let document = Document(title: "t", blocks: [.fields([Field("Demandeur", "Commune de Wimereux"), Field("Montant", .strong("30 000,00 €"))])])
        let content = try ODTFiles.part("content.xml", of: ODTRendering.render(document, template: Repository.defaultTemplate))
        let xml = ParsedXML(content)
        #expect(xml.isWellFormed)
        #expect(content.contains("<text:p text:style-name=\"Guichet_20_Libellé\">Demandeur</text:p>"))
        #expect(content.contains("<text:p text:style-name=\"Guichet_20_Cellule\"><text:span text:style-name=\"Guichet_20_Gras\">30 000,00 €</text:span></text:p>"))
        #expect(!content.contains("<table:table-header-rows>"))
    }
}
