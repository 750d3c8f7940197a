import ArgumentParser
import Batch
import Platform
import Register
import RuleSet
import SchemeLanguage

struct Notify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Enregistre la notification des décisions et produit les actes notifiés.",
        discussion: """
            Pour chaque décision du dispositif non encore notifiée (ou celles données par --demande), \
            vérifie que l'acte se reproduit à l'identique de celui décidé, puis inscrit au registre la \
            date de notification et écrit OUT/DEMANDE.notification.md et .json. Une décision notifiée \
            n'est plus jamais modifiée par une autre commande que « guichet withdraw ».
            """)

    @Argument(help: "L'identifiant du dispositif, par exemple pdesi.")
    var schemeID: String

    @Argument(help: "Fichiers ou dossiers des demandes.")
    var paths: [String]

    @Option(name: .customLong("demande"), help: "Ne notifier que cette demande. Répétable.")
    var only: [String] = []

    @OptionGroup var rules: RulesOption

    @Option(name: .long, help: "Le dossier où écrire les actes notifiés.")
    var out: String = "decisions"

    @OptionGroup var register: RegisterOption

    @OptionGroup var dating: DatingOptions

    func run() throws {
        guard dating.date != nil else { throw ValidationError("donnez la date de notification : --date AAAA-MM-JJ") }
        let deployment = try WorkingFolder.deployment() ?? Deployment()
        let catalog = SchemeCatalog.load(directory: rules.rules)
        Console.report(catalog)
        guard let scheme = catalog.schemes[schemeID] else {
            Console.error("error: aucun dispositif « \(schemeID) » dans \(rules.rules)")
            throw ExitCode.failure
        }
        let decisions = try register.openForRecording()
        let output = try Console.outputFolder(out)
        let run = NotificationRun(catalog: catalog, scheme: scheme, notifiedOn: dating.referenceDate, deployment: deployment,
                                  actor: WorkingFolder.actor(dating.agent), only: only.isEmpty ? nil : Set(only))
        let result: NotificationRun.Result
        do {
            result = try run.run(paths: paths, register: decisions, output: output)
        } catch {
            Console.error("\(register.path): error: \(error)")
            throw ExitCode.failure
        }
        for entry in result.report.entries { for diagnostic in entry.diagnostics { Console.error(diagnostic.description) } }
        for (id, document) in result.notified { Console.out("\(id) : notifiée le \(dating.referenceDate.frenchLong) — \(document)") }
        for (id, reason) in result.skipped { Console.error("note: \(id) non notifiée : \(reason)") }
        Console.out("\(result.notified.count) décision(s) notifiée(s).")
        if result.report.failureCount > 0 || !result.skipped.isEmpty { throw ExitCode.failure }
    }
}
