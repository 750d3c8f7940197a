import Decisions
import Documents
import Evaluator
import Platform
import Register
import RuleSet
import SchemeLanguage

/// What is put to one sitting of the body that decides, and recorded as proposals: a call's
/// laureates, ranked and placed within the envelope (with the procès-verbal), and the refusal of
/// its candidatures not admissible; for a scheme that is no call, every application the rules
/// grant or every allocation computed, in filing order, and the refusal of those they refuse.
/// The fiches and the draft report are written.
///
/// Limits count the aid decided and, in rank order, the aid proposed at the same sitting: two
/// projects of one owner cannot together pass a yearly cap. Every document is written before
/// anything is recorded. A project no longer retained by a new selection for the sitting goes
/// back to instruction; one proposed to another sitting, or already decided, takes no part.
/// Nothing is ever awarded here.
public struct SittingRun {
    public let catalog: SchemeCatalog
    public let scheme: Scheme
    /// The sitting the proposal is put to.
    public let sitting: DecisionAct
    /// The fiches' stage: instruction (the laureates are then proposed and recorded) or simulation.
    public let issuance: Issuance
    public let actor: Actor?

    /// The formats of the draft report put to the body (Markdown, HTML, ODT with a template).
    public let files: SentDocumentFiles

    public init(catalog: SchemeCatalog, scheme: Scheme, sitting: DecisionAct, issuance: Issuance, actor: Actor?,
                files: SentDocumentFiles) {
        self.catalog = catalog
        self.scheme = scheme
        self.sitting = sitting
        self.issuance = issuance
        self.actor = actor
        self.files = files
    }

    public struct Outcome {
        public let report: BatchReport
        /// A call's selection; nil for a scheme that is no call.
        public let selection: SelectionResult?
        /// What is put to the sitting of a scheme that is no call; nil for a call.
        public let proposal: SittingProposal?
        /// A call's procès-verbal, as written to `selection-SCHEME-SITTING.md`.
        public let minutes: String?
        /// Applications proposed before at this sitting and now sent back to instruction.
        public let withdrawn: [String]
        /// Applications left out, each with why: already decided, proposed to another sitting,
        /// filed after the sitting.
        public let leftOut: [(id: String, reason: String)]
    }

    /// The names `run` writes besides the fiches, with what they hold.
    public var reservedNames: [String: String] {
        [minutesName: "le procès-verbal de sélection", reportName: "le projet de rapport"]
    }

    /// The procès-verbal's name (without `.md`): `selection-SCHEME-SITTING`.
    public var minutesName: String { "selection-\(scheme.id)-\(Self.fileName(sitting.reference))" }

    /// The draft report's name (without its format): `proposition-SCHEME-SITTING`. Each sitting
    /// has its own, so that a folder serving several sittings keeps the report given to each.
    public var reportName: String { "proposition-\(scheme.id)-\(Self.fileName(sitting.reference))" }

    /// Why a sitting's reference cannot name its documents, or nil when it can: it is part of
    /// their file names, so two sittings must never give the same one.
    public static func unusableReference(_ reference: String) -> String? {
        guard !reference.isEmpty, !reference.hasPrefix("."), fileName(reference) == reference else {
            return "la référence de séance « \(reference) » ne peut nommer les documents de la séance : écrivez-la avec des lettres sans accent, des chiffres, « - », « _ » ou « . » (par exemple CP-2021-01)"
        }
        return nil
    }

