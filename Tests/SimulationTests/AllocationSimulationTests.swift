import ExactDecimal
import Foundation
import RuleSet
import SchemeLanguage
import Simulation
import TestSupport
import Testing

/// A reform of an allocation formula on the sample of fictitious collèges: the report compares
/// each part of the allocation, summed over the establishments, as well as the totals.
@Suite struct AllocationSimulationTests {
    static func summary(_ reform: String) throws -> SimulationSummary {
        let catalog = FictitiousParameters.rules()
        let loaded = try ReformLoader.load(path: Repository.path("Rules/reforms/\(reform)"), schemes: catalog.schemes).get()
        var problems: [String] = []
        let summary = Simulation(catalog: catalog, reform: loaded)
            .run(paths: [Repository.path("Applications/colleges")], row: { _ in }, problem: { problems.append($0.description) })
        #expect(problems.isEmpty, "\(problems)")
        return summary
    }

    @Test func eachPartIsSummedInBothRunsAndTheirDifferenceIsTheTotals() throws {
        let summary = try Self.summary("colleges-eleve-19.yaml")
        let totals = try #require(summary.schemes["dotations-colleges"])
        #expect(totals.applications >= 12)
        let parts = Dictionary(uniqueKeysWithValues: totals.parts.map { ($0.label, $0) })
        let administration = try #require(parts["Composante administration générale"])
        #expect(administration.after > administration.before)
        // Only the amount per pupil changes: the maintenance component does not move.
        let maintenance = try #require(parts["Composante entretien-maintenance"])
        #expect(maintenance.after == maintenance.before)
        // The allocation and the educational allocation add up to the total granted.
        let dgf = try #require(parts["Dotation globale de fonctionnement"])
        let educational = try #require(parts["Dotation éducative volontariste"])
        #expect(try dgf.before.adding(educational.before) == totals.amountBefore)
        #expect(try dgf.after.adding(educational.after) == totals.amountAfter)
    }

    @Test func theReportPrintsThePartsTable() throws {
        let summary = try Self.summary("colleges-penalite-30.yaml")
        let markdown = SimulationReport.markdown(summary, catalog: FictitiousParameters.rules())
        #expect(markdown.contains("### Dotations, part par part"))
        #expect(markdown.contains("Pour une dotation, que l'autorité calcule pour ses établissements sans qu'ils la demandent"))
        #expect(markdown.contains("| Pénalité sur les résultats non conformes à l'objectif (déduite) |"))
        let html = SimulationPage.html(summary, catalog: FictitiousParameters.rules())
        #expect(html.contains("<h3>Dotations, part par part</h3>"))
    }
}
