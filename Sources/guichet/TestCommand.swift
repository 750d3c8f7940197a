import ArgumentParser
import Batch
import Evaluator
import RuleSet
import SchemeLanguage

struct TestRules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Joue les cas de test de chaque dispositif (tests/<dispositif>.yaml à côté des règles) ; un échec montre l'attendu et l'obtenu.",
        discussion: """
            Chaque cas est une demande et le résultat attendu (issue, montant, critères non remplis, \
            éléments manquants), décidée à la date du cas (date:) ou à sa date de dépôt. Une ligne \
            « réussi » ou « ÉCHEC » par cas, puis le bilan. Codes de sortie : 0 si tous les cas \
            réussissent, 1 si un cas échoue ou si un fichier de règles ne se charge pas, 64 pour un \
            usage incorrect.
            """)

    @Argument(help: ArgumentHelp("Le dossier des règles ; par défaut, comme --rules pour les autres commandes : GUICHET_RULES, sinon Rules/ ici, sinon les règles installées avec guichet.", valueName: "DOSSIER"))
    var givenDirectory: String?

    func run() throws {
        let rulesDirectory = try RulesFolder.resolve(givenDirectory)
        let catalog = SchemeCatalog.load(directory: rulesDirectory)
        Console.report(catalog)
        var passed = 0
        var failed = 0
        for scheme in catalog.sorted {
            for result in SchemeTestRunner.run(scheme) {
                if result.passed {
                    passed += 1
                    Console.out("réussi  \(scheme.id) : \(result.testCase.name) (\(result.testCase.mark))")
                } else {
                    failed += 1
                    Console.out("ÉCHEC   \(scheme.id) : \(result.testCase.name) (\(result.testCase.mark))")
                    for mismatch in result.mismatches { Console.out("        \(mismatch)") }
                }
            }
        }
        Console.out("\(FrenchFormat.count(passed, "cas réussi", "cas réussis")), \(FrenchFormat.count(failed, "cas en échec", "cas en échec"))")
        if passed + failed == 0 && catalog.failures.isEmpty {
            Console.say(.note, "aucun cas de test dans ce dossier : écrivez-les dans tests/<dispositif>.yaml", at: rulesDirectory)
        }
        if failed > 0 || !catalog.failures.isEmpty { throw ExitCode.failure }
    }
}
