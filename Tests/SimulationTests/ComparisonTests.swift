import ExactDecimal
import Foundation
import RuleSet
import SchemeLanguage
@testable import Simulation
import TestSupport
import Testing

/// Two reforms side by side, on the PDESI samples with the fictitious envelope: the Markdown
/// and the page show the same figures, the differences add up, and no one is named.
@Suite struct ComparisonTests {
    let catalog = FictitiousParameters.rules()

    func summary(_ reform: String, _ portfolio: String) throws -> SimulationSummary {
        let loaded = try ReformLoader.load(path: Repository.path(reform), schemes: catalog.schemes).get()
        return Simulation(catalog: catalog, reform: loaded).run(paths: [Repository.path(portfolio)], row: { _ in }, csvFormat: .spreadsheet)
    }

    func comparison(_ portfolio: String = "Applications/pdesi") throws -> ReformComparison {
        ReformComparison(try summary("Rules/reforms/pdesi-60.yaml", portfolio), try summary("Rules/reforms/pdesi-classes-80.yaml", portfolio),
                         catalog: catalog)
    }

    @Test func theMarkdownAndThePageShowTheSameFigures() throws {
        let comparison = try comparison()
        let markdown = ComparisonReport.markdown(comparison), html = ComparisonPage.html(comparison)
        let written = SimulationPageTests.figures(markdown).sorted(), shown = SimulationPageTests.figures(SimulationPageTests.pageText(html)).sorted()
        #expect(written.count > 30)
        #expect(written == shown, "figures only in the Markdown \(Set(written).subtracting(shown)), only in the page \(Set(shown).subtracting(written))")
        let charted = Set(SimulationPageTests.figures(SimulationPageTests.chartText(html)))
        #expect(!charted.isEmpty && charted.isSubset(of: Set(shown)), "\(charted.subtracting(shown))")
    }

    /// Today's column is each simulation's « aujourd'hui », and A's and B's columns are each
    /// one's « avec la réforme »: the comparison adds nothing the two reports do not say.
    @Test func eachColumnIsOneSimulationsFigure() throws {
        let a = try summary("Rules/reforms/pdesi-60.yaml", "Applications/pdesi")
        let b = try summary("Rules/reforms/pdesi-classes-80.yaml", "Applications/pdesi")
        let comparison = ReformComparison(a, b, catalog: catalog)
        let scheme = try #require(comparison.schemes.first { $0.id == "pdesi" })
        let amounts = try #require(scheme.lines.first)
        let totalsA = try #require(a.schemes["pdesi"]), totalsB = try #require(b.schemes["pdesi"])
        #expect(totalsA.amountBefore == totalsB.amountBefore)
        #expect(amounts.values == [totalsA.amountBefore, totalsA.amountAfter, totalsB.amountAfter].map(FrenchFormat.money))
        let versus = try totalsB.amountAfter.subtracting(totalsA.amountAfter)
        #expect(amounts.changes[2] == FrenchFormat.signedMoney(versus))
        #expect(totalsA.amountAfter != totalsB.amountAfter, "the two reforms must differ for the test to mean something")
        let sentence = versus > .zero ? "coûte \(FrenchFormat.money(versus)) de plus par an que la réforme A"
            : "coûte \(FrenchFormat.money(versus.negated())) de moins par an que la réforme A"
        #expect(comparison.headline.contains { $0.hasPrefix("La réforme B \(sentence)") }, "\(comparison.headline)")
        // The call's envelope needed to fund every admissible project, in the three cases.
        let callA = try #require(totalsA.call), callB = try #require(totalsB.call)
        let needed = "il faudrait une enveloppe de \(FrenchFormat.money(callA.before.needed)) aujourd'hui, de "
            + "\(FrenchFormat.money(callA.after.needed)) avec la réforme A et de \(FrenchFormat.money(callB.after.needed)) avec la réforme B."
        #expect(comparison.headline.contains { $0.hasPrefix("Appel à projets") && $0.hasSuffix(needed) }, "\(comparison.headline)")
        #expect(callA.before.needed == callB.before.needed && callA.after.needed != callB.after.needed)
    }

