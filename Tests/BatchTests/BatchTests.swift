import Batch
import Evaluator
import Foundation
import Platform
import Portfolios
import RuleSet
import SchemeLanguage
import TestSupport
import Testing
import YAMLReader

/// Batches: a bad file never costs another application its decision.
@Suite struct BatchTests {
    /// Removed with its content when the test is over.
    let temporary: TemporaryFolder
    var folder: String { temporary.path }
    let catalog: SchemeCatalog

    init() throws {
        temporary = try TemporaryFolder("batch")
        catalog = SchemeCatalog.load(directory: Repository.path("Rules"))
    }

    func write(_ name: String, _ text: String) throws -> String {
        let path = "\(folder)/\(name)"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let path = "\(folder)/\(name)"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func run(_ paths: [String]) throws -> (BatchReport, String) {
        let out = "\(folder)/out"
        let runner = BatchRunner(catalog: catalog, referenceDate: DecisionDay.samples, output: try OutputFolder(directory: out))
        return (runner.run(paths: paths), out)
    }

    @Test func badFilesAreReportedAndGoodOnesDecided() throws {
        let good = try String(contentsOfFile: Repository.path("Applications/pdesi/01-wimereux-sentier-littoral.yaml"), encoding: .utf8)
        let paths = [
            try write("a-good.yaml", good),
            try write("b-empty.yaml", ""),
            try write("c-truncated.yaml", "scheme: pdesi\nid: X\napplicant: {name: \"Commune"),
            try write("d-tabs.yaml", "scheme: pdesi\nfacts:\n\tesi.categorie: inscrit_1\n"),
            try write("e-unknown-scheme.yaml", "scheme: pdesy\nid: X-2\nfiled: 2020-10-01\napplicant: {name: A}\n"),
            try write("f-garbage.yaml", bytes: (0..<2048).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }),
            try write("g-huge.yaml", "scheme: pdesi\nid: X-3\nsubject: " + String(repeating: "a", count: 10_000_000) + "\n"),
            "\(folder)/h-missing.yaml",
        ]
        let (report, out) = try run(paths)
        let decided = report.entries.filter { $0.outcome != nil }
        #expect(decided.map(\.id) == ["PDESI-2020-001"])
        #expect(FileManager.default.fileExists(atPath: "\(out)/PDESI-2020-001.md"))
        #expect(FileManager.default.fileExists(atPath: "\(out)/PDESI-2020-001.json"))

        func message(_ file: String) -> String? {
            report.entries.flatMap(\.diagnostics).first { $0.mark.file.hasSuffix(file) }?.message
        }
        #expect(message("b-empty.yaml")?.contains("le fichier est vide") == true)
        #expect(message("c-truncated.yaml") != nil)
        #expect(message("d-tabs.yaml")?.lowercased().contains("tab") == true)
        #expect(message("e-unknown-scheme.yaml")?.contains("dispositif « pdesy » inconnu ; vouliez-vous dire « pdesi » ?") == true)
        #expect(message("f-garbage.yaml") != nil)
        #expect(message("g-huge.yaml")?.contains("au-delà de la limite") == true)
        #expect(message("h-missing.yaml")?.contains("introuvable") == true)
        #expect(report.failureCount == 7)
    }

    @Test func aStreamIsReadDocumentByDocument() throws {
        let one = "scheme: pdesi\nfiled: 2020-10-01\napplicant: {name: A}\nfacts: {esi.categorie: non_inscrit}\n"
        let stream = "---\nid: S-1\n\(one)---\nid: S-2\n\(one)---\nid: S-3\nscheme: [\n"
        let (report, _) = try run([try write("stream.yaml", stream)])
        #expect(report.entries.map(\.id) == ["S-1", "S-2", nil])
        #expect(report.entries[0].outcome == .unfavorable)
        let error = try #require(report.entries[2].diagnostics.first)
        #expect(error.mark.line >= 15, "\(error)")
        #expect(error.message.contains("la suite du fichier n'ont pu être lus"))
    }

