import ExactDecimal
import YAMLReader

/// An aid scheme or call as voted: who may claim it, on what conditions, for how much, citing its text.
///
/// A class: every evaluation and decision refers to its scheme, and shares it rather than copies it.
public final class Scheme: Sendable {
    public let id: String
    public let title: String
    public let kind: SchemeKind
    public let authority: Authority
    public let sources: [SourceReference]
    public let pieces: [Piece]
    public let inputs: [InputDefinition]
    public let parameters: [Parameter]
    public let criteria: [Criterion]
    public let amount: AmountDefinition?
    public let notices: [Notice]
    public let interpretations: [Interpretation]
    public let tests: [SchemeTestCase]
    /// The file the scheme was read from.
    public let file: String
    /// SHA-256 of the scheme file's bytes: a decision names the exact rules it applied.
    public let rulesHash: String

    public init(id: String, title: String, kind: SchemeKind, authority: Authority, sources: [SourceReference],
                pieces: [Piece], inputs: [InputDefinition], parameters: [Parameter], criteria: [Criterion],
                amount: AmountDefinition?, notices: [Notice] = [], interpretations: [Interpretation], tests: [SchemeTestCase],
                file: String, rulesHash: String) {
        self.id = id
        self.title = title
        self.kind = kind
        self.authority = authority
        self.sources = sources
        self.pieces = pieces
        self.inputs = inputs
        self.parameters = parameters
        self.criteria = criteria
        self.amount = amount
        self.notices = notices
        self.interpretations = interpretations
        self.tests = tests
        self.file = file
        self.rulesHash = rulesHash
    }

    public func source(_ id: String) -> SourceReference? { sources.first { $0.id == id } }
    public func piece(_ id: String) -> Piece? { pieces.first { $0.id == id } }
    public func inputIndex(_ id: String) -> Int? { inputs.firstIndex { $0.id == id } }
}

public enum SchemeKind: String, Sendable, CaseIterable {
    case individualAid = "individual-aid"
    case callForProjects = "call-for-projects"
    case callForApplications = "call-for-applications"
    case allocation

    /// French name, as in a decision's heading.
    public var frenchName: String {
        switch self {
        case .individualAid: "aide individuelle"
        case .callForProjects: "appel à projets"
        case .callForApplications: "appel à candidatures"
        case .allocation: "allocation"
        }
    }
}

/// The body that decides, and where its decisions can be challenged.
public struct Authority: Sendable {
    /// "Département du Pas-de-Calais".
    public let name: String
    /// Who signs: "Le Président du Conseil départemental".
    public let signatory: String
    /// The administrative court with jurisdiction: "tribunal administratif de Lille".
    public let court: String
    /// The court's address, as printed in the routes of appeal.
    public let courtAddress: String?

    public init(name: String, signatory: String, court: String, courtAddress: String?) {
        self.name = name
        self.signatory = signatory
        self.court = court
        self.courtAddress = courtAddress
    }
}

/// A passage of a deliberation that a rule encodes.
public struct SourceReference: Sendable {
    public let id: String
    /// "Délibération n°2020-309 du 28 septembre 2020".
    public let deliberation: String
    /// "article 2".
    public let article: String?
    /// Lines of the source text, "5159-5165".
    public let lines: String?
    /// The words of the text, verbatim.
    public let quote: String?

    public init(id: String, deliberation: String, article: String?, lines: String?, quote: String?) {
        self.id = id
        self.deliberation = deliberation
        self.article = article
        self.lines = lines
        self.quote = quote
    }

    /// "Délibération n°2020-309 du 28 septembre 2020, article 2".
    public var citation: String {
        article.map { "\(deliberation), \($0)" } ?? deliberation
    }
}

/// A supporting document (pièce justificative) an applicant must provide.
public struct Piece: Sendable {
    public let id: String
    public let label: String
    public let source: String?

    public init(id: String, label: String, source: String?) {
        self.id = id
        self.label = label
        self.source = source
    }
}

