@testable import Batch
import Evaluator
import Foundation
import Platform
import RuleSet
import SchemeLanguage
import TestSupport
import Testing
import YAMLReader

/// A batch reads its documents twice: once to sort them, once more each when its turn comes.
/// What it decides and writes is what a batch that kept every document from its first reading
/// decided and wrote; a file changed in between never changes a decision silently.
@Suite struct TwoReadingsTests {
    /// Removed with its content when the test is over.
    let temporary: TemporaryFolder
    var folder: String { temporary.path }
    let catalog: SchemeCatalog

    init() throws {
        temporary = try TemporaryFolder("two-readings")
        catalog = SchemeCatalog.load(directory: Repository.path("Rules"))
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let path = "\(folder)/\(name)"
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func application(_ id: String, _ filed: String) -> String {
        PDESIFixture.application(id, filed: filed, category: "inscrit_1", expense: "40 000 €")
    }

    /// Documents one after the other, each after its `---`.
    func stream(_ documents: [String]) -> String {
        documents.map { "---\n\($0)\n" }.joined()
    }

    /// The line (1-based) where the document with this id begins in `text`: its `scheme:` line.
    func line(of id: String, in text: String) throws -> Int {
        let before = try #require(text.range(of: "scheme: pdesi\nid: \(id)\n"))
        return text[..<before.lowerBound].count { $0 == "\n" } + 1
    }

    func runner(_ out: String) throws -> BatchRunner {
        BatchRunner(catalog: catalog, referenceDate: DecisionDay.samples, output: try OutputFolder(directory: "\(folder)/\(out)"))
    }

    /// Every file written in a folder, by name (the folder's lock aside).
    func files(_ out: String) throws -> [String: Data] {
        let path = "\(folder)/\(out)"
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: path) where !name.hasPrefix(".") {
            files[name] = FileManager.default.contents(atPath: "\(path)/\(name)")
        }
        return files
    }

    // MARK: Order

    @Test func documentsOfSeveralFilesAreDecidedInFilingOrder() throws {
        let c = stream([application("C-3", "2020-10-05"), application("A-2", "2020-10-01")])
        let b = stream([application("B-1", "2020-10-01"), application("B-2", "2020-10-04")])
        // Windows line breaks and a BOM: places are counted in bytes, lines as libyaml counts them.
        let d = "\u{FEFF}# déposée au guichet\r\n" + application("D-1", "2020-10-02").replacing("\n", with: "\r\n")
        let texts = ["c.yaml": c, "a.yaml": application("A-1", "2020-10-03"), "b.yaml": b, "sub/d.yaml": d]
        for (name, text) in texts { try write("in/\(name)", text) }
        let report = try runner("out").run(paths: ["\(folder)/in"])
        #expect(report.failureCount == 0, "\(report.entries.flatMap(\.diagnostics))")
        #expect(report.entries.map(\.id) == ["A-2", "B-1", "D-1", "A-1", "B-2", "C-3"])
        for entry in report.entries {
            let (name, text) = try #require(texts.first { $0.value.contains("id: \(entry.id!)\n") || $0.value.contains("id: \(entry.id!)\r\n") })
            #expect(entry.mark.file == "\(folder)/in/\(name)")
            let expected = try line(of: entry.id!, in: text.replacing("\r\n", with: "\n"))
            #expect(entry.mark.line == expected, "\(entry.id!)")
            #expect(FileManager.default.fileExists(atPath: "\(folder)/out/\(entry.id!).md"))
        }
    }

    @Test func aYAMLErrorInTheMiddleOfAFileLeavesTheDocumentsBeforeIt() throws {
        let text = stream([application("M-2", "2020-10-02"), application("M-1", "2020-10-01")])
            + "---\nscheme: pdesi\nid: [broken\n" + stream([application("M-3", "2020-10-03")])
        let path = try write("middle.yaml", text)
        let other = try write("other.yaml", application("O-1", "2020-10-01"))
        let report = try runner("out").run(paths: [path, other])
        #expect(report.entries.map(\.id) == ["M-1", "O-1", "M-2", nil])
        #expect(report.entries.prefix(3).allSatisfy { $0.outcome != nil })
        let error = try #require(report.entries.last?.diagnostics.first)
        #expect(error.message.contains("(ce document et la suite du fichier n'ont pu être lus)"), "\(error)")
        let (first, second) = (try line(of: "M-1", in: text), try line(of: "M-2", in: text))
        #expect(error.mark.file == path && error.mark.line > first)
        #expect(report.entries[0].mark.line == first && report.entries[2].mark.line == second)
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/out/M-3.md"))
    }

    // MARK: A file changed between the readings

