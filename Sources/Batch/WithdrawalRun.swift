import Decisions
import Evaluator
import ExactDecimal
import Platform
import Register
import RuleSet
import SchemeLanguage

/// Takes back, in whole or in part, a favourable decision already taken, within what the CRPA
/// allows: the ground, its time limit, the direction of the change. The history keeps the
/// decision taken back; the new act is written and recorded in force, to be notified.
public struct WithdrawalRun {
    public let catalog: SchemeCatalog
    public let scheme: Scheme
    public let applicationID: String
    public let ground: WithdrawalGround
    public let statement: String
    /// What is left of the aid; nil to take it back in whole.
    public let newAmount: DecimalNumber?
    public let act: DecisionAct
    public let deployment: Deployment
    public let actor: Actor?

    public init(catalog: SchemeCatalog, scheme: Scheme, applicationID: String, ground: WithdrawalGround, statement: String,
                newAmount: DecimalNumber?, act: DecisionAct, deployment: Deployment, actor: Actor?) {
        self.catalog = catalog
        self.scheme = scheme
        self.applicationID = applicationID
        self.ground = ground
        self.statement = statement
        self.newAmount = newAmount
        self.act = act
        self.deployment = deployment
        self.actor = actor
    }

    /// Why the withdrawal cannot be made, in French.
    public struct Refusal: Error, CustomStringConvertible {
        public let description: String
    }

    /// Writes `ID.retrait.md` and records the act; returns the document's path.
    public func run(paths: [String], register: DecisionRegister, output: OutputFolder) throws -> String {
        let applications = SchemeApplications(catalog: catalog, scheme: scheme, paths: paths)
        return try register.batch { session in
            guard let current = try session.current(scheme: scheme.id, application: applicationID) else {
                throw Refusal(description: "la demande \(applicationID) n'a aucune inscription au registre")
            }
            let decided = try check(current)
            let evaluation: Evaluation
            switch applications.evaluate(applicationID, on: current.stageRecord.referenceDate ?? decided.act.date, register: session) {
            case .success(let evaluated): evaluation = evaluated
            case .failure(let failure): throw Refusal(description: failure.message)
            }
            let document = WithdrawalAct(scheme: scheme, application: evaluation.application, decided: decided, ground: ground,
                                         statement: statement, newAmount: newAmount, act: act, deployment: deployment).markdown()
            let name = "\(applicationID).retrait.md"
            try output.write(document, to: name)
            let stage = StageRecord(stage: .decision, referenceDate: act.date, act: act, documentHash: SHA256.hex(of: Array(document.utf8)),
                                    note: statement, withdrawal: ground, actor: actor?.name, recordedAt: actor?.at)
            try session.record(evaluation, inputHash: current.inputHash, decisionFile: name, stage: stage, amount: .some(newAmount),
                               outcome: newAmount == nil ? .unfavorable : .favorable)
            return output.path(name)
        }
    }

    /// The decision taken back, once the CRPA's conditions are checked.
    private func check(_ current: RegisterEntry) throws -> WithdrawalAct.Decided {
        guard current.stage.isDecided, current.outcome == .favorable, let decidedAct = current.stageRecord.act,
              let amount = current.amount else {
            throw Refusal(description: "seule une décision favorable prise par l'autorité compétente peut être retirée ; la demande \(applicationID) est au stade « \(current.stage.frenchName) », « \(current.outcome.rawValue) »")
        }
        if ground.withinFourMonths, let limit = decidedAct.date.adding(months: 4), act.date > limit {
            throw Refusal(description: "le délai de quatre mois suivant la décision du \(decidedAct.date.frenchLong) a expiré le \(limit.frenchLong) (CRPA, \(ground.article)) : le retrait pour illégalité n'est plus possible")
        }
        guard act.date >= decidedAct.date else {
            throw Refusal(description: "la date de l'acte précède celle de la décision qu'il retire (\(decidedAct.date.frenchLong))")
        }
        if let newAmount {
            guard ground.raises ? newAmount > amount : newAmount < amount, !newAmount.isNegative else {
                let direction = ground.raises ? "supérieur" : "inférieur"
                throw Refusal(description: "le nouveau montant doit être \(direction) à celui décidé (\(FrenchFormat.money(amount))) pour ce motif (CRPA, \(ground.article))")
            }
        } else if ground.raises {
            throw Refusal(description: "une décision plus favorable (CRPA, article L. 242-4) donne le nouveau montant : --montant")
        }
        return WithdrawalAct.Decided(act: decidedAct, amount: amount, notifiedOn: current.stageRecord.notifiedOn)
    }
}
