import Batch
import Decisions
import Evaluator
import Foundation
import Register
import RuleSet
import SchemeLanguage
import TestSupport
import Testing

/// The selection report's French, where it used to write "candidature(s)".
@Suite struct SelectionWordingTests {
    /// With a rural quota of 3 on the sample calls, the quota cannot be filled: the minutes say
    /// how many candidates there were, the noun agreed.
    @Test func anUnfilledQuotaCountsItsCandidatesInGoodFrench() throws {
        let text = try String(contentsOfFile: Repository.path("Rules/medecins-salaries.yaml"), encoding: .utf8)
        let widened = text.replacing("quotas: {rural: 1,", with: "quotas: {rural: 3,")
        #expect(widened != text)
        let shared = DeliberationsLoader.load(path: Repository.path("Rules/deliberations.yaml")).deliberations
        let scheme = try SchemeLoader.load(bytes: Array(widened.utf8), file: "medecins-salaries.yaml", deliberations: shared).get()
        let catalog = SchemeCatalog(schemes: [scheme.id: scheme])
        let report = BatchRunner(catalog: catalog, referenceDate: DecisionDay.samples, output: nil, register: try DecisionRegister.inMemory())
            .run(paths: [Repository.path("Applications/medecins")])
        let evaluations = report.entries.compactMap { entry -> Evaluation? in
            if case .decided(let evaluation) = entry.result { return evaluation }
            return nil
        }
        let result = try #require(CallSelector(scheme: scheme)).select(evaluations)
        let quota = try #require(result.quotas.first { $0.category == "rural" })
        #expect(quota.retained < 3 && quota.admissible > 0)
        let minutes = SelectionReport.markdown(result)
        #expect(!minutes.contains("(s)"))
        #expect(minutes.contains("non pourvu : \(FrenchFormat.count(quota.admissible, "candidature admissible", "candidatures admissibles")) seulement"))
    }
}
