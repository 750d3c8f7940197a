import ArgumentParser
import Batch
import Decisions
import Evaluator
import Foundation
import Platform
import Register
import RuleSet
import SchemeLanguage

struct Select: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Propose à une séance les lauréats d'un appel (classement, enveloppe, liste d'attente) ou les demandes d'un dispositif voté en séance, avec le projet de rapport.",
        discussion: """
            Évalue les candidatures de l'appel, classe les admissibles comme le dit la « selection » du \
            dispositif et retient les lauréats dans l'enveloppe. Dans un poste d'instruction, les lauréats \
            sont inscrits au registre comme proposés à la séance (--seance, --date) : rien n'est attribué \
            avant le vote, que « guichet decide » enregistre. Les plafonds comptent les aides décidées et, \
            dans l'ordre du classement, celles proposées à la même séance. Écrit la fiche de chaque \
            candidature avec sa place, OUT/selection-DISPOSITIF-SÉANCE.md (procès-verbal) et \
            OUT/proposition-DISPOSITIF-SÉANCE.md (projet de rapport à la séance). Hors d'un poste d'instruction, \
            la sélection est une simulation. Pour un dispositif décidé en séance qui n'est pas un appel \
            (une aide de la Commission permanente, les dotations d'une allocation) : chaque demande \
            éligible, ou chaque dotation calculée, est proposée dans l'ordre de dépôt, avec son montant ; \
            OUT/proposition-DISPOSITIF-SÉANCE.md en fait le projet de rapport (SÉANCE : « simulation » \
            hors d'un poste d'instruction sans --seance).
            """)

    @Argument(help: ArgumentHelp("L'identifiant du dispositif de l'appel, par exemple pdesi.", valueName: "DISPOSITIF"))
    var schemeID: String

    @Argument(help: ArgumentHelp("Fichiers ou dossiers de candidatures.", valueName: "CANDIDATURES"))
    var paths: [String]

    @OptionGroup var rules: RulesOption

    @Option(name: .long, help: ArgumentHelp("Le dossier où écrire les documents.", valueName: "DOSSIER"))
    var out: String = "decisions"

    @Option(name: .customLong("seance"), help: ArgumentHelp("La référence de la séance à laquelle la proposition est soumise (par exemple CP-2020-11-02).", valueName: "SÉANCE"))
    var sitting: String?

    @OptionGroup var register: RegisterOption

    @OptionGroup var dating: DatingOptions

    func run() throws {
        let deployment = try WorkingFolder.deployment() ?? Deployment()
        let catalog = try rules.catalog()
        Console.report(catalog)
        guard let scheme = catalog.schemes[schemeID] else {
            Console.say(.error, "aucun dispositif « \(schemeID) » dans \(rules.rules)")
            throw ExitCode.failure
        }
        guard let body = scheme.decidedBy?.body else {
            Console.say(.error, "le dispositif ne dit pas qui décide (authority.decides) : la proposition ne peut être adressée", at: scheme.file)
            throw ExitCode.failure
        }
        guard scheme.selection != nil || body.votes else {
            Console.say(.error, "« \(schemeID) » n'est ni un appel ni un dispositif voté en séance : \(BodyName(body, authority: scheme.authority).name) décide sur les fiches d'instruction (« guichet decide »)")
            throw ExitCode.failure
        }
        // An envelope the text leaves unset, and nothing has set: refused before anything is written.
        do {
            try CallSelector(scheme: scheme)?.checkEnvelope()
        } catch {
            Console.error(error.description)
            throw ExitCode.failure
        }
        if let sitting, let problem = SittingRun.unusableReference(sitting) { throw ValidationError(problem) }
        let recording = register.inUse
        if recording, sitting == nil || dating.date == nil {
            throw ValidationError("donnez la séance à laquelle la proposition est soumise : --seance REFERENCE et --date, le jour de la séance")
        }
        let act = DecisionAct(body: body, reference: sitting ?? "simulation", date: dating.referenceDate)
        let stage: Stage = recording ? .instruction : .simulation
        if !recording { Console.say(.note, "simulation : aucun registre ici, rien n'est proposé ni enregistré (« guichet init » crée un poste d'instruction)") }
        let decisions = recording ? try register.openForRecording() : try DecisionRegister.inMemory()
        let output = try Console.outputFolder(out)
        let run = SittingRun(catalog: catalog, scheme: scheme, sitting: act,
                             issuance: Issuance(stage: stage, referenceDate: act.date, deployment: deployment),
                             actor: WorkingFolder.actor(dating.agent), files: try rules.sentDocumentFiles(deployment))
        let outcome = try Console.reportingRunErrors(register: register.path) {
            try run.run(paths: paths, register: decisions, output: output)
        }
        for entry in outcome.report.entries { for diagnostic in entry.diagnostics { Console.error(diagnostic.description) } }
        for (id, reason) in outcome.leftOut { Console.say(.note, "\(id) ne prend pas part à la sélection : \(reason)") }
        for id in outcome.withdrawn { Console.say(.note, "\(id) n'est plus proposée à la séance \(act.reference) : elle revient à l'instruction") }
        if let minutes = outcome.minutes {
            Console.out(minutes, terminator: "")
        } else if let proposal = outcome.proposal {
            report(proposal, sitting: act, recorded: recording, file: output.path("\(run.reportName).md"))
        } else {
            throw ExitCode.failure
        }
        if outcome.report.failureCount > 0 { throw ExitCode.failure }
    }

    /// What a scheme that is no call puts to the sitting, one line per application proposed.
    private func report(_ proposal: SittingProposal, sitting: DecisionAct, recorded: Bool, file: String) {
        let allocates = proposal.scheme.kind == .allocation
        let rows = proposal.proposed.map { [$0.application.id, $0.application.applicant.name, $0.amount?.final.map(FrenchFormat.money) ?? ""] }
        let header = allocates ? ["Référence", "Établissement", "Dotation proposée"] : ["Demande", "Bénéficiaire", "Aide proposée"]
        if !rows.isEmpty { Console.out(Table.render(header: header, rows: rows)) }
        for evaluation in proposal.refused {
            Console.say(.note, "\(evaluation.application.id) : rejet proposé. \(proposal.reason(evaluation))")
        }
        for evaluation in proposal.notProposed {
            Console.say(.note, "\(evaluation.application.id) n'est pas soumise à la séance. \(proposal.reason(evaluation))")
        }
        var what: [String] = []
        if !proposal.proposed.isEmpty {
            what.append((allocates ? FrenchFormat.count(proposal.proposed.count, "dotation proposée", "dotations proposées")
                         : FrenchFormat.count(proposal.proposed.count, "aide proposée", "aides proposées"))
                        + " (\(proposal.total.map(FrenchFormat.money) ?? "non calculable"))")
        }
        if !proposal.refused.isEmpty { what.append(FrenchFormat.count(proposal.refused.count, "rejet proposé", "rejets proposés")) }
        Console.out("\n\(what.isEmpty ? "Aucune proposition" : FrenchFormat.series(what)) à la séance \(sitting.reference)\(recorded ? "" : " (simulation)") ; projet de rapport : \(file)")
    }
}
