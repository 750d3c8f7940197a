import Simulation
import Testing

/// A reform's breakdown by an input with named values shows their French labels.
@Suite struct BreakdownLabelTests {
    /// The pdesi-60 reform breaks its amounts down by category: by label, in the scheme's order.
    @Test func theReformBreakdownShowsTheCategoriesByLabel() throws {
        let tests = try SimulationTests()
        let catalog = tests.catalog
        let (summary, _) = try tests.simulate(try tests.reform("Rules/reforms/pdesi-60.yaml"), tests.pdesiPortfolio)
        let markdown = SimulationReport.markdown(summary, catalog: catalog)
        let lines = markdown.split(separator: "\n").filter { $0.hasPrefix("| dont `esi.categorie`") }
        #expect(lines == [
            "| dont `esi.categorie` = E.S.I. inscrit au P.D.E.S.I. en 1re catégorie (2 demandes) | 40\u{202F}000,00\u{00A0}€ | 50\u{202F}000,00\u{00A0}€ | +10\u{202F}000,00\u{00A0}€ |",
            "| dont `esi.categorie` = E.S.I. inscrit au P.D.E.S.I. en 2e catégorie (1 demande) | 40\u{202F}000,00\u{00A0}€ | 50\u{202F}000,00\u{00A0}€ | +10\u{202F}000,00\u{00A0}€ |",
            "| dont `esi.categorie` = E.S.I. classé au P.D.E.S.I. en 3e catégorie (1 demande) | 35\u{202F}000,00\u{00A0}€ | 35\u{202F}000,00\u{00A0}€ | 0,00\u{00A0}€ |",
        ])
        let html = SimulationPage.html(summary, catalog: catalog)
        // The page names the input by its question, the values by their labels, never by their ids.
        #expect(html.contains("<td data-label=\"\">E.S.I. classé au P.D.E.S.I. en 3e catégorie (1 demande)</td>"))
        #expect(html.contains("« Dans quelle catégorie l'E.S.I. est-il inscrit ou classé au P.D.E.S.I. ? »"))
        #expect(!html.contains("esi.categorie") && !html.contains("inscrit_1"))
    }
}