    /// Neither of two documents with one id can be told to be the right one: both are refused,
    /// each naming the other, and no decision file is written under their name.
    @Test func aDuplicateIDDoesNotOverwriteAnotherDecision() throws {
        let one = "scheme: pdesi\nid: SAME\nfiled: 2020-10-01\napplicant: {name: A}\nfacts: {esi.categorie: non_inscrit}\n"
        let (report, out) = try run([try write("dup.yaml", "---\n\(one)---\n\(one)"), try write("other.yaml", one.replacing("SAME", with: "OTHER"))])
        let refused = report.entries.filter { $0.id == "SAME" }
        #expect(refused.count == 2)
        #expect(refused.allSatisfy { $0.diagnostics.first?.message.contains("seraient aussi ceux de la demande « SAME » (") == true })
        #expect(Set(refused.map(\.mark.line)) == [2, 8])
        #expect(!FileManager.default.fileExists(atPath: "\(out)/SAME.md"))
        #expect(report.entries.first { $0.id == "OTHER" }?.outcome == .unfavorable)
    }

    /// A stream decided as it is read (the benchmark's) cannot refuse the first of two
    /// documents after writing it: the second, which would overwrite it, is refused.
    @Test func aStreamRefusesTheSecondDocumentOfAName() throws {
        let one = "scheme: pdesi\nid: SAME\nfiled: 2020-10-01\napplicant: {name: A}\nfacts: {esi.categorie: non_inscrit}\n"
        let runner = BatchRunner(catalog: catalog, referenceDate: DecisionDay.samples, output: nil)
        let first = runner.process(try YAMLDocumentReader.singleDocument(text: one, file: "a.yaml"))
        let second = runner.process(try YAMLDocumentReader.singleDocument(text: one.replacing("SAME", with: "same"), file: "b.yaml"))
        #expect(first.first?.outcome == .unfavorable)
        #expect(second.first?.diagnostics.first?.message.contains("seraient aussi ceux de la demande lue en a.yaml:1:1") == true,
                "\(second)")
    }

    /// A household writes ID.SCHEME.md and ID.orientation.md: an application whose id is one
    /// of those names would overwrite it (file names compare without case, as on macOS).
    @Test func outputNamesThatClashAreRefusedOnBothDocuments() throws {
        let household = try String(contentsOfFile: Repository.path("Applications/logement/20-menage-deux-aides.yaml"), encoding: .utf8)
        let id = try #require(household.firstMatch(of: /\nid: ([A-Z0-9-]+)/)?.1)
        let clashing = "scheme: pdesi\nid: \(id.lowercased()).ORIENTATION\nfiled: 2020-10-01\napplicant: {name: A}\nfacts: {esi.categorie: non_inscrit}\n"
        let (report, out) = try run([try write("household.yaml", household), try write("clash.yaml", clashing)])
        #expect(report.entries.count == 2)
        #expect(report.entries.allSatisfy { $0.diagnostics.first?.message.lowercased().contains("« \(id.lowercased()).orientation.md »") == true })
        #expect(report.entries.allSatisfy { $0.diagnostics.first?.path == "id" })
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).filter { !$0.hasPrefix(".") }.isEmpty)
    }

    /// A household's file whose family holds a scheme that does not load gets one error that
    /// names it, rather than an "unknown fact" for every fact that scheme would have read.
    @Test func aHouseholdInAFamilyWithABrokenSchemeIsToldWhichOne() throws {
        let rules = "\(folder)/rules"
        try FileManager.default.createDirectory(atPath: rules, withIntermediateDirectories: true)
        for name in ["deliberations.yaml", "fsl-acces.yaml", "fonds-solvabilisation.yaml", "fonds-dettes-loyer.yaml"] {
            var text = try String(contentsOfFile: Repository.path("Rules/\(name)"), encoding: .utf8)
            if name == "fonds-dettes-loyer.yaml" { text += "\nunknown_section: true\n" }
            try Data(text.utf8).write(to: URL(fileURLWithPath: "\(rules)/\(name)"))
        }
        let broken = SchemeCatalog.load(directory: rules)
        #expect(broken.brokenMembers(of: "logement") == ["\(rules)/fonds-dettes-loyer.yaml"])
        let runner = BatchRunner(catalog: broken, referenceDate: DecisionDay.samples, output: nil)
        let report = runner.run(paths: [Repository.path("Applications/logement/20-menage-deux-aides.yaml")])
        let diagnostics = report.entries.flatMap(\.diagnostics)
        #expect(diagnostics.count == 1, "\(diagnostics)")
        #expect(diagnostics.first?.message.contains("fonds-dettes-loyer.yaml") == true)
        #expect(diagnostics.first?.path == "family")
    }

    /// Even a rules file whose YAML does not parse is found to belong to the family (from its
    /// `family:` line); one that says nothing at all may belong to any family.
    @Test(arguments: [("family: logement\nid: [unclosed\n", true), ("\u{0}\u{1}garbage: [\n", true), ("family: autre\nid: [unclosed\n", false)])
    func aHouseholdIsNotOrientedPastAnUnreadableRulesFile(text: String, blocks: Bool) throws {
        let rules = "\(folder)/rules-\(blocks)-\(text.count)"
        try FileManager.default.createDirectory(atPath: rules, withIntermediateDirectories: true)
        for name in ["deliberations.yaml", "fsl-acces.yaml", "fonds-solvabilisation.yaml", "fonds-dettes-loyer.yaml"] {
            try FileManager.default.copyItem(atPath: Repository.path("Rules/\(name)"), toPath: "\(rules)/\(name)")
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: "\(rules)/casse.yaml"))
        let catalog = SchemeCatalog.load(directory: rules)
        let report = BatchRunner(catalog: catalog, referenceDate: DecisionDay.samples, output: nil).run(paths: [Repository.path("Applications/logement/20-menage-deux-aides.yaml")])
        let refusal = report.entries.flatMap(\.diagnostics).first { $0.message.contains("casse.yaml") }
        #expect((refusal != nil) == blocks, "\(report.entries.flatMap(\.diagnostics))")
        #expect(report.entries.contains { $0.outcome != nil } == !blocks)
    }

    @Test func summaryLinesAreJSON() throws {
        let (report, _) = try run([Repository.path("Applications/pdesi/01-wimereux-sentier-littoral.yaml")])
        let line = SummaryLine.render(report.entries[0])
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        #expect(object?["outcome"] as? String == "favorable")
        #expect(object?["amount"] as? String == "30000.00")
    }

    /// `guichet evaluate` keeps no evaluation once an application's documents are written: its
    /// entries, summary lines and documents are those of a batch that keeps them.
    @Test func aBatchThatKeepsNoEvaluationReportsTheSame() throws {
        let paths = [Repository.path("Applications/pdesi"), try write("broken.yaml", "scheme: pdesi\nid: [unclosed\n")]
        func batch(keeping: Bool) throws -> (BatchReport, String) {
            let out = "\(folder)/out-\(keeping)"
            let runner = BatchRunner(catalog: catalog, referenceDate: DecisionDay.samples, output: try OutputFolder(directory: out),
                                     keepingEvaluations: keeping)
            return (runner.run(paths: paths), out)
        }
        let (kept, keptFolder) = try batch(keeping: true)
        let (summarized, summarizedFolder) = try batch(keeping: false)
        #expect(summarized.entries.count == kept.entries.count && kept.entries.count > 3)
        #expect(summarized.entries.allSatisfy { if case .decided = $0.result { false } else { true } })
        #expect(summarized.entries.map(SummaryLine.render) == kept.entries.map(SummaryLine.render))
        #expect(summarized.entries.map(\.outcome) == kept.entries.map(\.outcome))
        for entry in kept.entries {
            guard let path = entry.decisionPath else { continue }
            let name = String(path.split(separator: "/").last!)
            for file in [name, name.replacing(".md", with: ".json")] {
                #expect(FileManager.default.contents(atPath: "\(keptFolder)/\(file)") == FileManager.default.contents(atPath: "\(summarizedFolder)/\(file)"))
            }
        }
    }
}
