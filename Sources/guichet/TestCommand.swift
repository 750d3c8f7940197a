import ArgumentParser
import Batch
import Evaluator
import RuleSet
import SchemeLanguage

struct TestRules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the test cases of every scheme (tests/<scheme-id>.yaml beside the rules); a failure shows expected against obtained.")

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
                    Console.out("PASS  \(scheme.id): \(result.testCase.name) (\(result.testCase.mark))")
                } else {
                    failed += 1
                    Console.out("FAIL  \(scheme.id): \(result.testCase.name) (\(result.testCase.mark))")
                    for mismatch in result.mismatches { Console.out("        \(mismatch)") }
                }
            }
        }
        Console.out("\(passed) passed, \(failed) failed")
        if failed > 0 || !catalog.failures.isEmpty { throw ExitCode.failure }
    }
}