    @Test func aDocumentEditedBetweenTheReadingsIsNotDecided() throws {
        let original = stream([application("S-1", "2020-10-03"), application("S-2", "2020-10-01"), application("S-3", "2020-10-02")])
        let path = try write("s.yaml", original)
        let other = try write("t.yaml", application("T-1", "2020-10-01"))
        let index = FilingIndex.read(paths: [path, other], with: DocumentEvaluator(catalog: catalog))
        // Edited in place, lengths kept: S-2 takes another id, S-3 another date; S-1 is untouched.
        try write("s.yaml", original.replacing("id: S-2", with: "id: S-9").replacing("filed: 2020-10-02", with: "filed: 2020-10-04"))
        let report = try runner("out").run(index)
        #expect(report.entries.map(\.id) == ["S-2", "T-1", "S-3", "S-1"])
        #expect(report.entries.map { $0.outcome != nil } == [false, true, false, true])
        let renamed = try #require(report.entries[0].diagnostics.first)
        #expect(renamed.message == "demande non traitée : son fichier a changé pendant le lot ; la demande « S-2 », déposée le 1er octobre 2020 "
                + "et lue ici au début du lot, se lit maintenant « S-9 », déposée le 1er octobre 2020 ; relancez la même commande pour la traiter à son rang")
        #expect(renamed.mark == SourceMark(file: path, line: try line(of: "S-2", in: original), column: 1))
        let redated = try #require(report.entries[2].diagnostics.first)
        #expect(redated.message.contains("la demande « S-3 », déposée le 2 octobre 2020 et lue ici au début du lot, se lit maintenant « S-3 », déposée le 4 octobre 2020"))
        let written = try files("out").keys.sorted()
        #expect(written == ["S-1.json", "S-1.md", "T-1.json", "T-1.md"])
    }

    /// A file cut short or removed: the documents no longer there are said to be so, located
    /// where they were read; the batch goes on with the others.
    @Test(arguments: [true, false]) func aFileCutOrRemovedBetweenTheReadingsIsTold(removed: Bool) throws {
        let original = stream([application("R-1", "2020-10-02"), application("R-2", "2020-10-01")])
        let path = try write("r.yaml", original)
        let other = try write("o.yaml", application("O-1", "2020-10-03"))
        let index = FilingIndex.read(paths: [path, other], with: DocumentEvaluator(catalog: catalog))
        if removed { try FileManager.default.removeItem(atPath: path) } else { try write("r.yaml", stream([application("R-1", "2020-10-02")])) }
        let report = try runner("out").run(index)
        #expect(report.entries.map(\.id) == ["R-2", "R-1", "O-1"])
        #expect(report.entries.map { $0.outcome != nil } == [false, !removed, true])
        let gone = try #require(report.entries[0].diagnostics.first)
        #expect(gone.mark == SourceMark(file: path, line: try line(of: "R-2", in: original), column: 1))
        #expect(gone.message.hasPrefix("demande non traitée : son fichier a changé pendant le lot ; la demande « R-2 »"))
        #expect(gone.message.contains(removed ? "ne peut plus y être lue (lecture impossible" : "n'y est plus"), "\(gone)")
    }

    /// What a batch keeps of each application between its two readings, and after: the place
    /// and sort key of its document (and its id's bytes), and its entry's record.
    @Test func whatABatchKeepsPerApplicationIsSmall() {
        #expect(MemoryLayout<FilingIndex.Key>.stride == 48)
        #expect(MemoryLayout<CompactEntries.Record>.stride == 24)
    }

    // MARK: The same decisions and files as from one reading

    /// The samples, a stream with Windows line breaks, accents and two documents of one id, a
    /// UTF-16 file (kept from its first reading, since it cannot be read from inside) and a
    /// broken file: a batch that reads each document twice writes every file byte for byte as
    /// one that kept them all, and reports the same entries, whole or compact.
    @Test func twoReadingsWriteWhatOneReadingWrote() throws {
        let text = stream([application("W-2", "2020-10-02"), application("Wé-1", "2020-10-01"), application("W-2", "2020-10-05"),
                             application("W-3", "2020-10-01").replacing("Commune de Test", with: "Commune d’Écœuilly")])
        let utf16 = application("U-1", "2020-10-04")
        let paths = [Repository.path("Applications"), try write("w.yaml", text.replacing("\n", with: "\r\n")),
                     try write("broken.yaml", "scheme: pdesi\nid: [unclosed\n"), "\(folder)/utf16.yaml"]
        try Data([0xFF, 0xFE] + utf16.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }).write(to: URL(fileURLWithPath: paths[3]))

        let once = try runner("once")
        let (documents, failures) = once.read(paths: paths)
        let kept = once.run(documents, failures: failures)
        let twice = try runner("twice").run(paths: paths)
        let compact = try runner("compact").runCompact(paths: paths)

        #expect(kept.entries.count > 60)
        #expect(kept.entries.contains { $0.id == "U-1" && $0.outcome != nil })
        #expect(kept.entries.filter { $0.id == "W-2" }.allSatisfy { $0.diagnostics.first?.message.contains("seraient aussi ceux") == true })
        let lines = kept.entries.map(SummaryLine.render)
        #expect(twice.entries.map(SummaryLine.render) == lines)
        #expect(compact.entries.map(SummaryLine.render) == lines)
        #expect(twice.entries.map(\.mark) == kept.entries.map(\.mark))
        #expect(compact.entries.map(\.decisionPath) == twice.entries.map { $0.decisionPath?.replacing("/twice/", with: "/compact/") })
        #expect(compact.failureCount == kept.failureCount && compact.count(of: .favorable) == kept.count(of: .favorable))
        let written = try files("once")
        #expect(written.count > 100)
        #expect(try files("twice") == written)
        #expect(try files("compact") == written)
    }
}
