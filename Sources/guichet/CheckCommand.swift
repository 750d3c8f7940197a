import ArgumentParser
import Batch
import RuleSet
import SchemeLanguage

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate every scheme of a rules folder, and every quote against the lines of the text it cites; located errors, non-zero exit on any.")

    @Argument(help: ArgumentHelp("Le dossier des règles ; par défaut, comme --rules pour les autres commandes : GUICHET_RULES, sinon Rules/ ici, sinon les règles installées avec guichet.", valueName: "DOSSIER"))
    var givenDirectory: String?

    func run() throws {
        let rulesDirectory = try RulesFolder.resolve(givenDirectory)
        let catalog = SchemeCatalog.load(directory: rulesDirectory)
        Console.report(catalog)
        let quotes = QuoteCheck.problems(in: catalog)
        for problem in quotes {
            for diagnostic in problem.diagnostics { Console.error(diagnostic.description) }
        }
        let misquoting = Set(quotes.map(\.file))
        for scheme in catalog.sorted where !misquoting.contains(scheme.file) {
            Console.out("ok  \(scheme.id) (\(scheme.file)): \(scheme.criteria.count) criteria, \(scheme.amount?.steps.count ?? 0) amount steps, \(scheme.tests.count) test cases")
        }
        let failures = catalog.failures + quotes
        let errors = failures.reduce(0) { $0 + $1.diagnostics.count }
        if errors > 0 {
            Console.error("\(Set(failures.map(\.file)).count) rules file(s) with \(errors) error(s); fix them and run 'guichet check' again.")
            throw ExitCode.failure
        }
        if catalog.schemes.isEmpty {
            Console.error("\(rulesDirectory):1:1: error: aucun dispositif (*.yaml) dans ce dossier de règles (\(RulesFolder.search(givenDirectory).found?.origin.french ?? "donné à la commande"))")
            throw ExitCode.failure
        }
    }
}
