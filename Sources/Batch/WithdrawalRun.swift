import Decisions
import Documents
import Evaluator
import ExactDecimal
import Platform
import Register
import RuleSet
import SchemeLanguage

/// Takes back, in whole or in part, a favourable decision already taken, within what the CRPA
/// allows: the ground, its time limit counted from the decision that created the rights, the
/// direction of the change. The history keeps the decision taken back; the new act is written
/// (`ID.retrait-N.md`, never over an earlier act) and recorded in force, with the limit keys of
/// the decision it changes, to be notified. Later decisions sharing a limit are listed.
public struct WithdrawalRun {
    public let catalog: SchemeCatalog
    public let scheme: Scheme
    public let applicationID: String
    public let ground: WithdrawalGround
    public let statement: String
    /// What is left of the aid; nil to take it back in whole.
    public let newAmount: DecimalNumber?
    public let act: DecisionAct
    /// The day the beneficiary was invited to present observations (CRPA L. 121-1, L. 122-1).
    public let observationsInvitedOn: LocalDate?
    public let deployment: Deployment
    public let actor: Actor?
    /// The formats the act is written in.
    public let files: SentDocumentFiles

    public init(catalog: SchemeCatalog, scheme: Scheme, applicationID: String, ground: WithdrawalGround, statement: String,
                newAmount: DecimalNumber?, act: DecisionAct, observationsInvitedOn: LocalDate? = nil, deployment: Deployment,
                actor: Actor?, files: SentDocumentFiles) {
        self.catalog = catalog
        self.scheme = scheme
        self.applicationID = applicationID
        self.ground = ground
        self.statement = statement
        self.newAmount = newAmount
        self.act = act
        self.observationsInvitedOn = observationsInvitedOn
        self.deployment = deployment
        self.files = files
        self.actor = actor
    }

    public struct Result {
        /// The act written.
        public let document: String
        public let revisions: [Revision]
    }

    public func run(paths: [String], register: DecisionRegister, output: OutputFolder) throws -> Result {
        let applications = SchemeApplications(catalog: catalog, scheme: scheme, paths: paths)
        guard let application = applications.documents[applicationID]?.decoded.application(scheme.id) else {
            throw Refusal("le dossier de la demande \(applicationID) n'est pas parmi les fichiers donnés")
        }
        return try register.batch { session in
            guard let current = try session.current(scheme: scheme.id, application: applicationID) else {
                throw Refusal("la demande \(applicationID) n'a aucune inscription au registre")
            }
            let history = try session.history(scheme: scheme.id, application: applicationID)
            let decided = try check(current, history: history)
            if ground.raises { try checkAllowed(applications, on: decided.act.date, session: session) }
            let document = WithdrawalAct(scheme: scheme, application: application, decided: decided, ground: ground,
                                         statement: statement, newAmount: newAmount, act: act, deployment: deployment,
                                         observationsInvitedOn: observationsInvitedOn).document()
            let number = history.filter { $0.stageRecord.withdrawal != nil && $0.stage == .decision }.count + 1
            let base = "\(applications.documentName(applicationID)).retrait-\(number)"
            let name = "\(base).md"
            let written = try files.write(document, markdown: MarkdownRendering.utf8(document), name: base, to: output)
            let stage = StageRecord(stage: .decision, referenceDate: current.stageRecord.referenceDate, act: act,
                                    documentHash: written.markdown, note: statement, withdrawal: ground,
                                    actor: actor?.name, recordedAt: actor?.at, htmlHash: written.html, odtHash: written.odt)
            try session.record(current.moved(to: stage, decisionFile: name, amount: .some(newAmount),
                                             outcome: newAmount == nil ? .unfavorable : .favorable))
            let revisions = try Revision.examine(after: [applicationID], applications: applications, session: session)
            return Result(document: output.path(name), revisions: revisions)
        }
    }

    /// The decision taken back, once the CRPA's conditions are checked. The four months run
    /// from the decision that created the rights, not from a later partial withdrawal.
    private func check(_ current: RegisterEntry, history: [RegisterEntry]) throws -> WithdrawalAct.Decided {
        guard current.stage.isDecided, current.outcome == .favorable, let decidedAct = current.stageRecord.act,
              let amount = current.amount else {
            throw Refusal("seule une décision favorable prise par l'autorité compétente peut être retirée ; la demande \(applicationID) est au stade « \(current.stage.frenchName) », « \(current.outcome.rawValue) »")
        }
        let creating = history.first { $0.stage.isDecided && $0.stageRecord.withdrawal == nil }?.stageRecord.act ?? decidedAct
        if ground.withinFourMonths, let limit = creating.date.adding(months: 4), act.date > limit {
            throw Refusal("le délai de quatre mois suivant la décision du \(creating.date.frenchLong) a expiré le \(limit.frenchLong) (code des relations entre le public et l'administration, \(ground.article)) : le retrait pour illégalité n'est plus possible")
        }
        if let invited = observationsInvitedOn, !(decidedAct.date...act.date).contains(invited) {
            throw Refusal("l'invitation à présenter des observations (\(invited.frenchLong)) doit se placer entre la décision (\(decidedAct.date.frenchLong)) et l'acte (\(act.date.frenchLong))")
        }
        guard act.date >= decidedAct.date else {
            throw Refusal("la date de l'acte précède celle de la décision qu'il modifie (\(decidedAct.date.frenchLong))")
        }
        if let newAmount {
            guard (ground.raises ? (newAmount > amount) : (newAmount < amount)), newAmount > DecimalNumber.zero else {
                let direction = ground.raises ? "supérieur" : "inférieur"
                throw Refusal("le nouveau montant doit être positif et \(direction) à celui décidé (\(FrenchFormat.money(amount))) pour ce motif (\(ground.article)) ; pour retirer toute l'aide, omettez --montant")
            }
        } else if ground.raises {
            throw Refusal("une décision plus favorable (article L. 242-4) donne le nouveau montant : --montant")
        }
        return WithdrawalAct.Decided(act: decidedAct, amount: amount, notifiedOn: current.stageRecord.notifiedOn)
    }

    /// A more favourable decision stays within what the rules allow on the decision's date.
    private func checkAllowed(_ applications: SchemeApplications, on date: LocalDate, session: RegisterSession) throws {
        guard let newAmount else { return }
        switch applications.evaluate(applicationID, on: date, register: session) {
        case .failure(let failure): throw Refusal(failure.message)
        case .success(let evaluation):
            guard evaluation.outcome == .favorable, let allowed = evaluation.amount?.final, newAmount <= allowed else {
                let allowed = evaluation.amount?.final.map(FrenchFormat.money) ?? "aucun montant"
                throw Refusal("le nouveau montant (\(FrenchFormat.money(newAmount))) dépasse ce que permettent les règles (\(allowed))")
            }
        }
    }
}
