import Batch
import Foundation
import Portfolios
import Register
import RuleSet
import TestSupport
import Testing

/// An instruction batch killed with SIGKILL in the middle leaves the register and the output
/// folder consistent, and running it again ends exactly as an uninterrupted run.
@Suite(.serialized) struct CrashTests {
    /// « guichet evaluate » recording instruction fiches in `register`, which must exist.
    func evaluate(_ stream: String, out: String, register: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(CommandLine.executable, "build the tool first: swift build"))
        process.arguments = ["evaluate", stream, "--rules", Repository.path("Rules"), "--out", out, "--register", register, "--date", "2021-12-31"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    func decisions(in folder: String) -> Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".md") }.count
    }

    @Test func aBatchKilledInTheMiddleEndsAsAnUninterruptedOne() throws {
        let temporary = try TemporaryFolder("crash")
        defer { withExtendedLifetime(temporary) {} }
        let folder = temporary.path
        let catalog = SchemeCatalog.load(directory: Repository.path("Rules"))
        let scheme = try #require(catalog.schemes["pdesi"])
        let count = 3000
        var generator = SyntheticApplications(scheme: scheme, seed: 62)
        let stream = "\(folder)/stream.yaml"
        try Data((1...count).map { generator.document($0) }.joined().utf8).write(to: URL(fileURLWithPath: stream))

        // Two registers, as « guichet init » makes them: only init creates one.
        for name in ["reference", "crashed"] { _ = try DecisionRegister.open(path: "\(folder)/\(name).sqlite") }
        let reference = try evaluate(stream, out: "\(folder)/reference", register: "\(folder)/reference.sqlite")
        reference.waitUntilExit()
        #expect(try DecisionRegister.open(path: "\(folder)/reference.sqlite").currentEntries().count == count, "one fiche per application")

        let crashed = try evaluate(stream, out: "\(folder)/crashed", register: "\(folder)/crashed.sqlite")
        let deadline = Date().addingTimeInterval(120)
        while crashed.isRunning, decisions(in: "\(folder)/crashed") < count / 5, Date() < deadline {
            usleep(2_000)
        }
        #expect(crashed.isRunning, "the batch ended before it could be killed; make it longer")
        kill(crashed.processIdentifier, SIGKILL)
        crashed.waitUntilExit()
        #expect(crashed.terminationReason == .uncaughtSignal)
        let written = decisions(in: "\(folder)/crashed")
        #expect(written > 0 && written < count)

        // What the killed run left is consistent: the register opens and every decision file is whole.
        let afterCrash = try DecisionRegister.open(path: "\(folder)/crashed.sqlite")
        let recorded = try afterCrash.currentEntries()
        #expect(recorded.count <= written, "no entry without its decision file")
        for entry in recorded {
            let file = "\(folder)/crashed/\(try #require(entry.decisionFile))"
            #expect(FileManager.default.fileExists(atPath: file))
        }

        let rerun = try evaluate(stream, out: "\(folder)/crashed", register: "\(folder)/crashed.sqlite")
        rerun.waitUntilExit()

        // The folder's lock file holds the pid of the last run: the one file that differs by design.
        let expected = try FileManager.default.contentsOfDirectory(atPath: "\(folder)/reference").filter { $0 != ".guichet.lock" }.sorted()
        let obtained = try FileManager.default.contentsOfDirectory(atPath: "\(folder)/crashed").filter { $0 != ".guichet.lock" }.sorted()
        #expect(Set(obtained).subtracting(expected).isEmpty, "left behind: \(Set(obtained).subtracting(expected).sorted().prefix(5))")
        #expect(Set(expected).subtracting(obtained).isEmpty, "missing: \(Set(expected).subtracting(obtained).sorted().prefix(5))")
        for name in expected {
            let a = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/reference/\(name)"))
            let b = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/crashed/\(name)"))
            #expect(a == b, "\(name) differs from the uninterrupted run")
        }
        let referenceEntries = try DecisionRegister.open(path: "\(folder)/reference.sqlite").currentEntries()
        let finalEntries = try DecisionRegister.open(path: "\(folder)/crashed.sqlite").currentEntries()
        #expect(finalEntries.count == referenceEntries.count)
        #expect(zip(finalEntries, referenceEntries).allSatisfy { a, b in
            a.application == b.application && a.amount == b.amount && a.outcome == b.outcome && a.inputHash == b.inputHash
        })
        // The register counted nothing twice: one entry in force per application, no history added.
        #expect(try DecisionRegister.open(path: "\(folder)/crashed.sqlite").allEntries().count == finalEntries.count)
    }
}
