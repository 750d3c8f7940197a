import Foundation
@testable import Platform
import Testing

@Suite struct OutputFolderTests {
    /// A process id that no running process has: above Linux's largest pid_max.
    let deadWriter = 2_000_000_000

    @Test func aSecondRunOnTheSameFolderIsRefusedWithTheHolder() throws {
        let scratch = try Scratch()
        do {
            let first = try OutputFolder(directory: scratch.file("decisions"))
            #expect {
                _ = try OutputFolder(directory: scratch.file("decisions"))
            } throws: { error in
                let reason = (error as? FileSystemError)?.reason ?? ""
                return reason.contains("déjà utilisé par le processus guichet \(getpid())") && reason.contains("--out")
            }
            withExtendedLifetime(first) {}
        }
        // Once the first run is over, the folder is free again.
        _ = try OutputFolder(directory: scratch.file("decisions"))
    }

    /// Only what this program wrote, and no running guichet still writes, is removed.
    @Test func onlyOurOwnLeftoversAreRemoved() throws {
        let scratch = try Scratch()
        let folder = scratch.file("decisions")
        try FileManager.default.createDirectory(atPath: "\(folder)/archive.tmp-2019", withIntermediateDirectories: true)
        let kept = ["budget.tmp-final.xlsx", "PDESI.tmp-2020.md", "archive.tmp-2019/old.md",
                    ".guichet~tmp~\(getppid())~alive", "notes.md"]
        let stale = [".guichet~tmp~\(deadWriter)~k3j2"]
        for name in kept + stale { try Data("x".utf8).write(to: URL(fileURLWithPath: "\(folder)/\(name)")) }
        // A leftover name held by a folder or a link is not a file we wrote: left alone.
        try FileManager.default.createDirectory(atPath: "\(folder)/.guichet~tmp~\(deadWriter)~dir", withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: "\(folder)/.guichet~tmp~\(deadWriter)~link", withDestinationPath: "\(folder)/notes.md")

        let output = try OutputFolder(directory: folder)
        withExtendedLifetime(output) {}
        for name in kept { #expect(FileManager.default.fileExists(atPath: "\(folder)/\(name)"), "\(name)") }
        for name in stale { #expect(!FileManager.default.fileExists(atPath: "\(folder)/\(name)"), "\(name)") }
        #expect(FileManager.default.fileExists(atPath: "\(folder)/.guichet~tmp~\(deadWriter)~dir"))
        #expect(FileManager.default.fileExists(atPath: "\(folder)/notes.md"))
    }

    @Test func writesAreOwnerOnly() throws {
        let scratch = try Scratch()
        let output = try withUmask(0o022) { try OutputFolder(directory: scratch.file("out")) }
        try withUmask(0o022) { try output.write("{}", to: "X.json") }
        #expect(try scratch.permissions("out") == 0o700)
        #expect(try scratch.permissions("out/X.json") == 0o600)
        #expect(try scratch.permissions("out/.guichet.lock") == 0o600)
    }
}
