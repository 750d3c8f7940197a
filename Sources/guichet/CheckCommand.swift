import ArgumentParser
import Batch
import RuleSet
import SchemeLanguage

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Vérifie chaque dispositif d'un dossier de règles, et chaque citation au regard des lignes du texte qu'elle cite.",
        discussion: """
            Charge tous les dispositifs du dossier (avec deliberations.yaml, mentions.yaml et les cas \
            de test de tests/) et relit chaque citation (quote) contre les lignes du texte des \
            délibérations qu'elle cite (Rules/sources/). Chaque erreur est écrite sur la sortie \
            d'erreur avec son fichier:ligne:colonne et le chemin du champ ; chaque dispositif sans \
            erreur est listé sur la sortie standard. Codes de sortie : 0 si tout est juste, 1 si une \
            erreur est trouvée ou si le dossier ne contient aucun dispositif, 64 pour un usage incorrect.
            """)

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
            Console.out("ok  \(scheme.id) (\(scheme.file)) : \(Self.counts(scheme))")
        }
        let failures = catalog.failures + quotes
        let errors = failures.reduce(0) { $0 + $1.diagnostics.count }
        if errors > 0 {
            let files = Set(failures.map(\.file)).count
            Console.error("\(FrenchFormat.count(files, "fichier")) de règles avec \(FrenchFormat.count(errors, "erreur")) ; "
                          + "\(FrenchFormat.agreed(errors, "corrigez-la", "corrigez-les")) et relancez « guichet check ».")
            throw ExitCode.failure
        }
        if catalog.schemes.isEmpty {
            Console.say(.error, "aucun fichier de dispositif (*.yaml, *.yml) dans ce dossier de règles (\(RulesFolder.search(givenDirectory).found?.origin.french ?? "donné à la commande")) : donnez le dossier des règles, par exemple « guichet check Rules »",
                        at: rulesDirectory)
            throw ExitCode.failure
        }
    }

    /// « 5 critères, 3 étapes de calcul, 12 cas de test »; for an allocation, which has no
    /// criteria, « dotation en 11 parts » first.
    private static func counts(_ scheme: Scheme) -> String {
        let parts = scheme.amount?.partIndices.count ?? 0
        let first = scheme.kind == .allocation ? "dotation en \(FrenchFormat.count(parts, "part"))"
            : FrenchFormat.count(scheme.criteria.count, "critère")
        return [first,
         FrenchFormat.count(scheme.amount?.steps.count ?? 0, "étape de calcul", "étapes de calcul"),
         FrenchFormat.count(scheme.tests.count, "cas de test", "cas de test")].joined(separator: ", ")
    }
}
