import Decisions
import Documents
import Evaluator
import ExactDecimal
import Platform
import Register
import RuleSet
import SchemeLanguage

/// Records the competent authority's decisions and issues the acts.
///
/// A body that votes decides on what was proposed at its sitting, as proposed or amended; the
/// President by delegation decides on the instructor's fiches. Each application is evaluated
/// again on the decision date, counting the aid decided before it, and its act is written and
/// recorded with the act's reference. A notified decision is never decided again here.
public struct DecisionRun {
    /// What the body changed to the proposal by its vote.
    public struct Vote: Sendable {
        /// Amounts voted in place of those proposed, by application.
        public var amendments: [String: DecimalNumber] = [:]
        /// Applications the body did not vote on: they go back to instruction.
        public var adjourned: Set<String> = []
        /// Applications already decided (not notified) to decide again, their facts having changed.
        public var reexamined: Set<String> = []

        public init(amendments: [String: DecimalNumber] = [:], adjourned: Set<String> = [], reexamined: Set<String> = []) {
            self.amendments = amendments
            self.adjourned = adjourned
            self.reexamined = reexamined
        }
    }

    /// An application decided by this run.
    public struct Decided: Sendable {
        public let id: String
        public let outcome: SchemeLanguage.Outcome
        public let amount: DecimalNumber?
        public let proposed: DecimalNumber?
        public let document: String
        /// The application's filing date, which dates a scheme's deadline for notifying.
        public let filed: LocalDate
    }

    public struct Result {
        public let report: BatchReport
        public var decided: [Decided] = []
        /// Applications left as they were, each with why.
        public var skipped: [(id: String, reason: String)] = []
        public var revisions: [Revision] = []
        /// Applications already decided or notified, left as they are.
        public var alreadyDecided = 0
        /// The acts that read a parameter at a value made up for trials (`fictitious: true`),
        /// by application, with the parameters' labels: each act says so, and is no act to send.
        public var fictitious: [(id: String, parameters: [String])] = []
    }

    public let catalog: SchemeCatalog
    public let scheme: Scheme
    public let act: DecisionAct
    /// For a body that votes: the sitting whose proposals it decides on.
    public let sitting: String?
    public let deployment: Deployment
    public let actor: Actor?
    public let vote: Vote
    /// The formats each act is written in.
    public let files: SentDocumentFiles
    /// The scheme's parameters whose value on the act's date was made up for trials: the same
    /// for every act of the run, since each is evaluated on that date.
    private let madeUpParameters: [(index: Int, label: String)]

    public init(catalog: SchemeCatalog, scheme: Scheme, act: DecisionAct, sitting: String?, deployment: Deployment, actor: Actor?,
                vote: Vote, files: SentDocumentFiles) {
        self.catalog = catalog
        self.scheme = scheme
        self.act = act
        self.sitting = sitting
        self.deployment = deployment
        self.actor = actor
        self.vote = vote
        self.files = files
        madeUpParameters = scheme.parameters.indices.compactMap { index in
            scheme.parameters[index].isFictitious(on: act.date) ? (index, scheme.parameters[index].label) : nil
        }
    }

    public func run(paths: [String], register: DecisionRegister, output: OutputFolder) throws -> Result {
        let applications = SchemeApplications(catalog: catalog, scheme: scheme, paths: paths)
        var result = Result(report: BatchReport(entries: applications.failures))
        let fragments = DocumentFragments()
        try register.batch { session in
            let targets = try targets(applications, session: session, result: &result)
            // Each act reads its application's history: read them a chunk at a time, in this order.
            session.readAhead(histories: targets.map(\.0), scheme: scheme.id)
            for (id, proposal) in targets {
                try decide(id, proposal: proposal, applications: applications, session: session, output: output,
                           fragments: fragments, result: &result)
            }
            let again = result.decided.map(\.id).filter { vote.reexamined.contains($0) }
            result.revisions = try Revision.examine(after: again, applications: applications, session: session)
        }
        return result
    }

    /// Whether the decision is taken on a sitting's proposals: a body that votes decides on what
    /// is put to it, and a call's laureates are those its selection proposed, whoever decides.
    public static func decidesOnProposals(_ scheme: Scheme, body: DecidingBody) -> Bool {
        body.votes || scheme.selection != nil
    }