    @Test func theParametersOfBothReformsSideBySide() throws {
        let comparison = try comparison()
        let rows = comparison.parameters
        #expect(rows.count == 4)
        let rate = try #require(rows.first { $0[1].hasPrefix("Taux de participation pour un E.S.I. inscrit") })
        #expect(rate[3].contains("60") && rate[4] == ReformComparison.unchanged)
        let classified = try #require(rows.first { $0[1].hasPrefix("Taux de participation pour un E.S.I. classé") })
        #expect(classified[3] == ReformComparison.unchanged && classified[4].contains("80"))
    }

    /// The housing reform compared with itself on the care leavers' samples: no name in either report.
    @Test func noOneIsNamed() throws {
        let reform = "Rules/reforms/solvabilisation-600.yaml"
        let comparison = ReformComparison(try summary(reform, "Applications/logement"), try summary(reform, "Applications/logement"), catalog: catalog)
        let markdown = ComparisonReport.markdown(comparison), html = ComparisonPage.html(comparison)
        let applicants = try ReportPrivacyTests().names()
        #expect(applicants.count > 20)
        for name in applicants {
            #expect(!markdown.contains(name) && !html.contains(name), "\(name)")
        }
        #expect(comparison.headline.contains { $0.hasPrefix("Les deux réformes coûtent autant : ") })
    }

    @Test func thePageIsForPeople() throws {
        let html = ComparisonPage.html(try comparison())
        #expect(html.contains("<html lang=\"fr\">") && html.contains("name=\"viewport\"") && html.contains("@page{size:A4"))
        #expect(html.contains("<figure>") && html.contains("role=\"img\" aria-label=\"Graphique en barres."))
    }

    /// « Demandes aidées »: a call's projects counted when retained, in each of the three cases,
    /// the same counts as each simulation's own report gives.
    @Test func theAidedLineCountsWhatEachReportCounts() throws {
        let a = try summary("Rules/reforms/pdesi-60.yaml", "Applications/pdesi")
        let b = try summary("Rules/reforms/pdesi-classes-80.yaml", "Applications/pdesi")
        let comparison = ReformComparison(a, b, catalog: catalog)
        let impactA = ReformImpact(a, catalog: catalog), impactB = ReformImpact(b, catalog: catalog)
        let today = impactA.schemes.reduce(0) { $0 + $1.aided.before }
        let withA = impactA.schemes.reduce(0) { $0 + $1.aided.after }, withB = impactB.schemes.reduce(0) { $0 + $1.aided.after }
        #expect(today == impactB.schemes.reduce(0) { $0 + $1.aided.before })
        let line = "Demandes aidées : \(FrenchFormat.count(today)) aujourd'hui, \(FrenchFormat.count(withA)) avec la réforme A "
            + "(\(FrenchFormat.signedCount(withA - today))) et \(FrenchFormat.count(withB)) avec la réforme B (\(FrenchFormat.signedCount(withB - today)))."
        #expect(comparison.headline.contains(line), "\(comparison.headline)")
        // Each reform's own report says the same of its run.
        #expect(impactA.headline.contains { $0.hasSuffix(": \(FrenchFormat.count(today)) aujourd'hui, \(FrenchFormat.count(withA)) avec la réforme "
                                                          + "(\(FrenchFormat.signedCount(withA - today))).") && $0.hasPrefix("Demandes aidées") })
        // Retained projects, not admissible ones: the call's figures are in the count.
        let call = try #require(a.schemes["pdesi"]?.call)
        #expect(call.before.retained < call.before.admissible, "the envelope must leave projects out for the test to mean something")
        #expect(ComparisonReport.markdown(comparison).contains(line) && ComparisonPage.html(comparison).contains(line))
    }
}
