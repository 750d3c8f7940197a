import ArgumentParser
import Batch
import Decisions
import Foundation
import Platform
import Register
import RuleSet
import SchemeLanguage

struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Évalue des demandes : une simulation, ou dans un poste d'instruction une fiche d'instruction par demande.",
        discussion: """
            Chaque demande nomme son dispositif (le dossier d'un ménage nomme sa famille). Hors d'un \
            poste d'instruction (« guichet init »), chaque document est une simulation, marquée comme \
            telle et enregistrée nulle part. Dans un poste d'instruction, chaque demande reçoit une fiche \
            d'instruction (avis et montant proposé), inscrite au registre ; aucune n'est une décision : \
            « select », « decide » et « notify » font le reste. Une demande déjà proposée, décidée ou \
            notifiée n'est jamais réinstruite : ses documents restent tels quels. Les demandes sont \
            traitées par date de dépôt puis référence ; pour la demande X, OUT/X.md et OUT/X.json, et \
            OUT/summary.jsonl une ligne par demande. Codes de sortie : 0 si chaque demande a son \
            document ; 1 si une demande, un fichier, les règles ou le registre sont en erreur (les \
            autres demandes ont quand même leur document) ; 64 pour un usage incorrect.
            """)

    @Argument(help: ArgumentHelp("Fichiers ou dossiers de demandes (*.yaml, *.yml).", valueName: "DEMANDES"))
    var paths: [String]

    @OptionGroup var rules: RulesOption

    @Option(name: .long, help: ArgumentHelp("Le dossier où écrire les documents (par défaut decisions, ou simulations pour --simulation dans un poste d'instruction, afin de ne jamais remplacer une fiche).", valueName: "DOSSIER"))
    var out: String?

    @OptionGroup var register: RegisterOption

    @OptionGroup var dating: DatingOptions

    @Flag(name: .long, help: "Simuler même dans un poste d'instruction : rien n'est enregistré, chaque page est marquée « Simulation ».")
    var simulation = false

    @Flag(name: .long, help: "N'écrire rien nulle part : ni registre, ni documents ; le tableau seul est affiché.")
    var dryRun = false

    func run() throws {
        let deployment = try WorkingFolder.deployment() ?? Deployment()
        let catalog = try rules.catalog()
        Console.report(catalog)
        let stage: Stage = simulation || !register.inUse ? .simulation : .instruction
        if stage == .simulation, !simulation {
            Console.say(.note, "simulation : aucun registre ici, rien n'est enregistré (« guichet init » crée un poste d'instruction)")
        }
        // The register first: a second run waiting for it must not touch the output folder.
        let recording = stage == .instruction && !dryRun
        let decisions: DecisionRegister? = recording ? try register.openForRecording()
            : register.inUse ? try register.openForReading() : nil
        let folder = out ?? (simulation && register.inUse ? "simulations" : "decisions")
        let output = dryRun ? nil : try Console.outputFolder(folder)
        let issuance = Issuance(stage: stage, referenceDate: dating.referenceDate, deployment: deployment)
        // At instruction, a request for pieces is sent to the applicant: in every format.
        let sentFiles = stage == .instruction && output != nil ? try rules.sentDocumentFiles(deployment) : nil
        let report = BatchRunner(catalog: catalog, referenceDate: dating.referenceDate, output: output, register: decisions, recording: recording,
                                 issuance: issuance, actor: WorkingFolder.actor(dating.agent), sentFiles: sentFiles).runCompact(paths: paths)
        for entry in report.entries { for diagnostic in entry.diagnostics { Console.error(diagnostic.description) } }
        let allocations = Set(catalog.schemes.values.filter { $0.kind == .allocation }.map(\.id))
        SummaryTable.print(report, stage: stage, allocations: allocations) { Console.out($0) }
        if let failure = report.registerFailure { Console.say(.error, "\(failure)", at: register.path) }
        if let output {
            try writeSummary(report, to: output)
            try writeAllocationTables(report, stage: stage, to: output)
        }
        // A rules file that could not be read is an error too, even when no application needed it.
        if report.failureCount > 0 || report.registerFailure != nil || !catalog.failures.isEmpty { throw ExitCode.failure }
    }

    /// The authority's table of each allocation of the batch: `OUT/tableau-SCHEME.md`.
    private func writeAllocationTables(_ report: CompactReport, stage: Stage, to output: OutputFolder) throws {
        for (id, table) in report.entries.allocations.sorted(by: { $0.key < $1.key }) {
            let path = output.path("tableau-\(id).md")
            let text = table.markdown(simulation: stage == .simulation, referenceDate: dating.referenceDate)
            do {
                try output.write(Array(text.utf8), to: "tableau-\(id).md")
            } catch {
                Console.say(.error, "le tableau des dotations n'a pas pu être écrit : \(error.reason)", at: "\(path):1:1")
                throw ExitCode.failure
            }
            Console.out("Tableau des dotations : \(path)")
        }
    }

    private func writeSummary(_ report: CompactReport, to output: OutputFolder) throws {
        do {
            try SummaryLine.write(report.entries, to: output)
        } catch {
            Console.say(.error, "le résumé du lot n'a pas pu être écrit : \(error.reason)", at: "\(error.path):1:1")
            throw ExitCode.failure
        }
    }
}
