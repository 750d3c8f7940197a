import Batch
import Decisions
import Evaluator
import ExactDecimal
import Foundation
import Platform
import Register
import RuleSet
import SchemeLanguage
import TestSupport
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
        #expect(markdown.contains("| **Non rempli** | L'E.S.I. n'est ni inscrit ni classé au P.D.E.S.I. |"))
        // The abbreviation's point ends the sentence: no second full stop; and the fact, which
        // the ground already states, is not said a second time.
        #expect(markdown.contains("**En fait.** L'E.S.I. concerné n'est ni inscrit ni classé au P.D.E.S.I.\n"))
        #expect(!markdown.contains("P.D.E.S.I..") && !markdown.contains("Il ressort du dossier que l'E.S.I. n'est ni inscrit"))
    }
}
