import Foundation
import TestSupport
import Testing

/// `guichet check-plan`, run as a user runs it: the text's tables, a consistent one, a broken file.
@Suite struct CheckPlanCommandTests {
    let temporary: TemporaryFolder

    init() throws { temporary = try TemporaryFolder("check-plan") }

    func guichet(_ arguments: [String]) throws -> CommandLine.Run {
        try CommandLine.run(arguments, in: Repository.path(""), timeout: 60)
    }

    @Test func theTextsTablesAreReportedInconsistentWithTheirLines() throws {
        let run = try guichet(["check-plan", "Rules/plans"])
        #expect(run.status == 1, "\(run.stderr)")
        let stderr = run.stderr.replacing("\u{202F}", with: " ")
        #expect(run.stderr.contains("Rules/plans/tisf-enveloppes-territoriales.yaml:"))
        #expect(stderr.contains(": erreur : ligne 16871 du texte : Total du tableau, « Budget pondéré sur 2 ans d'effectivité » : total imprimé 1 096 000,00 €, somme des lignes 1 095 999,00 € (écart 1,00 €) [totals[0].budget]"),
                "\(run.stderr)")
        #expect(stderr.contains("ligne 6769 du texte : Fiche 1 – Prévenir les sorties sèches de l'ASE : « Budget global de l'action » imprimé 676 000,00 €"))
        #expect(run.stdout.contains("cohérent  Rules/plans/strategie-pauvrete-erbm-2020.yaml"), "\(run.stdout)")
        #expect(run.stdout.contains("incohérent Rules/plans/tisf-enveloppes-territoriales.yaml"))
    }

    @Test func anApplicationsPlanIsHeldToTheLawsTwentyPercent() throws {
        let run = try guichet(["check-plan", "Rules/plans/demandes"])
        #expect(run.status == 1, "\(run.stderr)")
        let stderr = run.stderr.replacing("\u{202F}", with: " ")
        #expect(stderr.contains("pdesi-2020-002-deux-caps.yaml:13:3: erreur"), "\(stderr)")
        #expect(stderr.contains("erreur : participation du maître d'ouvrage public Communauté de communes de la Terre des Deux Caps : 10 000,00 €, soit 10,0 %"))
        #expect(stderr.contains("avertissement : participation du maître d'ouvrage public Commune de Lumbres"))
        #expect(run.stdout.contains("cohérent  Rules/plans/demandes/pdesi-2020-001-wimereux.yaml"), "\(run.stdout)")
    }

    @Test func aPlanIsComparedWithTheAidItsApplicationGets() throws {
        let agreeing = try guichet(["check-plan", "Rules/plans/demandes/pdesi-2020-001-wimereux.yaml", "--demandes", "Applications/pdesi", "--date", "2020-12-15"])
        #expect(agreeing.status == 0, "\(agreeing.stderr)")
        #expect(agreeing.stderr.replacing("\u{202F}", with: " ").contains("note : l'aide calculée pour la demande PDESI-2020-001 (« favorable »), 30 000,00 €, est celle que le plan compte du Département"))
        let text = try String(contentsOfFile: Repository.path("Rules/plans/demandes/pdesi-2020-001-wimereux.yaml"), encoding: .utf8)
            .replacing("kind: departement, amount: 30 000 €}", with: "kind: departement, amount: 35 000 €}")
            .replacing("kind: fonds-propres, amount: 15 000 €}", with: "kind: fonds-propres, amount: 10 000 €}")
        let file = temporary.file("plan.yaml")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let run = try guichet(["check-plan", file, "--demandes", "Applications/pdesi", "--date", "2020-12-15"])
        #expect(run.status == 1)
        let stderr = run.stderr.replacing("\u{202F}", with: " ")
        #expect(stderr.contains("erreur : le plan compte 35 000,00 € du Département, plus que l'aide calculée pour la demande PDESI-2020-001 (« favorable »), 30 000,00 € (écart 5 000,00 €)"), "\(stderr)")
        #expect(stderr.contains("au-dessus de 50 % des dépenses HT"))
    }

    @Test func aConsistentTableEndsWithZero() throws {
        let run = try guichet(["check-plan", "Rules/plans/strategie-pauvrete-erbm-2020.yaml"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
    }

    @Test func anUnreadableFileEndsWithTwo() throws {
        let file = temporary.file("plan.yaml")
        try "title: Essai\ncolumns: [{id: budget, label: Budget}]\nrows: [{id: a, label: A, line: 1, budget: \"60,000\"}]\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let run = try guichet(["check-plan", file, "Rules/plans/tisf-enveloppes-territoriales.yaml"])
        #expect(run.status == 2, "an unreadable file outweighs an inconsistent one")
        #expect(run.stderr.contains("plan.yaml:3:"), "\(run.stderr)")
        #expect(run.stderr.contains("« 60,000 » ne se lit pas comme un montant"))
        #expect(try guichet(["check-plan", temporary.file("absent.yaml")]).status == 2)
    }
}
