import ExactDecimal
import GRDB
import SchemeLanguage

/// What a register row adds to the evaluation: the stage the application was moved to, the act
/// or sitting behind it, and who moved it when.
public struct StageRecord: Sendable, Equatable {
    public var stage: Stage
    /// The day whose rules were applied (the decision date, or the day of the fiche).
    public var referenceDate: LocalDate?
    /// The sitting a proposal is put to, or the act that decided.
    public var act: DecisionAct?
    public var notifiedOn: LocalDate?
    /// For a decision the body amended: the amount it was proposed.
    public var proposedAmount: DecimalNumber?
    /// SHA-256 of the act's Markdown, so that a notification can prove it is the act decided.
    public var documentHash: String?
    /// SHA-256 of the act's HTML and ODT renditions, written beside its Markdown: a notification
    /// checks them too. Nil for an act recorded before they were written.
    public var htmlHash: String?
    public var odtHash: String?
    /// Why the row was recorded when the evaluation alone does not say: the facts that ground a
    /// withdrawal, an application sent back from a sitting.
    public var note: String?
    /// For a decision that takes back an earlier favourable one: the ground the CRPA allows.
    public var withdrawal: WithdrawalGround?
    /// For a proposal: its rank in the sitting's selection, the order in which it is decided.
    public var rank: Int?
    /// Who moved the application, and when (ISO 8601, UTC): the audit trail, not the act's content.
    public var actor: String?
    public var recordedAt: String?

    public init(stage: Stage, referenceDate: LocalDate? = nil, act: DecisionAct? = nil, notifiedOn: LocalDate? = nil,
                proposedAmount: DecimalNumber? = nil, documentHash: String? = nil, note: String? = nil,
                withdrawal: WithdrawalGround? = nil, rank: Int? = nil, actor: String? = nil, recordedAt: String? = nil,
                htmlHash: String? = nil, odtHash: String? = nil) {
        self.stage = stage
        self.referenceDate = referenceDate
        self.act = act
        self.notifiedOn = notifiedOn
        self.proposedAmount = proposedAmount
        self.documentHash = documentHash
        self.note = note
        self.withdrawal = withdrawal
        self.rank = rank
        self.actor = actor
        self.recordedAt = recordedAt
        self.htmlHash = htmlHash
        self.odtHash = odtHash
    }

    /// The same stage, act and amounts: recording it again changes nothing, whoever does it.
    func sameContent(as other: StageRecord) -> Bool {
        var mine = self, theirs = other
        (mine.actor, mine.recordedAt, theirs.actor, theirs.recordedAt) = (nil, nil, nil, nil)
        return mine == theirs
    }
}

/// Who moves applications from one stage to the next, and when: given once per command.
public struct Actor: Sendable {
    public let name: String
    /// ISO 8601, UTC.
    public let at: String

    public init(name: String, at: String) {
        self.name = name
        self.at = at
    }
}

extension DecisionRow {
    func withdrawalGround() throws(UnreadableRow) -> WithdrawalGround? {
        guard let text = try optionalText(.withdrawalGround) else { return nil }
        guard let ground = WithdrawalGround(rawValue: text) else {
            throw unreadable(.withdrawalGround, expected: "un motif de retrait connu ("
                             + WithdrawalGround.allCases.map(\.rawValue).joined(separator: ", ") + ")")
        }
        return ground
    }

    func stage() throws(UnreadableRow) -> Stage {
        guard let stage = Stage(rawValue: try text(.stage)) else {
            throw unreadable(.stage, expected: "une étape connue (" + Stage.allCases.map(\.rawValue).joined(separator: ", ") + ")")
        }
        return stage
    }

    /// The stage columns read back; a value the tool does not know stops the read with the row named.
    func stageRecord() throws(UnreadableRow) -> StageRecord {
        let stage = try stage()
        var act: DecisionAct?
        if let reference = try optionalText(.actReference) {
            guard let bodyText = try optionalText(.actBody), let body = DecidingBody(rawValue: bodyText) else {
                throw unreadable(.actBody, expected: "une autorité connue (" + DecidingBody.allCases.map(\.rawValue).joined(separator: ", ") + ")")
            }
            act = DecisionAct(body: body, reference: reference, date: try date(.actDate))
        }
        return StageRecord(stage: stage, referenceDate: try optionalDate(.referenceDate), act: act,
                           notifiedOn: try optionalDate(.notifiedOn), proposedAmount: try amount(.proposedAmount),
                           documentHash: try optionalText(.documentHash), note: try optionalText(.note),
                           withdrawal: try withdrawalGround(), rank: try optionalInteger(.proposalRank), actor: try optionalText(.actor), recordedAt: try optionalText(.recordedAt),
                           htmlHash: try optionalText(.htmlHash), odtHash: try optionalText(.odtHash))
    }
}
