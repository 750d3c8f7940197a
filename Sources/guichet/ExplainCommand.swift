import ArgumentParser
import Batch
import Decisions
import RuleSet
import SchemeLanguage

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a scheme as a French document: criteria, parameters and their dates, amount formula, sources, interpretations.")

    @Argument(help: "The id of the scheme, e.g. pdesi.")
    var schemeID: String

    @OptionGroup var rules: RulesOption

    func run() throws {
        let catalog = try rules.catalog()
        guard let scheme = catalog.schemes[schemeID] else {
            Console.report(catalog)
            let known = catalog.schemes.keys.sorted().joined(separator: ", ")
            Console.error("error: unknown scheme '\(schemeID)'; the schemes in \(rules.rules) are: \(known.isEmpty ? "none" : known)")
            throw ExitCode.failure
        }
        Console.out(SchemeExplanation.render(scheme), terminator: "")
    }
}
