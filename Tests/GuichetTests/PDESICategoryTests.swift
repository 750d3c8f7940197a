import Batch
import Decisions
import Evaluator
import ExactDecimal
import Foundation
import Platform
import Register
import RuleSet
import SchemeLanguage
import Simulation
import Testing

/// The categories of a P.D.E.S.I. site are named values (`inscrit_1`, `inscrit_2`, `classe`,
/// `non_inscrit`) that decisions and reports show with their French labels.
@Suite struct PDESICategoryTests {
    let catalog = SchemeCatalog.load(directory: Repository.path("Rules"))

    @Test func theCategoryIsAnEnumerationWithFrenchLabels() throws {
        let scheme = try #require(catalog.schemes["pdesi"])
        let input = try #require(scheme.inputs.first { $0.id == "esi.categorie" })
        guard case .enumeration(let domain) = input.type else {
            Issue.record("esi.categorie is a \(input.type)")
            return
        }
        #expect(domain.values == ["inscrit_1", "inscrit_2", "classe", "non_inscrit"])
        #expect(domain.label(of: "classe") == "E.S.I. classé au P.D.E.S.I. en 3e catégorie")
    }

    /// The rate and the ceiling follow the named category, as they followed the number.
    @Test(arguments: [("inscrit_1", "60 000 €", 30_000), ("inscrit_2", "100 000 €", 40_000), ("classe", "50 000 €", 35_000)])
    func eachCategoryHasItsRateAndCeiling(_ category: String, _ expense: String, _ amount: Int) throws {
        let scheme = try #require(catalog.schemes["pdesi"])
        let evaluation = try Load.evaluate(PDESITests.application("A", category: category, expense: expense), scheme: scheme)
        #expect(evaluation.outcome == .favorable)
        #expect(evaluation.amount?.final == DecimalNumber(amount))
    }

    @Test func aDecisionShowsTheCategoryByItsLabel() throws {
        let scheme = try #require(catalog.schemes["pdesi"])
        let evaluation = try Load.evaluate(PDESITests.application("A", category: "non_inscrit", expense: "10 000 €"), scheme: scheme)
        let markdown = MarkdownDecision.render(DecisionRecord(evaluation))
        #expect(markdown.contains("| **Non rempli** | esi.categorie : E.S.I. ni inscrit ni classé au P.D.E.S.I. |"))
        // The abbreviation's point ends the sentence: no second full stop.
        #expect(markdown.contains("— E.S.I. ni inscrit ni classé au P.D.E.S.I.\n"))
        #expect(!markdown.contains("P.D.E.S.I.."))
    }

    /// The pdesi-60 reform breaks its amounts down by category: by label, in the scheme's order.
    @Test func theReformBreakdownShowsTheCategoriesByLabel() throws {
        let tests = SimulationTests()
        let (summary, _) = try tests.simulate(try tests.reform("Rules/reforms/pdesi-60.yaml"), tests.pdesiPortfolio)
        let markdown = SimulationReport.markdown(summary, catalog: catalog)
        let lines = markdown.split(separator: "\n").filter { $0.hasPrefix("| dont `esi.categorie`") }
        #expect(lines == [
            "| dont `esi.categorie` = E.S.I. inscrit au P.D.E.S.I. en 1re catégorie (2 demandes) | 40\u{202F}000,00\u{00A0}€ | 50\u{202F}000,00\u{00A0}€ | +10\u{202F}000,00\u{00A0}€ |",
            "| dont `esi.categorie` = E.S.I. inscrit au P.D.E.S.I. en 2e catégorie (1 demande) | 40\u{202F}000,00\u{00A0}€ | 50\u{202F}000,00\u{00A0}€ | +10\u{202F}000,00\u{00A0}€ |",
            "| dont `esi.categorie` = E.S.I. classé au P.D.E.S.I. en 3e catégorie (1 demande) | 35\u{202F}000,00\u{00A0}€ | 35\u{202F}000,00\u{00A0}€ | 0,00\u{00A0}€ |",
        ])
        let html = SimulationPage.html(summary, catalog: catalog)
        #expect(html.contains("esi.categorie = E.S.I. classé au P.D.E.S.I. en 3e catégorie (1 demande)"))
    }
}
