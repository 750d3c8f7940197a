import ArgumentParser
import Platform
import RuleSet
import SchemeLanguage

/// `guichet reform`: reform files, to try with `simulate`.
struct ReformCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reform",
        abstract: "Les fichiers de réforme, à essayer avec « guichet simulate ».",
        subcommands: [NewReform.self])
}

/// `guichet reform new SCHEME`: a reform file to start from, every parameter with today's value.
struct NewReform: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Affiche un fichier de réforme à compléter : chaque paramètre du dispositif, sa valeur d'aujourd'hui et un commentaire.",
        discussion: """
            Tel quel, le fichier ne change rien : donnez leur nouvelle valeur aux paramètres que la réforme \
            change et supprimez les autres. Par exemple : guichet reform new pdesi > Rules/reforms/essai.yaml, \
            puis guichet simulate --reform Rules/reforms/essai.yaml Applications/pdesi.
            """)

    @Argument(help: ArgumentHelp("Le dispositif (pdesi).", valueName: "DISPOSITIF"))
    var schemeID: String

    @OptionGroup var rules: RulesOption

    func run() throws {
        let catalog = try rules.catalog()
        let scheme = try rules.scheme(schemeID, in: catalog)
        Console.data(ReformTemplate.yaml(for: scheme))
    }
}
