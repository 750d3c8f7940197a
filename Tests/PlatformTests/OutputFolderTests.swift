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

    /// Files are created relative to the folder opened, names with a subfolder included, each
    /// replacing the one before it whole, and nothing temporary left beside them.
    @Test func writesLandInTheFolderOpenedAndReplaceWhole() throws {
        let scratch = try Scratch()
        let output = try OutputFolder(directory: scratch.file("out"))
        try OwnerOnlyFile.createFolder(scratch.file("out/pdesi"))
        try output.write(Array("première".utf8), to: "pdesi/X.md")
        try output.write("seconde", to: "pdesi/X.md")
        try output.write(Array("{}".utf8), to: "X.json")
        #expect(try String(contentsOfFile: scratch.file("out/pdesi/X.md"), encoding: .utf8) == "seconde")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.file("out/pdesi")) == ["X.md"])
        try output.remove("X.json")
        try output.remove("X.json")
        #expect(!FileManager.default.fileExists(atPath: scratch.file("out/X.json")))
        // A run keeps writing into the folder it opened even when the folder is moved meanwhile.
        try FileManager.default.moveItem(atPath: scratch.file("out"), toPath: scratch.file("moved"))
        try output.write("après", to: "Y.md")
        #expect(FileManager.default.fileExists(atPath: scratch.file("moved/Y.md")))
    }

    /// An error names the file's full path, not the name relative to the folder.
    @Test func aFailedWriteNamesTheFullPath() throws {
        let scratch = try Scratch()
        let output = try OutputFolder(directory: scratch.file("out"))
        #expect {
            try output.write("x", to: "absent/X.md")
        } throws: { error in
            (error as? FileSystemError)?.path == scratch.file("out/absent/X.md")
        }
    }
}
