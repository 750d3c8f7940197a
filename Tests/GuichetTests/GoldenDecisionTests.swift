import Batch
import Foundation
import Testing

/// The decision files of the sample applications, compared byte for byte with reviewed copies.
///
/// After an intended change of the decisions, regenerate the copies with
/// `GUICHET_UPDATE_GOLDEN=1 swift test --filter GoldenDecisionTests`, then read the diff.
@Suite struct GoldenDecisionTests {
    static let golden = Repository.path("Tests/GuichetTests/Golden/pdesi")

    func evaluateSamples(into out: String) throws -> BatchReport {
        let catalog = SchemeCatalog.load(directory: Repository.path("Rules"))
        let runner = BatchRunner(catalog: catalog, output: try DecisionOutput(directory: out))
        return runner.run(paths: [Repository.path("Applications/pdesi")])
    }

    func temporaryFolder() -> String {
        NSTemporaryDirectory() + "guichet-golden-\(UUID().uuidString)"
    }

    @Test func sampleDecisionsMatchTheReviewedCopies() throws {
        let out = temporaryFolder()
        let report = try evaluateSamples(into: out)
        #expect(report.failureCount == 0)
        #expect(report.entries.count >= 8)
        let produced = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".md") || $0.hasSuffix(".json") }.sorted()
        if ProcessInfo.processInfo.environment["GUICHET_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(atPath: Self.golden)
            try FileManager.default.createDirectory(atPath: Self.golden, withIntermediateDirectories: true)
            for name in produced { try FileManager.default.copyItem(atPath: "\(out)/\(name)", toPath: "\(Self.golden)/\(name)") }
            return
        }
        let expected = try FileManager.default.contentsOfDirectory(atPath: Self.golden).sorted()
        #expect(produced == expected)
        for name in produced {
            let obtained = try Data(contentsOf: URL(fileURLWithPath: "\(out)/\(name)"))
            let reviewed = try Data(contentsOf: URL(fileURLWithPath: "\(Self.golden)/\(name)"))
            #expect(obtained == reviewed, "\(name) differs from its reviewed copy; diff \(out)/\(name) \(Self.golden)/\(name)")
        }
    }

    @Test func twoRunsGiveByteIdenticalDecisions() throws {
        let first = temporaryFolder()
        let second = temporaryFolder()
        _ = try evaluateSamples(into: first)
        _ = try evaluateSamples(into: second)
        let names = try FileManager.default.contentsOfDirectory(atPath: first).sorted()
        #expect(!names.isEmpty)
        for name in names {
            let a = try Data(contentsOf: URL(fileURLWithPath: "\(first)/\(name)"))
            let b = try Data(contentsOf: URL(fileURLWithPath: "\(second)/\(name)"))
            #expect(a == b, "\(name)")
        }
    }

    @Test func everyOutcomeIsAmongTheSamples() throws {
        let report = try evaluateSamples(into: temporaryFolder())
        let outcomes = Set(report.entries.compactMap(\.outcome))
        #expect(outcomes == Set([.favorable, .unfavorable, .incomplete, .toExamine]))
    }
}
