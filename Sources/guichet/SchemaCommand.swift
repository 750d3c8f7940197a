import ApplicationForms
import ArgumentParser
import RuleSet
import SchemeLanguage

/// `guichet schema SCHEME`: the JSON Schema of a scheme's application files, for editors.
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Affiche le schéma JSON (draft 2020-12) des fichiers de demande d'un dispositif, pour les éditeurs.",
        discussion: """
            Avec l'extension YAML de VS Code : enregistrez le schéma (guichet schema pdesi > pdesi.schema.json), puis \
            écrivez en tête du fichier de demande « # yaml-language-server: $schema=pdesi.schema.json ». L'éditeur \
            complète les champs, montre chaque question et les codes permis avec leur libellé, et signale un champ \
            inconnu ou une valeur d'un autre type. Le nom d'une famille (logement) donne le schéma du dossier d'un ménage.
            """)

    @Argument(help: ArgumentHelp("Le dispositif (pdesi), ou la famille d'un dossier de ménage (logement).", valueName: "DISPOSITIF"))
    var schemeID: String

    @OptionGroup var rules: RulesOption

    func run() throws {
        let catalog = try rules.catalog()
        switch try ApplicationFormTarget.find(schemeID, in: catalog, rules: rules) {
        case .scheme(let scheme): Console.data(ApplicationSchema.schema(for: scheme).text)
        case .family(let family, let schemes): Console.data(ApplicationSchema.schema(forFamily: family, schemes: schemes).text)
        }
    }
}

/// `guichet new SCHEME`: a commented application file to fill in.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Affiche un fichier de demande à remplir : chaque question en commentaire, les codes permis, la forme des réponses.",
        discussion: "Par exemple : guichet new pdesi > demande.yaml, puis remplissez-le et lancez guichet evaluate demande.yaml.")

    @Argument(help: ArgumentHelp("Le dispositif (pdesi), ou la famille d'un dossier de ménage (logement).", valueName: "DISPOSITIF"))
    var schemeID: String

    @OptionGroup var rules: RulesOption

    func run() throws {
        let catalog = try rules.catalog()
        switch try ApplicationFormTarget.find(schemeID, in: catalog, rules: rules) {
        case .scheme(let scheme): Console.data(ApplicationSkeleton.yaml(for: scheme))
        case .family(let family, let schemes): Console.data(ApplicationSkeleton.yaml(forFamily: family, schemes: schemes))
        }
    }
}

/// What `schema` and `new` describe: one scheme's application, or a family's household file.
enum ApplicationFormTarget {
    case scheme(Scheme)
    case family(String, [Scheme])

    static func find(_ name: String, in catalog: SchemeCatalog, rules: RulesOption) throws -> ApplicationFormTarget {
        if let scheme = catalog.schemes[name] { return .scheme(scheme) }
        if catalog.families.contains(name) {
            let broken = catalog.brokenMembers(of: name)
            guard broken.isEmpty else {
                Console.report(catalog)
                Console.say(.error, "la famille \(name) a des dispositifs illisibles (\(broken.joined(separator: ", "))) : corrigez-les d'abord")
                throw ExitCode.failure
            }
            return .family(name, catalog.family(name))
        }
        Console.report(catalog)
        let known = (catalog.schemes.keys.sorted() + catalog.families).joined(separator: ", ")
        Console.say(.error, "ni dispositif ni famille « \(name) » dans \(rules.rules) ; ceux du dossier sont : \(known.isEmpty ? "aucun" : known)")
        throw ExitCode.failure
    }
}
