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
    /// The PDESI envelope, which the text leaves unset, given its fictitious sample value.
    let catalog = FictitiousParameters.rules()

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
        #expect(result.decisions["PDESI-ENV-02"]?.reason.contains("enveloppe restante (25\u{202F}000,00\u{00A0}€, sur une enveloppe fictive, pour les essais)") == true)
        #expect(result.envelopeFictitious)
        #expect(SelectionReport.markdown(result).contains("| 150\u{202F}000,00\u{00A0}€ (valeur fictive, pour les essais) | 125\u{202F}000,00\u{00A0}€ |"))
    }

    /// The text gives no amount for the PDESI envelope: until the deployment sets it, the call
    /// is refused before anything is ranked, proposed or written, with where to set it.
    @Test func aCallWhoseEnvelopeIsUnsetIsRefused() throws {
        let rules = SchemeCatalog.load(directory: Repository.path("Rules"))
        let scheme = try #require(rules.schemes["pdesi"])
        let message = "l'enveloppe de l'appel n'est pas fixée, aucune sélection n'est faite sans elle : le paramètre « enveloppe_appel » du "
            + "dispositif pdesi (« Enveloppe de l'appel à projets 2020 ») n'a pas de valeur : le texte ne la donne pas (unset: true). "
            + "Fixez-la dans guichet.yaml, sous parameters: {pdesi: {enveloppe_appel: …}}, ou dans un fichier de paramètres donné par --parametres FICHIER"
        let selector = try #require(CallSelector(scheme: scheme))
        #expect(throws: EvaluationError.self) { try selector.select([]) }
        do {
            try selector.checkEnvelope()
            Issue.record("an unset envelope is refused")
        } catch {
            #expect(error.message == message)
            #expect(error.mark.file == Repository.path("Rules/pdesi.yaml"), "located at the envelope of the rules")
        }
        // At a sitting: refused before a file is read or a document written.
        let temporary = try TemporaryFolder("unset-envelope")
        let output = try OutputFolder(directory: temporary.file("out"))
        let sitting = DecisionAct(body: .standingCommittee, reference: "CP-2020-12-14", date: DecisionDay.samples)
        let run = SittingRun(catalog: rules, scheme: scheme, sitting: sitting, issuance: Issuance(stage: .simulation, referenceDate: sitting.date),
                             actor: nil, files: try SentFiles.repository())
        #expect(throws: EvaluationError.self) {
            _ = try run.run(paths: [Repository.path("Applications/pdesi-enveloppe")], register: try DecisionRegister.inMemory(), output: output)
        }
        let written = try FileManager.default.contentsOfDirectory(atPath: temporary.file("out")).filter { !$0.hasPrefix(".") }
        #expect(written.isEmpty, "\(written)")
    }
}
