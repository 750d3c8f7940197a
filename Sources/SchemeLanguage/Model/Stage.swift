/// Where an application stands in its life, from a self-check to a notified decision.
///
/// Each document says its stage in its title and first lines, and the register records it:
/// only a decision of the competent authority is an award, and limits count only those (and
/// what is proposed at the same sitting).
public enum Stage: String, Sendable, CaseIterable, Comparable {
    /// A self-check by an applicant or the public: never recorded, never an act.
    case simulation
    /// The instructor's fiche: eligibility, facts to confirm, pieces, the amount proposed.
    case instruction
    /// Put to the vote of a body that decides collectively (a sitting's proposal).
    case proposal
    /// Decided by the competent authority, with the act's reference and date.
    case decision
    /// Notified to the beneficiary, with the date of notification: it stays decided.
    case notified

    /// The stage as documents and the console name it.
    public var frenchName: String {
        switch self {
        case .simulation: "simulation"
        case .instruction: "instruction"
        case .proposal: "proposition"
        case .decision: "décision"
        case .notified: "notifiée"
        }
    }

    /// Whether the competent authority has decided: an award or a refusal that is an act.
    public var isDecided: Bool { self >= .decision }

    public static func < (left: Stage, right: Stage) -> Bool {
        allCases.firstIndex(of: left)! < allCases.firstIndex(of: right)!
    }
}

/// The body that decides on a scheme's applications, as the law and the delegations name it.
public enum DecidingBody: String, Sendable, CaseIterable {
    /// The deliberative assembly itself (the Conseil départemental in session).
    case assembly = "assemblée"
    /// The Commission permanente, acting on the assembly's delegation (CGCT L. 3211-2).
    case standingCommittee = "commission-permanente"
    /// The President of the executive, acting on a delegation or an authorisation of the
    /// assembly: for the FSL, CGCT L. 3221-12-1; for a call, the article of the deliberation that
    /// entrusts him with carrying it out.
    case presidentByDelegation = "président-par-délégation"

    /// Whether the body decides by a vote at a sitting, on a proposal put to it.
    public var votes: Bool { self != .presidentByDelegation }

    /// A short French label for tables, whatever the authority ("Commission permanente").
    public var label: String {
        switch self {
        case .assembly: "Assemblée délibérante"
        case .standingCommittee: "Commission permanente"
        case .presidentByDelegation: "Président, par délégation"
        }
    }
}

/// Who decides on a scheme's applications, and on which delegation.
public struct DecisionAuthority: Sendable {
    public let body: DecidingBody
    /// The scheme's source (its id in `Scheme.sources`) that gives the body its power: the
    /// delegation, or the text that names who decides. Always given for a body that acts by
    /// delegation; the assembly may decide without one.
    public let source: String?
    /// The article of the code général des collectivités territoriales that grounds the body's
    /// power for this scheme ("L. 3211-2" for the Commission permanente, "L. 3221-12-1" for the
    /// President's delegation for the FSL), printed in the « Vu » of its acts; nil when the
    /// scheme states none (the body then acts on the text of its `source` alone).
    public let cgctArticle: String?

    public init(body: DecidingBody, source: String?, cgctArticle: String? = nil) {
        self.body = body
        self.source = source
        self.cgctArticle = cgctArticle
    }
}

/// The days a scheme applies to: an application filed outside them is refused, citing the text.
public struct ValidityWindow: Sendable {
    /// The first filing day, nil for no start.
    public let from: LocalDate?
    /// The last filing day, nil for no end.
    public let until: LocalDate?
    /// The scheme's source (its id in `Scheme.sources`) that sets the window.
    public let source: String?
    /// For a call whose closing day is a parameter its criteria judge (`deadline:
    /// date_cloture`): that parameter's id. The window's criterion does not read it; a public
    /// catalogue does, to show the call closed once the day has passed.
    public let deadline: String?

    public init(from: LocalDate?, until: LocalDate?, source: String?, deadline: String? = nil) {
        self.from = from
        self.until = until
        self.source = source
        self.deadline = deadline
    }

    public func contains(_ date: LocalDate) -> Bool {
        (from.map { $0 <= date } ?? true) && (until.map { date <= $0 } ?? true)
    }
}

/// The act by which the competent body decided, or the sitting a proposal is put to.
public struct DecisionAct: Sendable, Equatable {
    public let body: DecidingBody
    /// The deliberation's or the decision's number, as the body numbers it ("CP20201102-15").
    public let reference: String
    /// The day of the sitting or of the decision.
    public let date: LocalDate

    public init(body: DecidingBody, reference: String, date: LocalDate) {
        self.body = body
        self.reference = reference
        self.date = date
    }
}
