import Batch
import Decisions
import Foundation
import Platform
import Register
import RuleSet
import TestSupport
import Testing

/// The decision files of the sample applications, compared byte for byte with reviewed copies.
///
/// After an intended change of the decisions, regenerate the copies with
/// `GUICHET_UPDATE_GOLDEN=1 swift test --filter GoldenDecisionTests`, then read the diff.
@Suite struct GoldenDecisionTests {
    static let folders = ["pdesi", "logement", "itineraires-cyclables-colleges"]

    /// The samples decided one after the other in filing order, each document counting the aid
    /// decided before it, as the batch names them; a fresh register for each run.
    func evaluateSamples(_ folder: String, into out: String) throws -> PresidentDecisions.Result {
        let catalog = SchemeCatalog.load(directory: Repository.path("Rules"))
        return try PresidentDecisions(catalog: catalog)
            .decide([Repository.path("Applications/\(folder)")], register: try DecisionRegister.inMemory(), output: try OutputFolder(directory: out))
    }

    /// Each run writes into a folder of its own, removed when the test is over.
    let temporary: TemporaryFolder

    init() throws {
        temporary = try TemporaryFolder("golden")
    }

    func temporaryFolder() -> String {
        temporary.file("run-\(UUID().uuidString)")
    }

    @Test(arguments: folders)
    func sampleDecisionsMatchTheReviewedCopies(_ folder: String) throws {
        let golden = Repository.path("Tests/DecisionsTests/Golden/\(folder)")
        let out = temporaryFolder()
        let samples = try evaluateSamples(folder, into: out)
        #expect(samples.failures.isEmpty)
        #expect(samples.evaluations.count >= 8)
        let produced = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".md") || $0.hasSuffix(".json") }.sorted()
        if ProcessInfo.processInfo.environment["GUICHET_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(atPath: golden)
            try FileManager.default.createDirectory(atPath: golden, withIntermediateDirectories: true)
            for name in produced { try FileManager.default.copyItem(atPath: "\(out)/\(name)", toPath: "\(golden)/\(name)") }
            return
        }
        let expected = try FileManager.default.contentsOfDirectory(atPath: golden).sorted()
        #expect(produced == expected)
        for name in produced {
            let obtained = try Data(contentsOf: URL(fileURLWithPath: "\(out)/\(name)"))
            let reviewed = try Data(contentsOf: URL(fileURLWithPath: "\(golden)/\(name)"))
            #expect(obtained == reviewed, "\(name) differs from its reviewed copy; regenerate with GUICHET_UPDATE_GOLDEN=1 and read git diff")
        }
    }

    /// The documents of the stages after a simulation — fiches, a request for pieces, a
    /// proposal, acts of a body that votes and of the President, a notification, withdrawals by
    /// each — and the proposal reports of two calls, in `Golden/stages`.
    @Test func stageDocumentsMatchTheReviewedCopies() throws {
        var produced: [String: String] = [:]
        for (name, record) in try StageFixture.goldenRecords() {
            produced["\(name).md"] = MarkdownDecision.render(record)
            produced["\(name).json"] = JSONDecision.render(record)
        }
        for (name, act) in try StageFixture.goldenWithdrawals() { produced["\(name).md"] = act.markdown() }
        let pdesi = try StageFixture.selection("pdesi", scheme: "pdesi")
        produced["pdesi.proposition.md"] = ProposalReport.markdown(pdesi, sitting: StageFixture.sitting, deployment: StageFixture.deployment)
        let medecins = try StageFixture.selection("medecins", scheme: "medecins-salaries")
        produced["medecins-salaries.proposition.md"] = ProposalReport.markdown(medecins, sitting: StageFixture.committee)
        let golden = Repository.path("Tests/DecisionsTests/Golden/stages")
        if ProcessInfo.processInfo.environment["GUICHET_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(atPath: golden)
            try FileManager.default.createDirectory(atPath: golden, withIntermediateDirectories: true)
            for (name, text) in produced { try Data(text.utf8).write(to: URL(fileURLWithPath: "\(golden)/\(name)")) }
            return
        }
        #expect(produced.keys.sorted() == (try FileManager.default.contentsOfDirectory(atPath: golden).sorted()))
        for (name, text) in produced.sorted(by: { $0.key < $1.key }) {
            // A sentence ending with an abbreviation (« au P.D.E.S.I. ») takes no second point.
            #expect(!text.contains("I.."), "\(name): an abbreviation's point doubled")
            let reviewed = try? String(contentsOfFile: "\(golden)/\(name)", encoding: .utf8)
            #expect(text == reviewed, "\(name) differs from its reviewed copy; regenerate with GUICHET_UPDATE_GOLDEN=1 and read git diff")
        }
    }

    @Test(arguments: folders)
    func twoRunsGiveByteIdenticalDecisions(_ folder: String) throws {
        let first = temporaryFolder()
        let second = temporaryFolder()
        _ = try evaluateSamples(folder, into: first)
        _ = try evaluateSamples(folder, into: second)
        let names = try FileManager.default.contentsOfDirectory(atPath: first).sorted()
        #expect(!names.isEmpty)
        for name in names {
            let a = try Data(contentsOf: URL(fileURLWithPath: "\(first)/\(name)"))
            let b = try Data(contentsOf: URL(fileURLWithPath: "\(second)/\(name)"))
            #expect(a == b, "\(name)")
        }
    }

    @Test(arguments: folders)
    func everyOutcomeIsAmongTheSamples(_ folder: String) throws {
        let samples = try evaluateSamples(folder, into: temporaryFolder())
        let outcomes = Set(samples.evaluations.map(\.outcome))
        #expect(outcomes == Set([.favorable, .unfavorable, .incomplete, .toExamine]))
    }
}
