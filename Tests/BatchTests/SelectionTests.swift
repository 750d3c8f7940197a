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

/// Calls: admissibility, quotas, ties settled whatever the order, envelopes.
@Suite struct SelectionTests {
    let catalog = SchemeCatalog.load(directory: Repository.path("Rules"))

    func evaluations(_ folder: String, scheme: String, order: [String]? = nil) throws -> [Evaluation] {
        let files = try FileManager.default.contentsOfDirectory(atPath: Repository.path(folder)).filter { $0.hasSuffix(".yaml") }.sorted()
        let paths = (order ?? files).map { Repository.path("\(folder)/\($0)") }
        let report = BatchRunner(catalog: catalog, referenceDate: DecisionDay.samples, output: nil, register: try DecisionRegister.inMemory()).run(paths: paths)
        return report.entries.compactMap { entry in
            if case .decided(let evaluation) = entry.result, evaluation.scheme.id == scheme { return evaluation }
            return nil
        }
    }

    func select(_ evaluations: [Evaluation], scheme: String) throws -> SelectionResult {
        let definition = try #require(catalog.schemes[scheme])
        let selector = try #require(CallSelector(scheme: definition))
        return try selector.select(evaluations)
    }

    @Test func onePerProfileAtMostThree() throws {
        let result = try select(try evaluations("Applications/medecins", scheme: "medecins-salaries"), scheme: "medecins-salaries")
        #expect(result.retained.map(\.evaluation.application.id).sorted() == ["MED-2020-01", "MED-2020-05", "MED-2020-07"])
        #expect(Set(result.retained.compactMap(\.category)).count == result.retained.count)
        #expect(result.inadmissible.map(\.application.id) == ["MED-2020-06", "MED-2020-08", "MED-2020-09", "MED-2020-11"])
        #expect(result.pending.map(\.application.id) == ["MED-2020-03"])
        #expect(result.decisions["MED-2020-06"]?.placement == .notRetained)
        #expect(result.decisions["MED-2020-03"] == nil, "a file still to examine has no place yet")
        // Liévin and Lens have one signal each: the earlier receipt wins.
        #expect(result.decisions["MED-2020-05"]?.placement == .retained)
        #expect(result.decisions["MED-2020-04"]?.placement == .waitingList)
        // The instructor's corrected profile counts: Marquise competes as rural.
        #expect(result.ranked.first { $0.evaluation.application.id == "MED-2020-10" }?.category == "rural")
    }

    @Test func theMinutesMatchTheirReviewedCopy() throws {
        let result = try select(try evaluations("Applications/medecins", scheme: "medecins-salaries"), scheme: "medecins-salaries")
        let minutes = SelectionReport.markdown(result)
        let golden = Repository.path("Tests/DecisionsTests/Golden/selection/medecins-salaries.md")
        if ProcessInfo.processInfo.environment["GUICHET_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(atPath: Repository.path("Tests/DecisionsTests/Golden/selection"), withIntermediateDirectories: true)
            try Data(minutes.utf8).write(to: URL(fileURLWithPath: golden))
            return
        }
        #expect(minutes == (try String(contentsOfFile: golden, encoding: .utf8)))
    }

    @Test func anEmptyProfileStaysEmptyAndIsReported() throws {
        let all = try evaluations("Applications/medecins", scheme: "medecins-salaries")
        let withoutDynamic = all.filter { $0.application.id != "MED-2020-07" }
        let result = try select(withoutDynamic, scheme: "medecins-salaries")
        #expect(result.retained.count == 2, "no other profile takes the empty one's place")
        let quota = try #require(result.quotas.first { $0.category == "dynamique_locale" })
        #expect(quota.retained == 0 && quota.admissible == 0)
        #expect(SelectionReport.markdown(result).contains("non pourvu : aucune candidature admissible dans cette catégorie"))
    }

    @Test func theSameApplicationsInAnyOrderGiveTheSameResult() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Repository.path("Applications/medecins")).filter { $0.hasSuffix(".yaml") }.sorted()
        let forward = try select(try evaluations("Applications/medecins", scheme: "medecins-salaries", order: files), scheme: "medecins-salaries")
        var generator = SplitMix64(seed: 7)
        for _ in 0..<5 {
            let shuffled = files.shuffled(using: &generator)
            let result = try select(try evaluations("Applications/medecins", scheme: "medecins-salaries", order: shuffled), scheme: "medecins-salaries")
            #expect(result.ranked.map(\.evaluation.application.id) == forward.ranked.map(\.evaluation.application.id))
            #expect(SelectionReport.markdown(result) == SelectionReport.markdown(forward))
        }
    }

    @Test func exactTiesAreSettledByTheReferenceNeverByFileOrder() throws {
        let all = try evaluations("Applications/medecins", scheme: "medecins-salaries")
        let urban = all.filter { ["MED-2020-04", "MED-2020-05"].contains($0.application.id) }
        // Same applications, presented in both orders: Liévin (earlier receipt) first each time.
        for order in [urban, urban.reversed()] {
            let result = try select(Array(order), scheme: "medecins-salaries")
            #expect(result.ranked.map(\.evaluation.application.id) == ["MED-2020-05", "MED-2020-04"])
        }
    }

    @Test func theEnvelopeIsNeverExceeded() throws {
        let result = try select(try evaluations("Applications/pdesi-enveloppe", scheme: "pdesi"), scheme: "pdesi")
        #expect(result.envelope == DecimalNumber(150_000))
        #expect(result.used == DecimalNumber(125_000))
        #expect(result.retained.map(\.evaluation.application.id) == ["PDESI-ENV-01", "PDESI-ENV-03", "PDESI-ENV-04", "PDESI-ENV-06"])
        #expect(result.waiting.map(\.evaluation.application.id) == ["PDESI-ENV-02", "PDESI-ENV-05"])
        #expect(result.decisions["PDESI-ENV-02"]?.reason.contains("enveloppe restante (25\u{202F}000,00") == true)
    }
}
