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
    /// Whether the limits read a register of decisions; a simulation made without one knows no
    /// earlier aid, and says so.
    public var registerRead = true
    /// The texts a batch works out once for all its documents; nil to work everything out
    /// for each document.
    public var fragments: DocumentFragments?

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

    /// The instructor's fiche (or, for an incomplete file, the request for pieces), made on `date`.
    public static func instruction(on date: LocalDate?, deployment: Deployment) -> Issuance {
        Issuance(stage: .instruction, referenceDate: date, deployment: deployment)
    }

    /// An application's fiche as proposed to a sitting: `sitting` is the sitting's date and reference.
    public static func proposal(to sitting: DecisionAct, on date: LocalDate? = nil, deployment: Deployment) -> Issuance {
        Issuance(stage: .proposal, referenceDate: date, act: sitting, deployment: deployment)
    }

    /// The act: `proposedAmount` when the body decided another amount than the one proposed.
    public static func decision(_ act: DecisionAct, proposedAmount: DecimalNumber? = nil, deployment: Deployment) -> Issuance {
        Issuance(stage: .decision, referenceDate: act.date, act: act, proposedAmount: proposedAmount, deployment: deployment)
    }

    /// The act, notified on `notifiedOn`.
    public static func notified(_ act: DecisionAct, on notifiedOn: LocalDate, proposedAmount: DecimalNumber? = nil,
                                deployment: Deployment) -> Issuance {
        Issuance(stage: .notified, referenceDate: act.date, act: act, notifiedOn: notifiedOn, proposedAmount: proposedAmount,
                 deployment: deployment)
    }
}
