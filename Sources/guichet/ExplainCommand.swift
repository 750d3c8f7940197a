import ArgumentParser
import Batch
import Decisions
import RuleSet
import SchemeLanguage

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Présente un dispositif en français : critères, paramètres et leurs dates, calcul du montant, textes, interprétations, et ce qu'il faut écrire dans une demande.")

    @Argument(help: ArgumentHelp("L'identifiant du dispositif, par exemple pdesi.", valueName: "DISPOSITIF"))
    var schemeID: String

    @OptionGroup var rules: RulesOption

    func run() throws {
        let catalog = try rules.catalog()
        let scheme = try rules.scheme(schemeID, in: catalog)
        Console.out(SchemeExplanation.render(scheme), terminator: "")
    }
}
