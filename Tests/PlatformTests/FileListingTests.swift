import Foundation
@testable import Platform
import Testing

@Suite struct FileListingTests {
    func touch(_ path: String) throws {
        try Data("scheme: pdesi\n".utf8).write(to: URL(fileURLWithPath: path))
    }

    @Test func everyPathIsListedOrReported() throws {
        let scratch = try Scratch()
        let root = scratch.file("apps")
        try FileManager.default.createDirectory(atPath: "\(root)/sub", withIntermediateDirectories: true)
        try touch("\(root)/b.yaml")
        try touch("\(root)/sub/a.yml")
        try touch("\(root)/notes.txt")
        try touch("\(root)/.hidden.yaml")
        try FileManager.default.createSymbolicLink(atPath: "\(root)/dangling.yaml", withDestinationPath: "\(root)/gone.yaml")
        try FileManager.default.createSymbolicLink(atPath: "\(root)/loop.yaml", withDestinationPath: "\(root)/loop.yaml")
        try FileManager.default.createSymbolicLink(atPath: "\(root)/sub/up", withDestinationPath: root)
        #expect(mkfifo("\(root)/pipe.yaml", 0o600) == 0)

        try FileManager.default.createDirectory(atPath: "\(root)/.received", withIntermediateDirectories: true)
        try touch("\(root)/.received/c.yaml")
        try FileManager.default.createDirectory(atPath: "\(root)/.git", withIntermediateDirectories: true)
        try touch("\(root)/.git/config.yaml")
        try touch("\(root)/.guichet.lock")
        try touch("\(root)/.guichet~tmp~1~abc")

        let listing = FileListing.yamlFiles(at: root)
        #expect(listing.files == ["\(root)/.hidden.yaml", "\(root)/.received/c.yaml", "\(root)/b.yaml", "\(root)/sub/a.yml"])
        let problems = Dictionary(uniqueKeysWithValues: listing.problems.map { ($0.path, $0.reason) })
        #expect(problems["\(root)/dangling.yaml"]?.contains("lien vers un fichier absent") == true)
        #expect(problems["\(root)/loop.yaml"]?.contains("boucle") == true)
        #expect(problems["\(root)/sub/up"]?.contains("boucle") == true)
        #expect(problems["\(root)/pipe.yaml"]?.contains("tube nommé") == true)
        #expect(listing.problems.count == 4)
    }

    @Test func aFolderWithNoYAMLSaysSo() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.file("empty"), withIntermediateDirectories: false)
        let listing = FileListing.yamlFiles(at: scratch.file("empty"))
        #expect(listing.files.isEmpty)
        #expect(listing.problems.first?.reason.contains("aucun fichier YAML") == true)
    }

    @Test func aPathThatIsNotThereOrNotAFileIsReported() throws {
        let scratch = try Scratch()
        #expect(mkfifo(scratch.file("pipe"), 0o600) == 0)
        #expect(FileListing.yamlFiles(at: scratch.file("missing.yaml")).problems.first?.reason.contains("introuvable") == true)
        #expect(FileListing.yamlFiles(at: scratch.file("pipe")).problems.first?.reason.contains("tube nommé") == true)
    }

    @Test func subfoldersAreLeftOutWhenNotRecursive() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.file("rules/reforms"), withIntermediateDirectories: true)
        try touch(scratch.file("rules/a.yaml"))
        try touch(scratch.file("rules/reforms/r.yaml"))
        let listing = FileListing.yamlFiles(at: scratch.file("rules"), recursive: false)
        #expect(listing.files == [scratch.file("rules/a.yaml")])
        #expect(listing.problems.isEmpty)
    }

    /// Root reads every folder, so this runs only as an ordinary user.
    @Test(.enabled(if: geteuid() != 0)) func anUnreadableSubfolderIsReported() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.file("apps/locked"), withIntermediateDirectories: true)
        try touch(scratch.file("apps/a.yaml"))
        chmod(scratch.file("apps/locked"), 0)
        defer { chmod(scratch.file("apps/locked"), 0o700) }
        let listing = FileListing.yamlFiles(at: scratch.file("apps"))
        #expect(listing.problems.map(\.path) == [scratch.file("apps/locked")])
    }

    @Test func aPipeIsRefusedWithoutBlocking() throws {
        let scratch = try Scratch()
        #expect(mkfifo(scratch.file("pipe.yaml"), 0o600) == 0)
        #expect(throws: FileSystemError.self) { _ = try RegularFile.open(scratch.file("pipe.yaml")) }
        #expect(throws: FileSystemError.self) { _ = try RegularFile.open(scratch.path) }
    }
}
