import ArgumentParser
import Batch
import ExactDecimal
import Platform
import Register
import RuleSet
import SchemeLanguage

struct Withdraw: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Retire, abroge ou modifie une décision favorable, dans les cas et délais du code des relations entre le public et l'administration.",
        discussion: """
            Motifs (--motif) : illegalite (art. L. 242-1 : décision illégale, dans les quatre mois suivant \
            la décision) ; conditions-non-respectees (art. L. 242-2, 2° : subvention dont les conditions \
            n'ont pas été respectées, sans délai) ; condition-plus-remplie (art. L. 242-2, 1° : abrogation, \
            sans délai) ; demande-illegalite (art. L. 242-3 : à la demande du bénéficiaire, dans les quatre \
            mois) ; demande-plus-favorable (art. L. 242-4 : à la demande du bénéficiaire, pour une décision \
            plus favorable, --montant supérieur). Sans --montant, l'aide est retirée en entier. L'acte est \
            écrit dans OUT/DEMANDE.retrait-N.md et inscrit au registre ; la décision retirée reste dans \
            l'historique. L'acte se notifie ensuite par « guichet notify ».
            """)

    @Argument(help: ArgumentHelp("L'identifiant du dispositif.", valueName: "DISPOSITIF"))
    var schemeID: String

    @Argument(help: ArgumentHelp("Fichiers ou dossiers des demandes (le dossier de la demande doit s'y trouver).", valueName: "DEMANDES"))
    var paths: [String]

    @Option(name: .customLong("demande"), help: ArgumentHelp("La référence de la demande dont la décision est retirée.", valueName: "DEMANDE"))
    var application: String

    @Option(name: .customLong("motif"), help: ArgumentHelp("Le motif : illegalite, conditions-non-respectees, condition-plus-remplie, demande-illegalite, demande-plus-favorable.",
                                                            valueName: "MOTIF"),
            transform: Withdraw.ground)
    var ground: WithdrawalGround

    @Option(name: .customLong("expose"), help: ArgumentHelp("Les faits qui fondent l'acte, tels que l'acte les énonce.", valueName: "TEXTE"))
    var statement: String

    @Option(name: .customLong("montant"), help: ArgumentHelp("Le nouveau montant, pour un retrait partiel ou une décision plus favorable.", valueName: "MONTANT"),
            transform: Withdraw.amount)
    var newAmount: DecimalNumber?

    @Option(name: .customLong("acte"), help: ArgumentHelp("Le numéro de l'acte de retrait.", valueName: "NUMÉRO"))
    var reference: String

    @Option(name: .customLong("observations"), help: ArgumentHelp(
        "Le jour où le bénéficiaire a été invité à présenter ses observations (procédure contradictoire, CRPA L. 121-1 et L. 122-1), quand l'autorité retire de sa propre initiative.",
        valueName: "AAAA-MM-JJ"), transform: { try DatingOptions.date($0, option: "--observations") })
    var observationsInvitedOn: LocalDate?

    @OptionGroup var rules: RulesOption

    @Option(name: .long, help: ArgumentHelp("Le dossier où écrire l'acte.", valueName: "DOSSIER"))
    var out: String = "decisions"

    @OptionGroup var register: RegisterOption

    @OptionGroup var dating: DatingOptions

    func run() throws {
        let deployment = try WorkingFolder.signedDeployment()
        guard dating.date != nil else { throw ValidationError("donnez la date de l'acte : --date AAAA-MM-JJ") }
        let (catalog, scheme, body) = try rules.decidingScheme(schemeID)
        let decisions = try register.openForRecording()
        let output = try Console.outputFolder(out)
        let run = WithdrawalRun(catalog: catalog, scheme: scheme, applicationID: application, ground: ground, statement: statement,
                                newAmount: newAmount, act: DecisionAct(body: body, reference: reference, date: dating.referenceDate),
                                observationsInvitedOn: observationsInvitedOn,
                                deployment: deployment, actor: WorkingFolder.actor(dating.agent), files: try rules.sentDocumentFiles(deployment))
        let result = try Console.reportingRunErrors(register: register.path) {
            try run.run(paths: paths, register: decisions, output: output)
        }
        Console.out("\(application) : acte n° \(reference) du \(dating.referenceDate.frenchLong) — \(result.document) (à notifier : « guichet notify \(schemeID) --demande \(application) »)")
        Console.print(result.revisions)
    }

    static func ground(_ text: String) throws -> WithdrawalGround {
        guard let ground = WithdrawalGround(rawValue: text) else {
            throw ValidationError("motif inconnu « \(text) » : " + WithdrawalGround.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return ground
    }

    static func amount(_ text: String) throws -> DecimalNumber {
        guard case .money(let amount)? = ScalarParsing.value(text, as: .money) else {
            throw ValidationError("« \(text) » n'est pas un montant (par exemple 15 000 €)")
        }
        return amount
    }
}
