import Foundation
import Register
import TestSupport
import Testing

/// The register as the command line sees it: which commands may create it, and what they say
/// when it cannot be used.
@Suite(.serialized) struct RegisterCommandTests {
    /// Removed with its content when the test is over.
    let temporary: TemporaryFolder
    var folder: String { temporary.path }

    init() throws {
        temporary = try TemporaryFolder("register-cli")
    }

    /// Runs the tool in the test's folder.
    static func guichet(_ arguments: [String], in folder: String) throws -> Run {
        let run = try CommandLine.run(arguments, in: folder, timeout: 60)
        return Run(status: run.status, output: run.stdout, errors: run.stderr)
    }

    struct Run {
        let status: Int32
        let output: String
        let errors: String
    }

    /// « guichet evaluate » in the test's folder: an instruction fiche once « guichet init » made it
    /// a working folder, a simulation before.
    func evaluate(_ application: String) throws -> Run {
        try Self.guichet(["evaluate", Repository.path(application), "--rules", Repository.path("Rules"), "--out", "out", "--date", "2020-12-01"],
                         in: folder)
    }

    @Test func queriesOnAMistypedRegisterFailAndCreateNothing() throws {
        for query in [["granted", "216200001"], ["history", "A"], ["export"]] {
            let run = try Self.guichet(["register"] + query + ["--register", "registre-mal-tape/r.sqlite"], in: folder)
            #expect(run.status == 1, "register \(query[0])")
            #expect(run.errors.contains("il n'y a pas de registre à \(folder)/registre-mal-tape/r.sqlite"), "\(run.errors)")
            #expect(!run.output.contains("Aucune aide décidée") && !run.output.contains("Aucune inscription au registre"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty, "nothing created")
    }

    @Test func aBatchRefusesToRunWhenTheKeyIsLost() throws {
        let application = "Applications/logement/01-solvabilisation-loyer-residuel.yaml"
        #expect(try Self.guichet(["init"], in: folder).status == 0)
        #expect(try evaluate(application).status == 0)
        try FileManager.default.removeItem(atPath: "\(folder)/.guichet/registre.sqlite.key")
        let run = try evaluate(application)
        #expect(run.status == 1)
        #expect(run.errors.contains("la clé de pseudonymisation .guichet/registre.sqlite.key est introuvable"), "\(run.errors)")
        #expect(run.errors.contains("(1 décision enregistrée)"), "the fiche recorded depends on the key: \(run.errors)")
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/.guichet/registre.sqlite.key"))
        // The query finds the register, but cannot find a person without the key.
        let query = try Self.guichet(["register", "granted", "ASE-62-1001"], in: folder)
        #expect(query.status == 1 && query.errors.contains("introuvable"))
    }

    @Test func aSecondBatchOnTheSameRegisterSaysWhichProcessHoldsIt() throws {
        // This test's process holds the register, as a long batch would.
        let holder = try DecisionRegister.open(path: "\(folder)/.guichet/registre.sqlite")
        try holder.claim()
        defer { holder.release() }
        let start = Date()
        let run = try evaluate("Applications/pdesi/01-wimereux-sentier-littoral.yaml")
        #expect(Date().timeIntervalSince(start) >= 4.5, "it waited for the register before giving up")
        #expect(run.status == 1)
        #expect(run.errors.contains("le registre .guichet/registre.sqlite est utilisé par un autre processus guichet (pid \(getpid()), depuis "),
                "\(run.errors)")
        #expect(!run.errors.contains("database is locked"))
        #expect(!run.output.contains("demande(s)"), "no summary of a batch that did not run")
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/out"), "the output folder, maybe the other run's, is left alone")
    }

