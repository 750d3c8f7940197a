import Decisions
import Evaluator
import Platform
import Register
import RuleSet
import SchemeLanguage

/// A call's selection for one sitting of the body that decides: the applications evaluated,
/// ranked and placed within the envelope, the laureates proposed to the sitting and recorded
/// as proposals, the fiches updated with their place.
///
/// Limits count the aid decided and, in rank order, the aid proposed at the same sitting: two
/// projects of one owner cannot together pass a yearly cap. A project no longer retained by a
/// new selection for the sitting goes back to instruction. Nothing is ever awarded here.
public struct SittingRun {
    public let catalog: SchemeCatalog
    public let scheme: Scheme
    /// The sitting the proposal is put to.
    public let sitting: DecisionAct
    public let issuance: Issuance
    public let actor: Actor?

    public init(catalog: SchemeCatalog, scheme: Scheme, sitting: DecisionAct, issuance: Issuance, actor: Actor?) {
        self.catalog = catalog
        self.scheme = scheme
        self.sitting = sitting
        self.issuance = issuance
        self.actor = actor
    }

    public struct Outcome {
        public let report: BatchReport
        public let selection: SelectionResult?
        /// Applications proposed before at this sitting and now sent back to instruction.
        public let withdrawn: [String]
        /// Applications left out because they are already decided.
        public let decided: [String]
        /// Applications left out because they were filed after the sitting.
        public let late: [String]
    }

    /// Runs the selection against `register` (an in-memory one for a simulation), writing the
    /// fiches to `output` when given.
    public func run(paths: [String], register: DecisionRegister, recording: Bool, output: OutputFolder?,
                    reservedNames: [String: String]) throws -> Outcome {
        let runner = BatchRunner(catalog: catalog, referenceDate: sitting.date, output: nil, register: register, recording: false,
                                 issuance: issuance, reservedNames: reservedNames)
        let (documents, failures) = runner.read(paths: paths)
        // An application filed after the sitting takes no part in it.
        let read = runner.run(documents.filter { $0.filed <= sitting.date }, failures: failures)
        let late = documents.filter { $0.filed > sitting.date && $0.schemes.contains(scheme.id) }.map(\.id)
        let candidates = read.entries.compactMap { entry -> (Evaluation, Stage?)? in
            guard case .decided(let evaluation) = entry.result, evaluation.scheme.id == scheme.id else { return nil }
            return (evaluation, entry.kept)
        }
        let open = candidates.filter { !($0.1?.isDecided ?? false) }.map(\.0)
        guard let selector = CallSelector(scheme: scheme) else { return Outcome(report: read, selection: nil, withdrawn: [], decided: [], late: late) }
        var withdrawn: [String] = []
        let selection = try register.batch(recording: recording, sitting: sitting.reference) { session in
            let ledger = Ledger(session: session, evaluator: SchemeEvaluator(scheme: scheme), date: sitting.date, stage: proposalStage)
            let result = try selector.select(open, sitting: ledger)
            withdrawn = try session.withdrawProposals(scheme: scheme.id, sitting: sitting.reference,
                                                      keeping: Set(result.retained.map(\.evaluation.application.id)), actor: actor)
            return result
        }
        if let output { try write(selection, to: output) }
        let decided = candidates.filter { $0.1?.isDecided ?? false }.map(\.0.application.id)
        return Outcome(report: read, selection: selection, withdrawn: withdrawn, decided: decided, late: late)
    }

    private var proposalStage: StageRecord {
        StageRecord(stage: .proposal, referenceDate: issuance.referenceDate, act: sitting, actor: actor?.name, recordedAt: actor?.at)
    }

    /// Each application's fiche with its place, and the evaluation the sitting saw.
    private func write(_ selection: SelectionResult, to output: OutputFolder) throws {
        let evaluations = selection.ranked.map(\.evaluation) + selection.inadmissible + selection.pending
        for evaluation in evaluations {
            let id = evaluation.application.id
            var issuance = self.issuance
            if selection.decisions[id]?.placement == .retained { issuance.stage = .proposal; issuance.act = sitting }
            let record = DecisionRecord(evaluation, issuance: issuance, placement: selection.decisions[id])
            try output.write(JSONDecision.render(record), to: "\(id).json")
            try output.write(MarkdownDecision.render(record), to: "\(id).md")
        }
    }

    /// The register seen by the selection: each candidate evaluated with what was proposed
    /// before it, each laureate recorded as proposed.
    private final class Ledger: SittingLedger {
        let session: RegisterSession
        let evaluator: SchemeEvaluator
        let date: LocalDate
        let stage: StageRecord

        init(session: RegisterSession, evaluator: SchemeEvaluator, date: LocalDate, stage: StageRecord) {
            self.session = session
            self.evaluator = evaluator
            self.date = date
            self.stage = stage
        }

        func evaluate(_ evaluation: Evaluation) throws -> Evaluation {
            try evaluator.evaluate(evaluation.application, referenceDate: date, dependencies: evaluation.dependencies, register: session)
        }

        func propose(_ evaluation: Evaluation) throws {
            let inputHash = InputFingerprint.sha256(evaluation.application, scheme: evaluation.scheme)
            try session.record(evaluation, inputHash: inputHash, decisionFile: "\(evaluation.application.id).md", stage: stage)
        }
    }
}