    /// A sitting's reference as part of a file name: letters, digits, `-`, `_` and `.` kept,
    /// anything else (a space, a slash) written `-`. The command refuses a reference this
    /// changes (`unusableReference`), so that two sittings cannot share a name.
    static func fileName(_ reference: String) -> String {
        String(reference.unicodeScalars.map { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar))
                ? Character(scalar) : "-"
        })
    }

    /// Runs the selection against `register` (an in-memory one for a simulation).
    public func run(paths: [String], register: DecisionRegister, output: OutputFolder) throws -> Outcome {
        // A call whose envelope is not set is refused before anything is read or evaluated.
        try CallSelector(scheme: scheme)?.checkEnvelope()
        let runner = BatchRunner(catalog: catalog, referenceDate: sitting.date, output: nil, register: register, recording: false,
                                 issuance: issuance, reservedNames: reservedNames)
        let (documents, failures) = runner.read(paths: paths)
        let read = runner.run(documents.filter { $0.filed <= sitting.date }, failures: failures)
        var leftOut: [(id: String, reason: String)] = documents.filter { $0.filed > sitting.date && $0.schemes.contains(scheme.id) }.map {
            ($0.id, "déposée après la séance du \(sitting.date.frenchLong), elle n'y prend pas part")
        }
        let selector = CallSelector(scheme: scheme)
        return try register.batch(sitting: sitting.reference) { session in
            let open = try candidates(read, session: session, leftOut: &leftOut)
            let ledger = Ledger(session: session, evaluator: SchemeEvaluator(scheme: scheme), sitting: sitting)
            guard let selector else {
                let proposal = try Self.inFilingOrder(open, sitting: ledger, scheme: scheme)
                try write(proposal, to: output)
                let withdrawn = proposing ? try propose(proposal.proposed + proposal.refused, among: Set(open.map(\.application.id)), session: session) : []
                return Outcome(report: read, selection: nil, proposal: proposal, minutes: nil, withdrawn: withdrawn, leftOut: leftOut)
            }
            let selection = try selector.select(open, sitting: ledger)
            let minutes = try write(selection, to: output)
            let put = selection.retained.map(\.evaluation) + selection.rejected
            let withdrawn = proposing ? try propose(put, among: Set(open.map(\.application.id)), session: session) : []
            return Outcome(report: read, selection: selection, proposal: nil, minutes: minutes, withdrawn: withdrawn, leftOut: leftOut)
        }
    }

    /// A scheme that is no call: each application the rules grant (each allocation computed) is
    /// proposed in filing order, evaluated again with what was proposed before it at the sitting.
    /// An application the rules refuse is proposed for refusal: the body competent to grant
    /// decides the refusal too. One that is incomplete, or awaits an instructor, is not put to it.
    static func inFilingOrder(_ open: [Evaluation], sitting: SittingLedger, scheme: Scheme) throws -> SittingProposal {
        var proposed: [Evaluation] = []
        var refused: [Evaluation] = []
        var others: [Evaluation] = []
        for evaluation in open {
            let again = evaluation.outcome == .favorable ? try sitting.evaluate(evaluation) : evaluation
            switch again.outcome {
            case .favorable where SittingProposal.heldBack(again).isEmpty:
                try sitting.propose(again)
                proposed.append(again)
            case .unfavorable: refused.append(again)
            default: others.append(again)
            }
        }
        return SittingProposal(scheme: scheme, proposed: proposed, refused: refused, notProposed: others)
    }

    /// Whether the laureates are proposed and recorded: never for a simulation.
    private var proposing: Bool { issuance.stage == .instruction }

    /// The call's applications that take part: not decided, not proposed to another sitting.
    private func candidates(_ read: BatchReport, session: RegisterSession,
                            leftOut: inout [(id: String, reason: String)]) throws -> [Evaluation] {
        var open: [Evaluation] = []
        for entry in read.entries {
            guard case .decided(let evaluation) = entry.result, evaluation.scheme.id == scheme.id else { continue }
            let id = evaluation.application.id
            if entry.kept?.isDecided == true {
                leftOut.append((id, "elle est déjà décidée"))
            } else if entry.kept == .proposal, let other = try session.current(scheme: scheme.id, application: id)?.stageRecord.act,
                      other.reference != sitting.reference {
                leftOut.append((id, "elle est proposée à la séance \(other.reference), qui ne s'est pas encore prononcée"))
            } else {
                open.append(evaluation)
            }
        }
        return open
    }

    /// Records the applications as proposed, in the order given (a call's ranking, or filing),
    /// and sends back to instruction those of the candidates proposed before at this sitting
    /// that are no longer proposed.
    private func propose(_ proposed: [Evaluation], among candidates: Set<String>, session: RegisterSession) throws -> [String] {
        for (rank, evaluation) in proposed.enumerated() {
            let stage = StageRecord(stage: .proposal, referenceDate: sitting.date, act: sitting, rank: rank + 1,
                                    actor: actor?.name, recordedAt: actor?.at)
            try session.record(evaluation, inputHash: InputFingerprint.sha256(evaluation.application, scheme: scheme),
                               decisionFile: "\(evaluation.application.id).md", stage: stage)
        }
        let reason = scheme.selection == nil ? "n'est plus proposée à la séance \(sitting.reference)"
            : "n'est plus retenue par la sélection proposée à la séance \(sitting.reference)"
        return try session.withdrawProposals(scheme: scheme.id, sitting: sitting.reference, among: candidates,
                                             keeping: Set(proposed.map(\.application.id)), note: reason, actor: actor)
    }

    /// Each application's fiche with its place, the procès-verbal and the draft report; returns
    /// the procès-verbal.
    private func write(_ selection: SelectionResult, to output: OutputFolder) throws -> String {
        let evaluations = selection.ranked.map(\.evaluation) + selection.inadmissible + selection.pending
        let rejected = Set(selection.rejected.map(\.application.id))
        for evaluation in evaluations {
            let id = evaluation.application.id
            var issuance = self.issuance
            if proposing, selection.decisions[id]?.placement == .retained || rejected.contains(id) {
                issuance.stage = .proposal
                issuance.act = sitting
            }
            let record = DecisionRecord(evaluation, issuance: issuance, placement: selection.decisions[id])
            try output.write(JSONDecision.utf8(record), to: "\(id).json")
            try output.write(MarkdownDecision.utf8(record), to: "\(id).md")
        }
        let minutes = SelectionReport.markdown(selection)
        try output.write(minutes, to: "\(minutesName).md")
        // The draft report goes to the members of the body: in every format, like an act.
        let report = ProposalReport.document(selection, sitting: sitting, deployment: issuance.deployment, simulation: !proposing)
        _ = try files.write(report, markdown: MarkdownRendering.utf8(report), name: reportName, to: output)
        return minutes
    }

    /// Each application's fiche, proposed or not, and the draft report in every format.
    private func write(_ proposal: SittingProposal, to output: OutputFolder) throws {
        let proposed = Set((proposal.proposed + proposal.refused).map(\.application.id))
        for evaluation in proposal.proposed + proposal.refused + proposal.notProposed {
            let id = evaluation.application.id
            var issuance = self.issuance
            if proposing, proposed.contains(id) { issuance.stage = .proposal; issuance.act = sitting }
            let record = DecisionRecord(evaluation, issuance: issuance)
            try output.write(JSONDecision.utf8(record), to: "\(id).json")
            try output.write(MarkdownDecision.utf8(record), to: "\(id).md")
        }
        let report = proposal.document(sitting: sitting, deployment: issuance.deployment, simulation: !proposing)
        _ = try files.write(report, markdown: MarkdownRendering.utf8(report), name: reportName, to: output)
    }

    /// The register seen by the selection: each candidate evaluated with what was proposed
    /// before it; each laureate counted as proposed, to be recorded once the documents are written.
    private final class Ledger: SittingLedger {
        let session: RegisterSession
        let evaluator: SchemeEvaluator
        let sitting: DecisionAct

        init(session: RegisterSession, evaluator: SchemeEvaluator, sitting: DecisionAct) {
            self.session = session
            self.evaluator = evaluator
            self.sitting = sitting
        }

        func evaluate(_ evaluation: Evaluation) throws -> Evaluation {
            try evaluator.evaluate(evaluation.application, referenceDate: sitting.date, dependencies: evaluation.dependencies,
                                   register: session)
        }

        func propose(_ evaluation: Evaluation) throws {
            session.countProposal(evaluation, at: sitting)
        }
    }
}