    /// A folder becomes a working folder with « guichet init » only: before, evaluate simulates
    /// and records nothing; after, it instructs, and only « decide » awards what the register
    /// then answers, in French, with the act; a notified decision is never instructed again.
    @Test func aWorkingFolderInstructsDecidesAndNotifies() throws {
        let application = "Applications/logement/01-solvabilisation-loyer-residuel.yaml"
        let simulated = try evaluate(application)
        #expect(simulated.status == 0, "\(simulated.errors)")
        #expect(simulated.errors.contains("note : simulation : aucun registre ici"), "\(simulated.errors)")
        #expect(simulated.output.contains("1 simulation : 1 favorable"), "\(simulated.output)")
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/.guichet"), "a simulation creates no register")

        let initialised = try Self.guichet(["init", "--authority", "cd62", "--signataire-prenom", "Jean", "--signataire-nom", "Dupont",
                                            "--signataire-qualite", "Président du Conseil départemental"], in: folder)
        #expect(initialised.status == 0, "\(initialised.errors)")
        let instructed = try evaluate(application)
        #expect(instructed.status == 0, "\(instructed.errors)")
        #expect(instructed.output.contains("Demande"), "\(instructed.output)")
        #expect(instructed.output.contains("Avis"), "\(instructed.output)")
        #expect(instructed.output.contains("1 demande instruite : 1 favorable"), "\(instructed.output)")
        let nothingYet = try Self.guichet(["register", "granted", "ASE-62-1001"], in: folder)
        #expect(nothingYet.output.contains("Aucune aide décidée au registre .guichet/registre.sqlite pour « ASE-62-1001 »"), "\(nothingYet.output)")

        let decided = try Self.guichet(["decide", "fonds-solvabilisation", Repository.path(application), "--acte", "DEC-2020-7",
                                        "--date", "2020-12-02", "--rules", Repository.path("Rules"), "--out", "out"], in: folder)
        #expect(decided.status == 0, "\(decided.errors)")
        #expect(FileManager.default.fileExists(atPath: "\(folder)/out/FSJ-2020-0101.decision.md"))
        let granted = try Self.guichet(["register", "granted", "ASE-62-1001"], in: folder)
        #expect(granted.status == 0, "\(granted.errors)")
        #expect(granted.output.contains("FSJ-2020-0101"), "\(granted.output)")
        #expect(granted.output.contains("DEC-2020-7 du 2 décembre 2020"), "\(granted.output)")
        #expect(granted.output.contains("fonds-solvabilisation 2020 : 1 décision, "), "\(granted.output)")
        #expect(granted.output.contains(", 6 mois"), "\(granted.output)")

        let notified = try Self.guichet(["notify", "fonds-solvabilisation", "--date", "2020-12-05",
                                         "--rules", Repository.path("Rules"), "--out", "out"], in: folder)
        #expect(notified.status == 0, "\(notified.errors)")
        #expect(notified.output.contains("1 acte notifié."), "\(notified.output)")
        let again = try evaluate(application)
        #expect(again.status == 0, "\(again.errors)")
        #expect(again.output.contains("inchangée (notifiée au registre)"), "\(again.output)")
        #expect(again.output.contains("1 déjà proposée ou décidée, inchangée"), "\(again.output)")
        let history = try Self.guichet(["register", "history", "FSJ-2020-0101"], in: folder)
        #expect(history.status == 0, "\(history.errors)")
        let lines = history.output.split(separator: "\n")
        #expect(lines.first?.hasPrefix("Étape") == true, "\(history.output)")
        #expect(lines.dropFirst().map { $0.split(separator: " ").first.map(String.init) ?? "" } == ["instruction", "décision", "notifiée"],
                "\(history.output)")
        #expect(lines.last?.contains("notifiée le 5 décembre 2020") == true && lines.last?.contains("en vigueur") == true, "\(history.output)")
        // Who moved it and when, the time written in French: « agent, le 30 novembre 2026 à 10 h 48 (UTC) ».
        #expect(lines.dropFirst().allSatisfy { $0.contains(#/, le \d{1,2}(er)? [a-zéû]+ \d{4} à \d{1,2} h \d{2} \(UTC\)/#) }, "\(history.output)")
    }
}
