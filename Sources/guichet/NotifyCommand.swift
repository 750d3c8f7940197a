import ArgumentParser
import Batch
import Platform
import Register
import RuleSet
import SchemeLanguage

struct Notify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Enregistre la notification des actes et produit les actes notifiés.",
        discussion: """
            Pour chaque acte du dispositif décidé et non encore notifié (ou ceux des demandes données \
            par --demande) : relit l'acte écrit par « guichet decide » ou « guichet withdraw » dans le \
            dossier --out, vérifie qu'il est, à l'octet près, celui qui a été pris (son empreinte est \
            au registre), puis écrit l'acte notifié (DEMANDE.notification.md, l'acte sous la date de \
            notification, et .json) et inscrit la notification au registre. Une décision notifiée \
            n'est plus jamais modifiée par une autre commande que « guichet withdraw ». Codes de \
            sortie : 0 si chaque acte attendu est notifié ; 1 si un acte n'a pu l'être (la raison est \
            donnée) ; 64 pour un usage incorrect.
            """)

    @Argument(help: ArgumentHelp("L'identifiant du dispositif, par exemple pdesi.", valueName: "DISPOSITIF"))
    var schemeID: String

    @Option(name: .customLong("demande"), help: ArgumentHelp("Ne notifier que l'acte de cette demande. Répétable.", valueName: "DEMANDE"))
    var only: [String] = []

    @OptionGroup var rules: RulesOption

    @Option(name: .long, help: ArgumentHelp("Le dossier où les actes ont été écrits, et où écrire les actes notifiés.", valueName: "DOSSIER"))
    var out: String = "decisions"

    @OptionGroup var register: RegisterOption

    @OptionGroup var dating: DatingOptions

    func run() throws {
        guard dating.date != nil else { throw ValidationError("donnez la date de notification : --date AAAA-MM-JJ") }
        let catalog = try rules.catalog()
        Console.report(catalog)
        guard let scheme = catalog.schemes[schemeID] else {
            Console.say(.error, "aucun dispositif « \(schemeID) » dans \(rules.rules)")
            throw ExitCode.failure
        }
        let decisions = try register.openForRecording()
        let output = try Console.outputFolder(out)
        let run = NotificationRun(scheme: scheme, notifiedOn: dating.referenceDate, actor: WorkingFolder.actor(dating.agent),
                                  only: only.isEmpty ? nil : Set(only))
        let result = try Console.reportingRunErrors(register: register.path) {
            try run.run(register: decisions, output: output)
        }
        for (id, document) in result.notified { Console.out("\(id) : notifiée le \(dating.referenceDate.frenchLong) — \(document)") }
        for (id, reason) in result.skipped { Console.say(.note, "\(id) non notifiée : \(reason)") }
        LateNotification.warnWhenNotifying(scheme, late: result.late)
        Console.out("\(FrenchFormat.count(result.notified.count, "acte notifié", "actes notifiés")).")
        if !result.skipped.isEmpty { throw ExitCode.failure }
    }
}