/// A fact an application may carry.
public struct InputDefinition: Sendable {
    public let id: String
    public let type: ValueType
    /// The French question put to the applicant.
    public let question: String
    public let help: String?
    /// The piece that establishes the fact; without it the fact is not established.
    public let piece: String?
    /// Whether an instructor must confirm the declared value before it can ground a favourable decision.
    public let confirm: Bool
    public let minimum: DecimalNumber?
    public let maximum: DecimalNumber?
    public let mark: SourceMark

    public init(id: String, type: ValueType, question: String, help: String?, piece: String?, confirm: Bool,
                minimum: DecimalNumber?, maximum: DecimalNumber?, mark: SourceMark) {
        self.id = id
        self.type = type
        self.question = question
        self.help = help
        self.piece = piece
        self.confirm = confirm
        self.minimum = minimum
        self.maximum = maximum
        self.mark = mark
    }
}

/// A named value voted in the text, with its dated versions.
public struct Parameter: Sendable {
    public struct Version: Sendable {
        /// First filing date the value applies to; nil means from the start.
        public let from: LocalDate?
        public let value: Value
    }

    public let id: String
    public let label: String
    public let type: ValueType
    /// Sorted by date, the undated one first.
    public let versions: [Version]
    public let source: String?

    public init(id: String, label: String, type: ValueType, versions: [Version], source: String?) {
        self.id = id
        self.label = label
        self.type = type
        self.versions = versions
        self.source = source
    }

    /// The version in force on a date: the latest that started on or before it.
    public func value(on date: LocalDate?) -> Value? {
        guard let date else { return versions.last?.value }
        return versions.last { version in version.from.map { $0 <= date } ?? true }?.value
    }
}

/// A condition of eligibility.
public struct Criterion: Sendable {
    public let id: String
    /// What the criterion requires, in French, as the decision prints it.
    public let label: String
    /// The ground printed when the criterion fails.
    public let failure: String
    /// nil for a manual criterion, which only an instructor can settle.
    public let condition: Expression?
    /// The condition as written, shown by `explain`.
    public let formula: String?
    public let source: String?
    public let mark: SourceMark

    public init(id: String, label: String, failure: String, condition: Expression?, formula: String?,
                source: String?, mark: SourceMark) {
        self.id = id
        self.label = label
        self.failure = failure
        self.condition = condition
        self.formula = formula
        self.source = source
        self.mark = mark
    }

    public var isManual: Bool { condition == nil }
}

/// The amount, as named steps the decision shows one by one.
public struct AmountDefinition: Sendable {
    public struct Step: Sendable {
        public let id: String
        public let label: String
        public let expression: Expression
        /// The expression as written, shown in `explain`.
        public let formula: String
        public let source: String?
    }

    /// In the order written; each step only uses steps already computed or computes them first.
    public let steps: [Step]
    /// Indices of `steps` in an order where each step comes after those it uses.
    public let evaluationOrder: [Int]
    /// The step whose value is the aid.
    public let result: Int
    public let rounding: Rounding
}

/// How the final amount is rounded.
public struct Rounding: Sendable {
    public let step: DecimalNumber
    public let rule: RoundingRule

    public init(step: DecimalNumber, rule: RoundingRule) {
        self.step = step
        self.rule = rule
    }

    /// To the cent, halves away from zero.
    public static let cent = Rounding(step: DecimalNumber(significand: 1, scale: 2), rule: .halfUp)
}

/// A statement a favourable decision carries when its condition holds: a commitment of the
/// beneficiary or a follow-up the text requires ("L'inscription … devra être réétudiée").
public struct Notice: Sendable {
    public let id: String
    /// The French sentence printed in the decision.
    public let text: String
    /// nil when the notice always applies.
    public let condition: Expression?
    public let source: String?
}

/// A reading of an ambiguous passage, and the choice made, visible to policy staff.
public struct Interpretation: Sendable {
    public let id: String
    public let question: String
    public let choice: String
    public let source: String?
}
