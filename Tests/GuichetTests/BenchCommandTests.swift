import Foundation
import TestSupport
import Testing

/// `guichet bench --count -5` (or 0) is refused with a clear message before anything runs.
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
}
