import ExactDecimal
import SchemeLanguage

/// What a document's stage adds to an evaluation: which stage it is at, who issues it, on
/// which date the rules were applied, and for an act, the deliberation or decision behind it.
public struct Issuance: Sendable {
    public var stage: Stage
    /// The day whose rules were applied: the decision date, or for a fiche or a simulation the
    /// day it was made. Parameter versions are chosen on it unless the text says otherwise.
    public var referenceDate: LocalDate?
    /// For a proposal, a decision or a notification: the sitting or the act.
    public var act: DecisionAct?
    /// For a notified decision: the day it was notified.
    public var notifiedOn: LocalDate?
    /// For a decision amended by the vote: the amount that was proposed.
    public var proposedAmount: DecimalNumber?
    /// The deployment's signatory, instructing service and data protection contact.
    public var deployment: Deployment

    public init(stage: Stage, referenceDate: LocalDate? = nil, act: DecisionAct? = nil, notifiedOn: LocalDate? = nil,
                proposedAmount: DecimalNumber? = nil, deployment: Deployment = Deployment()) {
        self.stage = stage
        self.referenceDate = referenceDate
        self.act = act
        self.notifiedOn = notifiedOn
        self.proposedAmount = proposedAmount
        self.deployment = deployment
    }

    /// A self-check: never an act.
    public static let simulation = Issuance(stage: .simulation)
}