    /// What is decided, in order: the sitting's proposals in the ranking's order, or the fiches
    /// in filing order (and those named to be decided again). An amendment or an adjournment of
    /// an application that is not proposed stops everything before anything is recorded.
    private func targets(_ applications: SchemeApplications, session: RegisterSession,
                         result: inout Result) throws -> [(String, RegisterEntry?)] {
        guard Self.decidesOnProposals(scheme, body: act.body), let sitting else {
            return applications.order.filter { id in
                guard let stage = session.stage(scheme: scheme.id, application: id), stage.isDecided else { return true }
                if vote.reexamined.contains(id) { return true }
                result.alreadyDecided += 1
                return false
            }.map { ($0, nil) }
        }
        let proposals = try session.proposals(scheme: scheme.id, sitting: sitting)
        let proposed = Set(proposals.map(\.application))
        let strays = (Set(vote.amendments.keys).union(vote.adjourned)).subtracting(proposed).sorted()
        guard strays.isEmpty else {
            throw Refusal("\(strays.joined(separator: ", ")) : aucune proposition à la séance \(sitting) ; vérifiez les références données à --montant et --ajourner (rien n'a été décidé)")
        }
        if scheme.kind == .allocation, let amended = vote.amendments.keys.sorted().first {
            throw Refusal("\(amended) : une dotation se vote part par part, son total ne s'amende pas ; ajournez-la (--ajourner), recalculez-la et proposez-la de nouveau (rien n'a été décidé)")
        }
        if let refusal = proposals.first(where: { $0.outcome == .unfavorable && vote.amendments[$0.application] != nil }) {
            throw Refusal("\(refusal.application) est proposée au rejet : un rejet n'a pas de montant à amender ; pour lui attribuer une aide, ajournez-la (--ajourner) et instruisez-la à nouveau (rien n'a été décidé)")
        }
        if let both = vote.adjourned.intersection(vote.amendments.keys).sorted().first {
            throw Refusal("\(both) est à la fois ajournée et amendée : choisissez (rien n'a été décidé)")
        }
        if proposals.isEmpty {
            result.skipped.append(("—", "aucune demande n'est proposée à la séance \(sitting) (déjà décidée, ou « guichet select --seance \(sitting) » pas encore lancée)"))
        }
        _ = try session.withdrawProposals(scheme: scheme.id, sitting: sitting, among: vote.adjourned, keeping: [],
                                          note: "ajournée par la séance \(sitting)", actor: actor)
        return proposals.filter { !vote.adjourned.contains($0.application) }.map { ($0.application, $0) }
    }

    private func decide(_ id: String, proposal: RegisterEntry?, applications: SchemeApplications, session: RegisterSession,
                        output: OutputFolder, fragments: DocumentFragments, result: inout Result) throws {
        // One query for the entry in force and the earlier acts (`actName`).
        let history = try session.history(scheme: scheme.id, application: id)
        let current = history.last { $0.current }
        guard let application = applications.documents[id]?.decoded.application(scheme.id) else {
            result.skipped.append((id, "son dossier n'est pas parmi les fichiers donnés"))
            return
        }
        let inputHash = InputFingerprint.sha256(application, scheme: scheme)
        if let refusal = Self.refusal(current: current, inputHash: inputHash, votes: act.body.votes) {
            result.skipped.append((id, refusal))
            return
        }
        let evaluation: Evaluation
        switch applications.evaluate(id, on: act.date, register: session) {
        case .success(let evaluated): evaluation = evaluated
        case .failure(let failure):
            result.skipped.append((id, failure.message))
            return
        }
        guard evaluation.outcome == .favorable || evaluation.outcome == .unfavorable else {
            result.skipped.append((id, "le dossier est « \(evaluation.outcome.rawValue) » : il ne peut être décidé en l'état"))
            return
        }
        guard let (amount, proposed) = voted(evaluation, proposal: proposal, result: &result) else { return }
        var issuance = Issuance(stage: .decision, referenceDate: act.date, act: act, proposedAmount: proposed, deployment: deployment)
        issuance.fragments = fragments
        let record = DecisionRecord(evaluation, issuance: issuance, placement: Self.placement(evaluation), awarded: amount,
                                    inputHash: inputHash)
        guard let document = record.sentDocument else { throw Refusal("le dossier \(id) ne donne pas lieu à un acte") }
        let name = actName(id, history: history, applications: applications)
        try output.write(JSONDecision.utf8(record), to: "\(name).json")
        let written = try files.write(document, markdown: MarkdownRendering.utf8(document), name: name, to: output)
        let stage = StageRecord(stage: .decision, referenceDate: act.date, act: act, proposedAmount: proposed,
                                documentHash: written.markdown, actor: actor?.name, recordedAt: actor?.at,
                                htmlHash: written.html, odtHash: written.odt)
        try session.record(evaluation, inputHash: inputHash, decisionFile: "\(name).md", stage: stage, amount: .some(amount))
        result.decided.append(Decided(id: id, outcome: evaluation.outcome, amount: amount, proposed: proposed, document: output.path("\(name).md"),
                                      filed: evaluation.application.filed))
        let madeUp = fictitiousParameters(evaluation)
        if !madeUp.isEmpty { result.fictitious.append((id, madeUp)) }
    }

