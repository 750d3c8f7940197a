import Foundation
import TestSupport
import Testing

/// `reform new` and `simulate` run as a user runs them: a reform file to start from that
/// simulates as is, the CSV in both forms, and a reform that changes nothing saying why.
@Suite struct ReformCommandTests {
    let temporary: TemporaryFolder
    var folder: String { temporary.path }
    let rules = ["--rules", Repository.path("Rules")]

    init() throws { temporary = try TemporaryFolder("reform-command") }

    func guichet(_ arguments: [String]) throws -> CommandLine.Run {
        try CommandLine.run(arguments, in: folder, timeout: 60)
    }

    /// The printed file simulates with no warning but one: it changes no decision.
    @Test func aNewReformFileSimulatesAndChangesNothing() throws {
        let new = try guichet(["reform", "new", "fonds-solvabilisation"] + rules)
        #expect(new.status == 0, "\(new.stderr)")
        #expect(new.stdout.contains("    plafond_mensuel:\n      value: 500 €\n"))
        try new.stdout.write(toFile: "\(folder)/essai.yaml", atomically: true, encoding: .utf8)
        let run = try guichet(["simulate", "--reform", "essai.yaml", "--out", "sortie", Repository.path("Applications/logement")] + rules)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("avertissement : la réforme ne change aucune décision du portefeuille : ni l'issue ni le montant d'aucune des 24 demandes"))
        let csv = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/sortie/simulation.csv"))
        #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: csv, as: UTF8.self).contains("FSJ-2020-0102;fonds-solvabilisation;favorable;1500,00;favorable;1500,00;0,00"))
    }

    /// A call's projects left out of the envelope in both runs: no decision changes, yet their
    /// amounts do, and the warning says so rather than that the reform does nothing.
    @Test func aReformThatMovesOnlyProjectsLeftOutSaysWhatItMoves() throws {
        let fictitious = ["--parametres", Repository.path("Applications/parametres-fictifs.yaml")]
        let generated = try guichet(["portfolio", "generate", "pdesi", "--count", "2000", "--out", "p.yaml"] + rules + fictitious)
        #expect(generated.status == 0, "\(generated.stderr)")
        let run = try guichet(["simulate", "--reform", Repository.path("Rules/reforms/pdesi-classes-80.yaml"), "--out", "sortie", "p.yaml"]
                              + rules + fictitious)
        #expect(run.status == 0, "\(run.stderr)")
        let warning = run.stderr.replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{A0}", with: " ")
        #expect(warning.contains("la réforme ne change aucune décision du portefeuille"), "\(warning)")
        #expect(warning.contains("pour l'appel à projets pdesi, elle change toutefois le montant des projets admissibles qui ne sont pas retenus : "
                                 + "l'enveloppe qui les financerait tous passe de "), "\(warning)")
    }

    @Test func anUnknownSchemeIsRefusedWithTheKnownOnes() throws {
        let run = try guichet(["reform", "new", "pdesy"] + rules)
        #expect(run.status == 1)
        #expect(run.stderr.contains("dispositif « pdesy » inconnu") && run.stderr.contains("vouliez-vous dire « pdesi » ?"))
    }

    @Test func theCSVForSoftwareOnRequest() throws {
        let run = try guichet(["simulate", "--reform", Repository.path("Rules/reforms/solvabilisation-600.yaml"), "--csv-format", "rfc4180",
                               "--out", "sortie", Repository.path("Applications/logement")] + rules)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty, "a reform that changes an application draws no warning: \(run.stderr)")
        let csv = try String(contentsOfFile: "\(folder)/sortie/simulation.csv", encoding: .utf8)
        #expect(csv.hasPrefix("application,scheme,outcome_before,amount_before,outcome_after,amount_after,difference,reason,breakdown,population_band,arrondissement\n"))
        #expect(csv.contains("FSJ-2020-0102,fonds-solvabilisation,favorable,1500.00,favorable,1800.00,300.00"))
        let wrong = try guichet(["simulate", "--reform", Repository.path("Rules/reforms/solvabilisation-600.yaml"), "--csv-format", "excel",
                                 Repository.path("Applications/logement")] + rules)
        #expect(wrong.status == 64 && wrong.stderr.contains("forme de CSV inconnue « excel » : tableur ou rfc4180"))
    }
}
