import Foundation
@testable import Platform
import Testing

/// A folder of its own for each test, removed when the test ends. Platform's tests depend on
/// Platform alone, the bottom layer, so they keep this rather than TestSupport's `TemporaryFolder`.
final class Scratch {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "guichet-platform-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    func file(_ name: String) -> String { "\(path)/\(name)" }

    func permissions(_ name: String) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: file(name))[.posixPermissions] as? Int) ?? -1
    }

    func names() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }
}

/// Runs `body` with the process umask set to `mask`, as a user's shell would have it.
func withUmask<T>(_ mask: mode_t, _ body: () throws -> T) rethrows -> T {
    let previous = umask(mask)
    defer { umask(previous) }
    return try body()
}

@Suite(.serialized) struct OwnerOnlyFileTests {
    @Test func filesAndFoldersAreOwnerOnlyUnderAPermissiveUmask() throws {
        let scratch = try Scratch()
        try withUmask(0o022) {
            try OwnerOnlyFile.createFolder(scratch.file("a/b/decisions"))
            try OwnerOnlyFile.write(Array("décision".utf8), to: scratch.file("a/b/decisions/X.md"))
        }
        #expect(try scratch.permissions("a") == 0o700)
        #expect(try scratch.permissions("a/b/decisions") == 0o700)
        #expect(try scratch.permissions("a/b/decisions/X.md") == 0o600)
        #expect(try String(contentsOfFile: scratch.file("a/b/decisions/X.md"), encoding: .utf8) == "décision")
    }

    /// A text is written from its own UTF-8 bytes, without a copy: the same file, the same
    /// guarantees as bytes (owner-only, replaced whole, a link at its name not followed).
    @Test func aTextIsWrittenAsItsUTF8Bytes() throws {
        let scratch = try Scratch()
        let victim = scratch.file("victim.txt")
        try Data("précieux".utf8).write(to: URL(fileURLWithPath: victim))
        try FileManager.default.createSymbolicLink(atPath: scratch.file("X.md"), withDestinationPath: victim)
        let text = String(repeating: "Décision n°1 — 40\u{202F}000,00\u{00A0}€ | ", count: 2_000)
        try withUmask(0o022) { try OwnerOnlyFile.write(text, to: scratch.file("X.md")) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: scratch.file("X.md"))) == Data(text.utf8))
        #expect(try scratch.permissions("X.md") == 0o600)
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "précieux")
        try OwnerOnlyFile.write("", to: scratch.file("empty.md"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: scratch.file("empty.md"))).isEmpty)
        #expect(try scratch.names() == ["X.md", "empty.md", "victim.txt"])
    }

    @Test func aFolderThatExistsKeepsItsPermissions() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.file("shared"), withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o750])
        try OwnerOnlyFile.createFolder(scratch.file("shared"))
        #expect(try scratch.permissions("shared") == 0o750)
    }

    @Test func aFileInThePlaceOfTheFolderIsRefused() throws {
        let scratch = try Scratch()
        try Data("x".utf8).write(to: URL(fileURLWithPath: scratch.file("decisions")))
        #expect(throws: FileSystemError.self) { try OwnerOnlyFile.createFolder(scratch.file("decisions")) }
    }

    /// Someone who can write to the folder plants links where the next temporary files will be:
    /// the write must neither follow them nor fail.
    @Test func plantedLinksAreNeitherFollowedNorFatal() throws {
        let scratch = try Scratch()
        let victim = scratch.file("victim.txt")
        try Data("précieux".utf8).write(to: URL(fileURLWithPath: victim))
        let planted = (1...3).map { ".guichet~tmp~\(getpid())~planted\($0)" }
        for name in planted { try FileManager.default.createSymbolicLink(atPath: scratch.file(name), withDestinationPath: victim) }
        try FileManager.default.createSymbolicLink(atPath: scratch.file(".guichet~tmp~\(getpid())~dangling"), withDestinationPath: scratch.file("new.txt"))
        var queue = planted + [".guichet~tmp~\(getpid())~dangling", ".guichet~tmp~\(getpid())~free"]
        let (descriptor, temporary) = try OwnerOnlyFile.createTemporary(beside: scratch.file("report.md"), names: { queue.removeFirst() })
        close(descriptor)
        #expect(temporary.hasSuffix("~free"))
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "précieux")
        #expect(!FileManager.default.fileExists(atPath: scratch.file("new.txt")))
        unlink(temporary)
    }

    @Test func aLinkAtTheFinalNameIsReplacedNotFollowed() throws {
        let scratch = try Scratch()
        let victim = scratch.file("victim.txt")
        try Data("précieux".utf8).write(to: URL(fileURLWithPath: victim))
        try FileManager.default.createSymbolicLink(atPath: scratch.file("report.md"), withDestinationPath: victim)
        try OwnerOnlyFile.write(Array("rapport".utf8), to: scratch.file("report.md"))
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "précieux")
        #expect(try String(contentsOfFile: scratch.file("report.md"), encoding: .utf8) == "rapport")
        var status = stat()
        #expect(lstat(scratch.file("report.md"), &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG)
    }

    @Test func aStreamingFileAppearsOnlyWhenCommittedAndOwnerOnly() throws {
        let scratch = try Scratch()
        let file = try withUmask(0o022) { try StreamingFile(path: scratch.file("portfolio.yaml")) }
        file.write(line: "a")
        #expect(try scratch.names().count == 1)
        #expect(!FileManager.default.fileExists(atPath: scratch.file("portfolio.yaml")))
        try file.commit()
        #expect(try scratch.names() == ["portfolio.yaml"])
        #expect(try scratch.permissions("portfolio.yaml") == 0o600)
    }

    @Test func anAbandonedStreamingFileLeavesNothing() throws {
        let scratch = try Scratch()
        do {
            let file = try StreamingFile(path: scratch.file("portfolio.yaml"))
            file.write(line: "a")
        }
        #expect(try scratch.names().isEmpty)
    }

    @Test func temporaryNamesAreOursAndCarryTheirWriter() {
        let name = TemporaryName.make()
        #expect(TemporaryName.writer(of: name) == getpid())
        for other in ["archive.tmp-2019", "PDESI.tmp-2020.md", "budget.tmp-final.xlsx", ".guichet~tmp~12", ".guichet~tmp~x~y", ".guichet~tmp~1~a~b"] {
            #expect(TemporaryName.writer(of: other) == nil, "\(other)")
        }
        // Drawn from one generator for the process: never the same name twice in a run.
        let names = (0..<10_000).map { _ in TemporaryName.make() }
        #expect(Set(names).count == names.count)
        #expect(names.allSatisfy { TemporaryName.writer(of: $0) == getpid() })
    }
}
