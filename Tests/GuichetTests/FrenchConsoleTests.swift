import Foundation
import TestSupport
import Testing

/// The console speaks French: the help and the usage errors swift-argument-parser writes, the
/// words that open every problem, the counts; and the exit codes the README documents.
@Suite struct FrenchConsoleTests {
    @Test func theHelpIsFrenchAndEndsWithZero() throws {
        let run = try CommandLine.run(["--help"])
        #expect(run.status == 0)
        for heading in ["DESCRIPTION : ", "UTILISATION : guichet <sous-commande>", "\nOPTIONS :\n", "\nSOUS-COMMANDES :\n",
                        "Affiche l'aide.", "Affiche la version.", "Codes de sortie : 0 en cas de succès",
                        "« guichet help <sous-commande> » décrit chaque sous-commande."] {
            #expect(run.stdout.contains(heading), "\(heading) in \(run.stdout)")
        }
        for english in ["OVERVIEW", "USAGE", "SUBCOMMANDS", "Show help information", "See '"] {
            #expect(!run.stdout.contains(english), "\(english) in \(run.stdout)")
        }
    }

    /// Wrapped at any space by the library, the help keeps « : » and « » » beside their words.
    @Test func noLineOfTheHelpStartsWithAColonOrAClosingGuillemet() throws {
        for command in ["evaluate", "decide", "select", "register export", "bench"] {
            let run = try CommandLine.run(["help"] + command.split(separator: " ").map(String.init))
            #expect(run.status == 0)
            let lines = run.stdout.split(separator: "\n").map { $0.drop { $0 == " " } }
            #expect(!lines.contains { $0.hasPrefix(": ") || $0.hasPrefix("; ") || $0.hasPrefix("» ") || $0 == ":" }, "\(run.stdout)")
            #expect(!run.stdout.split(separator: "\n").contains { $0.hasSuffix(" «") }, "\(run.stdout)")
            #expect(run.stdout.contains("(par défaut") || command == "register export", "\(command)")
        }
    }

    @Test func aUsageErrorIsFrenchAndEndsWith64() throws {
        let unknown = try CommandLine.run(["evaluate", "x.yaml", "--outt", "o"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.hasPrefix("erreur : option « --outt » inconnue ; vouliez-vous dire « --out » ?\n"), "\(unknown.stderr)")
        #expect(unknown.stderr.contains("\nUtilisation : guichet evaluate <DEMANDES> ..."), "\(unknown.stderr)")
        #expect(unknown.stderr.contains("« guichet evaluate --help » en dit plus."), "\(unknown.stderr)")
        let date = try CommandLine.run(["evaluate", "x.yaml", "--date", "2020-13-01"])
        #expect(date.status == 64)
        #expect(date.stderr.hasPrefix("erreur : la valeur « 2020-13-01 » ne convient pas à « --date <AAAA-MM-JJ> » : "
                                      + "--date attend une date au format AAAA-MM-JJ"), "\(date.stderr)")
        let missing = try CommandLine.run(["decide"])
        #expect(missing.status == 64)
        #expect(missing.stderr.hasPrefix("erreur : argument attendu manquant : « <DISPOSITIF> »"), "\(missing.stderr)")
    }

    /// The completion scripts are printed as the library writes them, the help of each command
    /// in French; no wording touches them (a quote put into a shell script would break it).
    @Test(arguments: ["bash", "zsh", "fish"])
    func theCompletionScriptsAreWritten(shell: String) throws {
        let run = try CommandLine.run(["--generate-completion-script", shell])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("evaluate"))
        if shell != "bash" { #expect(run.stdout.contains("Évalue des demandes"), "\(run.stdout.prefix(2000))") }
    }

    /// An empty rules folder: said in French, exit code 1; a register query that finds nothing:
    /// said, exit code 0.
    @Test func nothingFoundIsSaid() throws {
        let temporary = try TemporaryFolder("french")
        try FileManager.default.createDirectory(atPath: temporary.file("empty"), withIntermediateDirectories: true)
        let check = try CommandLine.run(["check", temporary.file("empty")])
        #expect(check.status == 1)
        #expect(check.stderr.contains("\(temporary.file("empty")):1:1: erreur : aucun fichier YAML (*.yaml, *.yml) dans ce dossier"), "\(check.stderr)")
        #expect(check.stderr.contains("1 fichier de règles avec 1 erreur ; corrigez-la et relancez « guichet check »."), "\(check.stderr)")
        let initialised = try CommandLine.run(["init"], in: temporary.path)
        #expect(initialised.status == 0, "\(initialised.stderr)")
        let granted = try CommandLine.run(["register", "granted", "216200001"], in: temporary.path)
        #expect(granted.status == 0)
        #expect(granted.stdout.contains("Aucune aide décidée au registre .guichet/registre.sqlite pour « 216200001 »."), "\(granted.stdout)")
        let export = try CommandLine.run(["register", "export", "-o", temporary.file("export.csv")], in: temporary.path)
        #expect(export.status == 0)
        #expect(export.stderr == "note : aucune inscription au registre .guichet/registre.sqlite : l'export ne contient que la ligne d'en-tête\n",
                "\(export.stderr)")
    }
}
