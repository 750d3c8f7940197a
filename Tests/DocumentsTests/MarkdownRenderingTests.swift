import Documents
import Foundation
import Testing

/// An act's blocks as Markdown: every part keeps its structure, and a text from a file cannot
/// break the layout around it.
@Suite struct MarkdownRenderingTests {
    private let act = Document(
        title: "Décision n° 12",
        letterhead: Letterhead(authority: "Département du Pas-de-Calais", sender: ["Direction des sports", "Affaire suivie par : Mme Durand"],
                               references: [Field("Référence", "PDESI-2020-001")]),
        blocks: [
            .actTitle(["DÉCISION n° 12", "portant attribution d'une aide"]),
            .paragraph("Vu la demande ;", role: .visa),
            .paragraph("DÉCIDE :", role: .operative),
            .article(label: "Article 1er", paragraphs: ["Une aide de " + .strong("30 000,00 €") + " est attribuée."]),
            .table(Table(header: ["Critère", "Appréciation"], rows: [["Porteur | habilité", "Rempli"]])),
            .quotation("Aide limitée\nà 40 000 €", source: "Délibération n° 2020-309, article 2"),
            .signature(Signature(placeAndDate: "Fait à Arras, le 14 décembre 2020", title: ["Le Président"], name: "Jean-Claude LEROY")),
        ])

    @Test func anActKeepsItsPartsInOrder() {
        let markdown = MarkdownRendering.string(act)
        let parts = ["# Département du Pas-de-Calais", "Direction des sports\\", "| Référence | PDESI-2020-001 |",
                     "## DÉCISION n° 12", "**portant attribution d'une aide**", "Vu la demande ;", "**DÉCIDE :**",
                     "### Article 1er", "Une aide de **30 000,00 €** est attribuée.", "| Porteur \\| habilité | Rempli |",
                     "> « Aide limitée à 40 000 € »", "Fait à Arras, le 14 décembre 2020", "Jean-Claude LEROY"]
        var rest = Substring(markdown)
        for part in parts {
            let found = rest.range(of: part)
            #expect(found != nil, "\(part) missing or out of order in:\n\(markdown)")
            if let found { rest = rest[found.upperBound...] }
        }
    }

    @Test func aSignatureThatCannotBeGivenSaysSo() {
        let unsigned = Document(title: "", blocks: [.signature(Signature(placeAndDate: "Fait à …", title: [], name: nil, missing: "Signataire non renseigné"))])
        #expect(MarkdownRendering.string(unsigned) == "Fait à …\n\n**Signataire non renseigné**\n\n")
    }

    @Test func emphasisIsOnlyWhatTheBuilderSays() {
        #expect(MarkdownRendering.inline("2 * 3" + .emphasis("titre") + .code("abc")) == "2 \\* 3*titre*`abc`")
    }
}

extension MarkdownRenderingTests {
    @Test func spacesStayOutsideTheMarkers() {
        #expect(MarkdownRendering.inline(.strong("Objet : ") + "notification") == "**Objet :** notification")
        #expect(MarkdownRendering.inline(.strong(" ")) == " ")
    }
}
