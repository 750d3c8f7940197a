import ArgumentParser
import Batch
import ExactDecimal
import Platform
import Register
import RuleSet
import SchemeLanguage

struct Decide: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Enregistre la décision de l'autorité compétente et produit les actes.",
        discussion: """
            Pour un dispositif décidé par une assemblée ou la Commission permanente : enregistre la \
            délibération (--acte, --date) sur les demandes proposées à la séance (« guichet select \
            --seance »), telles que proposées ou amendées (--montant DEMANDE=MONTANT), sauf celles que \
            la séance n'a pas examinées (--ajourner DEMANDE), qui reviennent à l'instruction. Pour un \
            dispositif décidé par le Président par délégation : décide sur les fiches d'instruction des \
            demandes données. Chaque demande est évaluée à la date de la décision, en comptant les aides \
            décidées avant elle ; l'acte est écrit dans OUT/DEMANDE.decision.md et .json. Une demande \
            notifiée n'est jamais décidée à nouveau. Quand une décision est prise à nouveau, les décisions \
            postérieures qui partagent un plafond avec elle et changeraient sont listées : révisions à examiner. \
            Codes de sortie : 0 si au moins une décision est enregistrée et aucune demande n'est en \
            erreur ; 1 sinon (aucune décision prise, une demande en erreur, le registre ou un acte en \
            défaut) ; 64 pour un usage incorrect.
            """)

    @Argument(help: ArgumentHelp("L'identifiant du dispositif, par exemple pdesi.", valueName: "DISPOSITIF"))
    var schemeID: String

    @Argument(help: ArgumentHelp("Fichiers ou dossiers des demandes.", valueName: "DEMANDES"))
    var paths: [String]

    @Option(name: .customLong("acte"), help: ArgumentHelp("Le numéro de la délibération ou de la décision (par exemple CP20201102-15).", valueName: "NUMÉRO"))
    var reference: String

    @Option(name: .customLong("seance"), help: ArgumentHelp("Pour une assemblée qui vote : la séance dont les propositions sont décidées (celle de « guichet select --seance »).", valueName: "SÉANCE"))
    var sitting: String?

    @Option(name: .customLong("montant"), help: ArgumentHelp("Un montant amendé par le vote : DEMANDE=MONTANT (par exemple PDESI-2020-003=15 000 €). Répétable.", valueName: "DEMANDE=MONTANT"))
    var amendments: [String] = []

    @Option(name: .customLong("ajourner"), help: ArgumentHelp("Une demande proposée que la séance n'a pas examinée. Répétable.", valueName: "DEMANDE"))
    var adjourned: [String] = []

    @Option(name: .customLong("reexaminer"), help: ArgumentHelp("Président par délégation : une demande déjà décidée, non notifiée, à décider à nouveau (son dossier a changé). Répétable.", valueName: "DEMANDE"))
    var reexamined: [String] = []

    @OptionGroup var rules: RulesOption

    @Option(name: .long, help: ArgumentHelp("Le dossier où écrire les actes.", valueName: "DOSSIER"))
    var out: String = "decisions"

    @OptionGroup var register: RegisterOption

    @OptionGroup var dating: DatingOptions

    func run() throws {
        let deployment = try WorkingFolder.signedDeployment()
        guard dating.date != nil else { throw ValidationError("donnez la date de la décision : --date AAAA-MM-JJ") }
        let (catalog, scheme, body) = try rules.decidingScheme(schemeID)
        if DecisionRun.decidesOnProposals(scheme, body: body), sitting == nil {
            throw ValidationError("donnez la séance dont les propositions sont décidées : --seance REFERENCE (celle de « guichet select »)")
        }
        let vote = DecisionRun.Vote(amendments: try parsedAmendments(), adjourned: Set(adjourned), reexamined: Set(reexamined))
        if !body.votes, !vote.amendments.isEmpty || !vote.adjourned.isEmpty {
            throw ValidationError("--montant et --ajourner valent pour une assemblée qui vote ; ce dispositif est décidé par le Président par délégation")
        }
        if DecisionRun.decidesOnProposals(scheme, body: body), !vote.reexamined.isEmpty {
            throw ValidationError("--reexaminer vaut pour les décisions du Président sur fiche ; une décision sur proposition se reprend par une nouvelle proposition")
        }
        let decisions = try register.openForRecording()
        let output = try Console.outputFolder(out)
        let run = DecisionRun(catalog: catalog, scheme: scheme, act: DecisionAct(body: body, reference: reference, date: dating.referenceDate),
                              sitting: sitting, deployment: deployment, actor: WorkingFolder.actor(dating.agent), vote: vote,
                              files: try rules.sentDocumentFiles(deployment))
        let result = try Console.reportingRunErrors(register: register.path) {
            try run.run(paths: paths, register: decisions, output: output)
        }
        for entry in result.report.entries { for diagnostic in entry.diagnostics { Console.error(diagnostic.description) } }
        print(result)
        LateNotification.warnWhenDeciding(scheme, on: run.act.date, decided: result.decided)
        if result.report.failureCount > 0 || result.decided.isEmpty { throw ExitCode.failure }
    }

    private func parsedAmendments() throws -> [String: DecimalNumber] {
        var amounts: [String: DecimalNumber] = [:]
        for text in amendments {
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, case .money(let amount)? = ScalarParsing.value(parts[1], as: .money) else {
                throw ValidationError("--montant s'écrit DEMANDE=MONTANT (par exemple PDESI-2020-003=15 000 €), trouvé « \(text) »")
            }
            guard amount > .zero else {
                throw ValidationError("--montant \(parts[0]) : un montant voté est positif ; pour ne pas attribuer l'aide, --ajourner la demande")
            }
            guard amounts[parts[0]] == nil else { throw ValidationError("--montant \(parts[0]) est donné deux fois") }
            amounts[parts[0]] = amount
        }
        return amounts
    }

    private func print(_ result: DecisionRun.Result) {
        let rows = result.decided.map { decided in
            [decided.id, decided.outcome.rawValue, decided.amount.map(FrenchFormat.money) ?? "",
             decided.proposed.map { "amendé (proposé : \(FrenchFormat.money($0)))" } ?? "", decided.document]
        }
        if !rows.isEmpty { Console.out(Table.render(header: ["Demande", "Décision", "Montant", "Vote", "Acte"], rows: rows)) }
        for skipped in result.skipped { Console.say(.note, "\(skipped.id) non décidée : \(skipped.reason)") }
        if result.alreadyDecided > 0 {
            let left = FrenchFormat.agreed(result.alreadyDecided, "demande déjà décidée laissée telle quelle", "demandes déjà décidées laissées telles quelles")
            Console.say(.note, "\(FrenchFormat.count(result.alreadyDecided)) \(left) (--reexaminer pour en décider une à nouveau)")
        }
        if !result.fictitious.isEmpty {
            let labels = Set(result.fictitious.flatMap(\.parameters)).sorted().map { "« \($0) »" }
            let acts = FrenchFormat.count(result.fictitious.count, "acte repose", "actes reposent")
            Console.say(.warning, "\(acts) sur des valeurs fictives, pour les essais (\(FrenchFormat.series(labels))) : chacun le dit, et aucun ne peut être envoyé")
        }
        Console.print(result.revisions)
        let recorded = FrenchFormat.agreed(result.decided.count, "décision enregistrée", "décisions enregistrées")
        Console.out("\n\(FrenchFormat.count(result.decided.count)) \(recorded) au registre.")
    }
}
