import Decisions
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

        public init(amendments: [String: DecimalNumber] = [:], adjourned: Set<String> = []) {
            self.amendments = amendments
            self.adjourned = adjourned
        }
    }

    /// An application decided by this run.
    public struct Decided: Sendable {
        public let id: String
        public let outcome: SchemeLanguage.Outcome
        public let amount: DecimalNumber?
        public let proposed: DecimalNumber?
        public let document: String
    }

    /// A later decision that may no longer be right, since one it counted was decided again.
    public struct Revision: Sendable {
        public let id: String
        /// The application decided again that it shares a limit with.
        public let cause: String
        /// What it would be now, in French; nil when its file was not given.
        public let change: String?
    }

    public struct Result {
        public let report: BatchReport
        public var decided: [Decided] = []
        /// Applications left as they were, each with why.
        public var skipped: [(id: String, reason: String)] = []
        public var revisions: [Revision] = []
    }

    public let catalog: SchemeCatalog
    public let scheme: Scheme
    public let act: DecisionAct
    /// For a body that votes: the sitting whose proposals it decides on.
    public let sitting: String?
    public let deployment: Deployment
    public let actor: Actor?
    public let vote: Vote

    public init(catalog: SchemeCatalog, scheme: Scheme, act: DecisionAct, sitting: String?, deployment: Deployment, actor: Actor?,
                vote: Vote) {
        self.catalog = catalog
        self.scheme = scheme
        self.act = act
        self.sitting = sitting
        self.deployment = deployment
        self.actor = actor
        self.vote = vote
    }

    public func run(paths: [String], register: DecisionRegister, output: OutputFolder) throws -> Result {
        let applications = SchemeApplications(catalog: catalog, scheme: scheme, paths: paths)
        var result = Result(report: BatchReport(entries: applications.failures))
        try register.batch { session in
            for (id, proposal) in try targets(applications, session: session, result: &result) {
                try decide(id, proposal: proposal, applications: applications, session: session, output: output, result: &result)
            }
            result.revisions = try revisions(of: result.decided.map(\.id), applications: applications, session: session)
        }
        return result
    }

    /// Whether the decision is taken on a sitting's proposals: a body that votes decides on what
    /// is put to it, and a call's laureates are those its selection proposed, whoever decides.
    public static func decidesOnProposals(_ scheme: Scheme, body: DecidingBody) -> Bool {
        body.votes || scheme.selection != nil
    }

    /// What is decided, in order: the sitting's proposals in the ranking's order, or the fiches
    /// in filing order.
    private func targets(_ applications: SchemeApplications, session: RegisterSession,
                         result: inout Result) throws -> [(String, RegisterEntry?)] {
        guard Self.decidesOnProposals(scheme, body: act.body), let sitting else { return applications.order.map { ($0, nil) } }
        let proposals = try session.proposals(scheme: scheme.id, sitting: sitting)
        if proposals.isEmpty { result.skipped.append(("—", "aucune demande n'est proposée à la séance \(sitting) : lancez d'abord « guichet select »")) }
        let voted = proposals.filter { !vote.adjourned.contains($0.application) }
        _ = try session.withdrawProposals(scheme: scheme.id, sitting: sitting, keeping: Set(voted.map(\.application)), actor: actor)
        for id in vote.adjourned where !proposals.contains(where: { $0.application == id }) {
            result.skipped.append((id, "elle n'était pas proposée à la séance \(sitting)"))
        }
        return voted.map { ($0.application, $0) }
    }

    private func decide(_ id: String, proposal: RegisterEntry?, applications: SchemeApplications, session: RegisterSession,
                        output: OutputFolder, result: inout Result) throws {
        let current = try session.current(scheme: scheme.id, application: id)
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
        let issuance = Issuance(stage: .decision, referenceDate: act.date, act: act, proposedAmount: proposed, deployment: deployment)
        let record = DecisionRecord(evaluation, issuance: issuance, placement: Self.placement(evaluation), awarded: amount)
        let markdown = MarkdownDecision.render(record)
        let name = "\(id).decision"
        try output.write(JSONDecision.render(record), to: "\(name).json")
        try output.write(markdown, to: "\(name).md")
        let stage = StageRecord(stage: .decision, referenceDate: act.date, act: act, proposedAmount: proposed,
                                documentHash: SHA256.hex(of: Array(markdown.utf8)), actor: actor?.name, recordedAt: actor?.at)
        try session.record(evaluation, inputHash: inputHash, decisionFile: "\(name).md", stage: stage, amount: .some(amount))
        result.decided.append(Decided(id: id, outcome: evaluation.outcome, amount: amount, proposed: proposed, document: output.path("\(name).md")))
    }

    /// The amount decided, and the one proposed when the vote amended it; nil (with why) when the
    /// proposal can no longer be voted as it stands.
    private func voted(_ evaluation: Evaluation, proposal: RegisterEntry?,
                       result: inout Result) -> (amount: DecimalNumber?, proposed: DecimalNumber?)? {
        let computed = evaluation.amount?.final
        guard let proposal else { return (computed, nil) }
        let id = evaluation.application.id
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
        case .decision where votes:
            return "elle est déjà décidée ; une nouvelle délibération passe par une nouvelle proposition"
        case .instruction where current.inputHash != inputHash, .proposal where current.inputHash != inputHash:
            return "le dossier a changé depuis son instruction : instruisez-le à nouveau (« guichet evaluate ») avant de décider"
        default:
            return nil
        }
    }

    /// The applications decided after those decided again here that share a limit with them,
    /// evaluated again: each whose outcome or amount would change is a revision to examine.
    private func revisions(of ids: [String], applications: SchemeApplications, session: RegisterSession) throws -> [Revision] {
        var revisions: [Revision] = []
        var seen = Set(ids)
        for cause in ids {
            for id in try session.decidedAfter(scheme: scheme.id, application: cause) where seen.insert(id).inserted {
                guard let recorded = try session.current(scheme: scheme.id, application: id) else { continue }
                let date = recorded.stageRecord.act?.date ?? act.date
                guard case .success(let now) = applications.evaluate(id, on: date, register: session) else {
                    revisions.append(Revision(id: id, cause: cause, change: nil))
                    continue
                }
                let amountNow: DecimalNumber? = now.amount?.final
                if now.outcome != recorded.outcome || amountNow != recorded.amount {
                    let before = "\(recorded.outcome.rawValue)" + (recorded.amount.map { ", \(FrenchFormat.money($0))" } ?? "")
                    let after = "\(now.outcome.rawValue)" + (amountNow.map { ", \(FrenchFormat.money($0))" } ?? "")
                    revisions.append(Revision(id: id, cause: cause, change: "décidée « \(before) », elle serait aujourd'hui « \(after) »"))
                }
            }
        }
        return revisions
    }
}
