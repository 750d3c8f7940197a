import ArgumentParser
import Foundation
import Imports
import Platform
import SchemeLanguage
import Service

/// `guichet serve`: the HTTP service — the JSON API of the schemes, evaluations and simulations.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lance le service HTTP : le site public des aides et l'API JSON.",
        discussion: """
            Charge les règles une fois, puis répond sur l'adresse donnée (127.0.0.1:8080 par défaut). \
            Le site public : le catalogue des aides (/), une page par dispositif (/dispositifs/ID) et \
            son questionnaire de simulation (/dispositifs/ID/simulation). L'API : GET /schemes, \
            GET /schemes/{id}, POST /evaluations, POST /simulations, GET /health ; sa description \
            OpenAPI est servie à /openapi.json. Tout ce que le service produit est une simulation : \
            rien n'est enregistré, aucun corps de requête n'est journalisé. Ctrl-C arrête le service.
            """)

    @Option(name: .long, help: "L'adresse d'écoute (127.0.0.1 : cette machine seule).")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "Le port d'écoute.")
    var port: Int = 8080

    @Option(name: .long, help: ArgumentHelp("Le nombre de fils d'exécution qui répondent aux requêtes (par défaut : un par cœur de la machine).", valueName: "NOMBRE"))
    var threads: Int?

    @OptionGroup var rules: RulesOption

    func validate() throws {
        guard (1...65_535).contains(port) else {
            throw ValidationError("--port doit être un port entre 1 et 65535, par exemple --port 8080 (reçu : \(port))")
        }
        if let threads, !(1...256).contains(threads) {
            throw ValidationError("--threads attend un nombre de fils entre 1 et 256, par exemple --threads 2 (reçu : \(threads))")
        }
    }

    func run() async throws {
        let catalog = try rules.catalog()
        Console.report(catalog)
        // A public service never runs without a scheme it was given: the guichet would say an
        // aid does not exist when its file has an error.
        guard catalog.failures.isEmpty, !catalog.schemes.isEmpty else {
            Console.say(.error, "le service ne démarre pas : corrigez les erreurs des règles ci-dessus (« guichet check » les donne toutes)")
            throw ExitCode.failure
        }
        let service = GuichetService(configuration: ServiceConfiguration(
            catalog: catalog, deployment: try WorkingFolder.deployment() ?? Deployment(), host: host, port: port,
            communes: try communes(), today: { WorkingFolder.today() }))
        Console.say(.note, "\(catalog.schemes.count) dispositif(s) chargé(s) ; service sur http://\(host):\(port)/, \(FrenchFormat.count(threads ?? ServiceThreads.suggested, "fil")) d'exécution (Ctrl-C pour l'arrêter)")
        try await service.application().runService()
    }

    /// The rules folder's reference of communes, when it has one: the simulations whose reform
    /// breaks down by commune need it. An unusable one is reported and left aside; the service
    /// starts, and answers such a reform that it cannot run it.
    private func communes() throws -> CommuneReference? {
        let folder = try rules.folder()
        guard RegularFile.exists("\(folder)/\(CommuneReference.relativePath)") else { return nil }
        switch CommuneReference.load(rulesFolder: folder) {
        case .success(let reference): return reference
        case .failure(let list):
            for diagnostic in list.diagnostics { Console.error(diagnostic.description) }
            Console.say(.warning, "le référentiel des communes ne peut être lu : les simulations qui ventilent par commune seront refusées ; corrigez-le et relancez le service")
            return nil
        }
    }
}
