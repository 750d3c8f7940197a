import Foundation
import TestSupport
import Testing

/// `simulate` with two reforms, run as a user runs it: each reform's usual reports in its own
/// folder and the comparison beside them; with one reform, the same files as before; a third
/// reform refused.
@Suite struct CompareCommandTests {
    let temporary: TemporaryFolder
    var folder: String { temporary.path }
    let rules = ["--rules", Repository.path("Rules"), "--parametres", Repository.path("Applications/parametres-fictifs.yaml")]
    let pdesi60 = Repository.path("Rules/reforms/pdesi-60.yaml")
    let classes80 = Repository.path("Rules/reforms/pdesi-classes-80.yaml")

    init() throws { temporary = try TemporaryFolder("compare-command") }

    func guichet(_ arguments: [String]) throws -> CommandLine.Run {
        try CommandLine.run(arguments, in: folder, timeout: 60)
    }

    func files(_ path: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: "\(folder)/\(path)").filter { !$0.hasPrefix(".") }.sorted()
    }

    func text(_ path: String) throws -> String {
        try String(contentsOfFile: "\(folder)/\(path)", encoding: .utf8)
    }

    @Test func twoReformsAreEachReportedThenCompared() throws {
        // An earlier run with one reform in the same folder: its files do not stay.
        let single = try guichet(["simulate", "--reform", pdesi60, "--out", "sortie", Repository.path("Applications/pdesi")] + rules)
        #expect(single.status == 0, "\(single.stderr)")
        let run = try guichet(["simulate", "--reform", pdesi60, "--reform", classes80, "--out", "sortie",
                               Repository.path("Applications/pdesi")] + rules)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try files("sortie") == ["comparaison.html", "comparaison.md", "reforme-a", "reforme-b"])
        for sub in ["reforme-a", "reforme-b"] {
            #expect(try files("sortie/\(sub)") == ["simulation.csv", "simulation.html", "simulation.md"])
        }
        // Each folder holds its own reform's report.
        #expect(try text("sortie/reforme-a/simulation.md").hasPrefix("# Simulation : P.D.E.S.I. — taux de 60 %"))
        #expect(try text("sortie/reforme-b/simulation.md").hasPrefix("# Simulation : P.D.E.S.I. — taux de 80 %"))
        let comparison = try text("sortie/comparaison.md")
        #expect(comparison.hasPrefix("# Comparaison : P.D.E.S.I. — taux de 60 %"))
        #expect(comparison.contains("| Montants accordés |") && comparison.contains("| Lauréats (projets retenus) |"))
        #expect(comparison.contains("- La réforme B coûte "))
        #expect(run.stdout.contains("Comparaison des deux réformes dans sortie/comparaison.md et sortie/comparaison.html"))
        // Run again with one reform: the comparison goes (the reforms' folders stay, as any other folder would).
        let again = try guichet(["simulate", "--reform", pdesi60, "--out", "sortie", Repository.path("Applications/pdesi")] + rules)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try files("sortie") == ["reforme-a", "reforme-b", "simulation.csv", "simulation.html", "simulation.md"])
    }

    /// With one reform, the files are those of the reviewed copies (the page but for its dated footer).
    @Test func oneReformWritesTheSameFilesAsBefore() throws {
        let run = try guichet(["simulate", "--reform", Repository.path("Rules/reforms/solvabilisation-600.yaml"), "--out", "sortie",
                               Repository.path("Applications/logement")] + rules)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try files("sortie") == ["simulation.csv", "simulation.html", "simulation.md"])
        let golden = Repository.path("Tests/SimulationTests/Golden/solvabilisation-600")
        for file in ["simulation.md", "simulation.csv"] {
            let written = try text("sortie/\(file)").replacing(Repository.root + "/", with: "")
            #expect(written == (try String(contentsOfFile: "\(golden)/\(file)", encoding: .utf8)), "\(file)")
        }
    }

    @Test func aThirdReformIsRefused() throws {
        let run = try guichet(["simulate", "--reform", pdesi60, "--reform", classes80, "--reform", pdesi60,
                               Repository.path("Applications/pdesi")] + rules)
        #expect(run.status == 64)
        #expect(run.stderr.contains("--reform se donne une fois (une réforme à simuler) ou deux fois (deux réformes à comparer) ; "
                                    + "la commande en a reçu 3."), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/simulation"))
    }
}
