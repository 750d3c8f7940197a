import Foundation
import Register
import TestSupport
import Testing

/// `guichet bench --count -5` (or 0) is refused with a clear message before anything runs; the
/// batch timed with the register on disk records in it.
@Suite struct BenchCommandTests {
    func run(_ arguments: [String]) throws -> (status: Int32, error: String) {
        let run = try CommandLine.run(arguments)
        return (run.status, run.stderr)
    }

    @Test(arguments: [["--count", "-5"], ["--count=-5"], ["--count", "0"]])
    func aCountThatIsNotPositiveIsRefused(count: [String]) throws {
        let result = try run(["bench"] + count + ["--rules", Repository.path("Rules")])
        #expect(result.status != 0)
        #expect(result.error.contains("--count doit être un nombre strictement positif de demandes à générer"), "\(result.error)")
    }

    @Test func repeatsThatAreNotPositiveAreRefused() throws {
        let result = try run(["bench", "--count", "10", "--repeats", "-1", "--rules", Repository.path("Rules")])
        #expect(result.status != 0)
        #expect(result.error.contains("--repeats doit être un nombre strictement positif"), "\(result.error)")
    }

    /// The register's figure is that of a batch that records: an instruction fiche per application
    /// (it recorded nothing once a batch recorded fiches only, measuring no register at all).
    @Test func theRegisterBatchRecordsAFichePerApplication() throws {
        let temporary = try TemporaryFolder("bench")
        let run = try CommandLine.run(["bench", "--count", "200", "--repeats", "1", "--rules", Repository.path("Rules"),
                                       "--work-directory", temporary.path], timeout: 120)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("flux : 200 demandes du dispositif « pdesi », "), "\(run.stdout)")
        #expect(run.stdout.contains(" s ") && run.stdout.contains(" demandes/s") && run.stdout.contains("issues : "), "\(run.stdout)")
        #expect(run.stdout.contains(",") && !run.stdout.contains("applications/s"), "seconds with a decimal comma: \(run.stdout)")
        let entries = try DecisionRegister.openExisting(path: temporary.file("registre.sqlite")).currentEntries()
        #expect(entries.count == 200)
        #expect(entries.allSatisfy { $0.stage == .instruction })
    }
}
