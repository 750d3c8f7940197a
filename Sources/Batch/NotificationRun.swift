import Decisions
import Evaluator
import Platform
import Register
import RuleSet
import SchemeLanguage

/// Records that decisions were notified, and issues the notified acts.
///
/// The act notified must be the act decided: each decision is rendered again as it was decided
/// (its date, its act, the aid decided before it) and compared with the fingerprint recorded
/// when it was decided. A file or rules changed since then stop that notification, never
/// silently change it. Once notified, a decision stays decided.
public struct NotificationRun {
    public let catalog: SchemeCatalog
    public let scheme: Scheme
    public let notifiedOn: LocalDate
    public let deployment: Deployment
    public let actor: Actor?
    /// Only these applications, when given; otherwise every decision not yet notified.
    public let only: Set<String>?

    public init(catalog: SchemeCatalog, scheme: Scheme, notifiedOn: LocalDate, deployment: Deployment, actor: Actor?, only: Set<String>?) {
        self.catalog = catalog
        self.scheme = scheme
        self.notifiedOn = notifiedOn
        self.deployment = deployment
        self.actor = actor
        self.only = only
    }

    public struct Result {
        public let report: BatchReport
        public var notified: [(id: String, document: String)] = []
        public var skipped: [(id: String, reason: String)] = []
    }

    public func run(paths: [String], register: DecisionRegister, output: OutputFolder) throws -> Result {
        let applications = SchemeApplications(catalog: catalog, scheme: scheme, paths: paths)
        var result = Result(report: BatchReport(entries: applications.failures))
        for id in (only ?? []).sorted() where applications.documents[id] == nil {
            result.skipped.append((id, "son dossier n'est pas parmi les fichiers donnés"))
        }
        try register.batch { session in
            for id in applications.order where only?.contains(id) ?? true {
                guard let current = try session.current(scheme: scheme.id, application: id) else { continue }
                guard current.stage == .decision, let act = current.stageRecord.act else {
                    if only != nil { result.skipped.append((id, "elle est au stade « \(current.stage.frenchName) » : seule une décision se notifie")) }
                    continue
                }
                guard act.date <= notifiedOn else {
                    result.skipped.append((id, "la date de notification précède celle de la décision (\(act.date.frenchLong))"))
                    continue
                }
                let decidedOn = current.stageRecord.referenceDate ?? act.date
                let evaluation: Evaluation
                switch applications.evaluate(id, on: decidedOn, register: session) {
                case .success(let evaluated): evaluation = evaluated
                case .failure(let failure):
                    result.skipped.append((id, failure.message))
                    continue
                }
                let documents = current.stageRecord.withdrawal == nil
                    ? try decisionDocuments(evaluation, current: current, act: act)
                    : try withdrawalDocuments(evaluation.application, current: current, act: act, session: session)
                guard let documents else {
                    result.skipped.append((id, """
                        l'acte ne se reproduit pas à l'identique de celui décidé le \(act.date.frenchLong) (dossier, règles ou \
                        signataire modifiés depuis) : la décision notifiée doit être celle qui a été prise
                        """))
                    continue
                }
                let name = current.stageRecord.withdrawal == nil ? "\(id).notification" : "\(id).retrait.notification"
                if let json = documents.json { try output.write(json, to: "\(name).json") }
                try output.write(documents.markdown, to: "\(name).md")
                var stage = current.stageRecord
                stage.stage = .notified
                stage.notifiedOn = notifiedOn
                stage.actor = actor?.name
                stage.recordedAt = actor?.at
                try session.record(evaluation, inputHash: current.inputHash, decisionFile: "\(name).md", stage: stage, amount: .some(current.amount),
                                   outcome: current.outcome)
                result.notified.append((id, output.path("\(name).md")))
            }
        }
        return result
    }

    /// The notified act, once the decision is shown to render exactly as it was decided.
    private func decisionDocuments(_ evaluation: Evaluation, current: RegisterEntry, act: DecisionAct) throws
        -> (markdown: String, json: String?)? {
        var issuance = Issuance(stage: .decision, referenceDate: current.stageRecord.referenceDate, act: act,
                                proposedAmount: current.stageRecord.proposedAmount, deployment: deployment)
        let placement = DecisionRun.placement(evaluation)
        let decided = MarkdownDecision.render(DecisionRecord(evaluation, issuance: issuance, placement: placement, awarded: .some(current.amount)))
        guard SHA256.hex(of: Array(decided.utf8)) == current.stageRecord.documentHash else { return nil }
        issuance.stage = .notified
        issuance.notifiedOn = notifiedOn
        let record = DecisionRecord(evaluation, issuance: issuance, placement: placement, awarded: .some(current.amount))
        return (MarkdownDecision.render(record), JSONDecision.render(record))
    }

    /// A withdrawal act notified: rendered again from the register (the decision it takes back
    /// is the decided entry before it) and checked the same way.
    private func withdrawalDocuments(_ application: Application, current: RegisterEntry, act: DecisionAct,
                                     session: RegisterSession) throws -> (markdown: String, json: String?)? {
        guard let ground = current.stageRecord.withdrawal,
              let taken = try session.history(scheme: scheme.id, application: application.id)
                .last(where: { !$0.current && $0.stage.isDecided && $0.outcome == .favorable && $0.stageRecord.act != nil }),
              let takenAct = taken.stageRecord.act else { return nil }
        let decided = WithdrawalAct.Decided(act: takenAct, amount: taken.amount, notifiedOn: taken.stageRecord.notifiedOn)
        func render(notified: LocalDate?) -> String {
            WithdrawalAct(scheme: scheme, application: application, decided: decided, ground: ground,
                          statement: current.stageRecord.note ?? "", newAmount: current.amount, act: act, deployment: deployment,
                          notifiedOn: notified).markdown()
        }
        guard SHA256.hex(of: Array(render(notified: nil).utf8)) == current.stageRecord.documentHash else { return nil }
        return (render(notified: notifiedOn), nil)
    }
}
