import Foundation
import Testing

/// `guichet bench --count -5` (or 0) is refused with a clear message before anything runs.
@Suite struct BenchCommandTests {
    func run(_ arguments: [String]) throws -> (status: Int32, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(CrashTests.executable, "build the tool first: swift build"))
        process.arguments = arguments
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(arguments: [["--count", "-5"], ["--count=-5"], ["--count", "0"]])
    func aCountThatIsNotPositiveIsRefused(count: [String]) throws {
        let result = try run(["bench"] + count + ["--rules", Repository.path("Rules")])
        #expect(result.status != 0)
        #expect(result.error.contains("--count doit être un nombre positif de demandes à générer"), "\(result.error)")
    }

    @Test func repeatsThatAreNotPositiveAreRefused() throws {
        let result = try run(["bench", "--count", "10", "--repeats", "-1", "--rules", Repository.path("Rules")])
        #expect(result.status != 0)
        #expect(result.error.contains("--repeats doit être un nombre positif"), "\(result.error)")
    }
}
