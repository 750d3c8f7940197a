import Foundation
import Simulation
import Testing

/// A reform's breakdown by an input with named values shows their French labels, and never a
/// group small enough to single anyone out.
@Suite struct BreakdownLabelTests {
    /// `count` PDESI files of one category, each its own owner (no yearly cap shared).
    func files(_ tests: SimulationTests, _ category: String, _ count: Int, from first: Int) -> String {
        (first..<first + count).map { number in
            tests.pdesi("P-\(number)", siren: "2162000\(10 + number)", esi: "ESI-\(number)", category: category, expense: "10 000 €")
        }.joined()
    }

    /// The breakdown's lines of the report, up to the count of applications.
    func groupLines(_ markdown: String) -> [String] {
        markdown.split(separator: "\n").filter { $0.hasPrefix("| dont ") }.map { line in
            String(line.prefix { $0 != ")" }) + ")"
        }
    }

    /// The pdesi-60 reform breaks its amounts down by category: by label, in the scheme's order.
    @Test func theReformBreakdownShowsTheCategoriesByLabel() throws {
        let tests = try SimulationTests()
        let portfolio = files(tests, "classe", 5, from: 1) + files(tests, "inscrit_1", 6, from: 6)
        let (summary, _) = try tests.simulate(try tests.reform("Rules/reforms/pdesi-60.yaml"), portfolio)
        let markdown = SimulationReport.markdown(summary, catalog: tests.catalog)
        #expect(groupLines(markdown) == [
            "| dont E.S.I. inscrit au P.D.E.S.I. en 1re catégorie (6 demandes)",
            "| dont E.S.I. classé au P.D.E.S.I. en 3e catégorie (5 demandes)",
        ])
        // The Markdown, like the page, names the input by its question, never by its id.
        #expect(markdown.contains("Au total, puis selon la réponse à la question « Dans quelle catégorie l'E.S.I. est-il inscrit ou classé au P.D.E.S.I. ? » :"))
        #expect(!markdown.contains("esi.categorie"))
        let html = SimulationPage.html(summary, catalog: tests.catalog)
        // The page names the input by its question, the values by their labels, never by their ids.
        #expect(html.contains("<td data-label=\"\">E.S.I. classé au P.D.E.S.I. en 3e catégorie (5 demandes)</td>"))
        #expect(html.contains("« Dans quelle catégorie l'E.S.I. est-il inscrit ou classé au P.D.E.S.I. ? »"))
        #expect(!html.contains("esi.categorie") && !html.contains("inscrit_1"))
    }

    /// A group of 2 would be given away by the total less the others: it joins the smallest
    /// group shown under « autres valeurs », whose amounts are theirs added up.
    @Test func smallGroupsAreMergedUntilNoneCanBeSingledOut() throws {
        let tests = try SimulationTests()
        let portfolio = files(tests, "inscrit_1", 6, from: 1) + files(tests, "inscrit_2", 2, from: 7) + files(tests, "classe", 5, from: 9)
        let (summary, _) = try tests.simulate(try tests.reform("Rules/reforms/pdesi-60.yaml"), portfolio)
        let markdown = SimulationReport.markdown(summary, catalog: tests.catalog)
        #expect(groupLines(markdown) == [
            "| dont E.S.I. inscrit au P.D.E.S.I. en 1re catégorie (6 demandes)",
            "| dont autres valeurs (7 demandes)",
        ])
        // 2 × 5 000 → 6 000 (inscribed, 50 % → 60 %), 5 × 7 000 unchanged (classed, 70 %).
        #expect(markdown.contains("autres valeurs (7 demandes) | 45\u{202F}000,00\u{00A0}€ | 47\u{202F}000,00\u{00A0}€ | +2\u{202F}000,00\u{00A0}€ |"))
        #expect(!markdown.contains("en 2e catégorie ("), "the group of 2 must not be shown")
    }

    /// Groups of 2, 1 and 1: even merged they are fewer than 5, so no breakdown is shown at all.
    @Test func aBreakdownOfTooFewApplicationsIsNotShown() throws {
        let tests = try SimulationTests()
        let (summary, _) = try tests.simulate(try tests.reform("Rules/reforms/pdesi-60.yaml"), tests.pdesiPortfolio)
        let impact = ReformImpact(summary, catalog: tests.catalog)
        #expect(impact.schemes.first?.groups.isEmpty == true && impact.schemes.first?.breakdown == nil)
        #expect(groupLines(SimulationReport.markdown(impact)).isEmpty)
        #expect(!SimulationPage.html(impact).contains("esi.categorie ="))
    }
}