    /// The labels of the parameters the evaluation read at a value made up for trials.
    private func fictitiousParameters(_ evaluation: Evaluation) -> [String] {
        // The parameters were found on the run's scheme and the act's date, which the
        // evaluation must share for their indices and versions to be its own.
        precondition(evaluation.scheme === scheme && evaluation.referenceDate == act.date, "an act evaluated on another scheme or date than its run's")
        return madeUpParameters.compactMap { parameter in
            evaluation.parameters.indices.contains(parameter.index) && evaluation.parameters[parameter.index] != nil ? parameter.label : nil
        }
    }

    /// `ID.decision` for an application's first act, `ID.decision-2`… for the acts that decide
    /// it again: an act the register recorded is never written over, so that a run stopped
    /// before its register commits leaves every recorded act as it was decided.
    private func actName(_ id: String, history: [RegisterEntry], applications: SchemeApplications) -> String {
        let base = "\(applications.documentName(id)).decision"
        let earlier = history
            .filter { $0.stage.isDecided && $0.stageRecord.withdrawal == nil && $0.stageRecord.documentHash != nil }
            .compactMap(\.decisionFile).filter { $0.hasPrefix(base) && !$0.contains(".notification") }
        return earlier.isEmpty ? base : "\(base)-\(Set(earlier).count + 1)"
    }

    /// The amount decided, and the one proposed when the vote amended it; nil (with why) when the
    /// proposal can no longer be voted as it stands.
    private func voted(_ evaluation: Evaluation, proposal: RegisterEntry?,
                       result: inout Result) -> (amount: DecimalNumber?, proposed: DecimalNumber?)? {
        let computed = evaluation.amount?.final
        guard let proposal else { return (computed, nil) }
        let id = evaluation.application.id
        // A refusal put to the vote is decided as a refusal, while the rules still refuse.
        // Its grounds are those the sitting was given: rules changed since may give others.
        if proposal.outcome == .unfavorable {
            guard evaluation.outcome == .unfavorable else {
                result.skipped.append((id, "à la date de la décision, la demande dont le rejet était proposé n'est plus à rejeter (\(evaluation.outcome.rawValue)) : instruisez-la à nouveau"))
                return nil
            }
            guard proposal.rulesHash == evaluation.scheme.rulesHash else {
                result.skipped.append((id, "les règles du dispositif ont changé depuis que son rejet a été proposé : ses motifs peuvent n'être plus ceux soumis à la séance ; relancez « guichet select »"))
                return nil
            }
            return (computed, nil)
        }
        guard evaluation.outcome == .favorable else {
            result.skipped.append((id, "à la date de la décision, la demande proposée n'est plus éligible (\(evaluation.outcome.rawValue)) : instruisez-la à nouveau"))
            return nil
        }
        // A call without amounts (laureates) decides who, not how much.
        guard let computed else {
            if vote.amendments[id] != nil { result.skipped.append((id, "le dispositif ne calcule aucun montant : il n'y a rien à amender")) }
            return vote.amendments[id] == nil ? (nil, nil) : nil
        }
        let voted = vote.amendments[id] ?? proposal.amount ?? computed
        guard voted <= computed else {
            result.skipped.append((id, "le montant voté (\(FrenchFormat.money(voted))) dépasse ce que permettent les règles (\(FrenchFormat.money(computed)))"))
            return nil
        }
        return (voted, voted != proposal.amount ? proposal.amount : nil)
    }

    /// A call's laureate is decided as retained by the selection it was proposed from (a call's
    /// decisions are all taken on proposals).
    static func placement(_ evaluation: Evaluation) -> SelectionResult.Decision? {
        guard evaluation.scheme.selection != nil, evaluation.outcome == .favorable else { return nil }
        return SelectionResult.Decision(placement: .retained, reason: "Retenue par la sélection de l'appel.", rank: nil)
    }

    /// Why an application cannot be decided here, if it cannot.
    static func refusal(current: RegisterEntry?, inputHash: String, votes: Bool) -> String? {
        guard let current else { return "elle n'a pas été instruite : lancez d'abord « guichet evaluate » dans ce poste d'instruction" }
        switch current.stage {
        case .notified:
            return "elle est notifiée : elle ne peut plus être modifiée que par « guichet withdraw » (retrait ou abrogation)"
        case .decision where current.stageRecord.withdrawal != nil:
            return "un acte de retrait la concerne : il se notifie (« guichet notify ») ; une autre modification passe par « guichet withdraw »"
        case .decision where votes:
            return "elle est déjà décidée ; une nouvelle délibération passe par une nouvelle proposition"
        case .instruction where current.inputHash != inputHash:
            return "le dossier a changé depuis son instruction : instruisez-le à nouveau (« guichet evaluate ») avant de décider"
        case .proposal where current.inputHash != inputHash:
            let sitting = current.stageRecord.act?.reference ?? "…"
            return "le dossier a changé depuis sa proposition : relancez « guichet select --seance \(sitting) » avant la décision"
        default:
            return nil
        }
    }
}
