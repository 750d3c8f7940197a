import YAMLReader

/// A parsed, name-resolved and type-checked expression, ready to evaluate.
///
/// Expressions are checked when a scheme loads, so evaluation never meets an unknown name or
/// a type mismatch: it can only meet a missing fact.
public struct Expression: Sendable {
    public indirect enum Node: Sendable {
        case literal(Value)
        /// A fact of the application, by its index in `Scheme.inputs`.
        case input(Int)
        /// A parameter, by its index in `Scheme.parameters`.
        case parameter(Int)
        /// An amount step, by its index in `Scheme.amount.steps`.
        case step(Int)
        /// A step of the month being computed, by its index in `Scheme.schedule.steps`.
        case monthStep(Int)
        /// A value the engine provides: the filing date, the decision date, the month of the schedule…
        case builtin(Builtin)
        /// The outcome of another scheme on the same application: `outcome("fsl-acces")`.
        case schemeOutcome(String)
        /// What earlier decisions count towards a limit, by its index in `Scheme.limits`.
        case limit(Int)
        case unary(UnaryOperator, Expression)
        case binary(BinaryOperator, Expression, Expression)
        case conditional(Expression, Expression, Expression)
        case call(Function, [Expression])
        case list([Expression])
    }

    public let node: Node
    public let type: ValueType
    /// Where the expression (or sub-expression) starts in its scheme file.
    public let mark: SourceMark

    public init(node: Node, type: ValueType, mark: SourceMark) {
        self.node = node
        self.type = type
        self.mark = mark
    }

    /// The parameters this expression reads, by their index in `Scheme.parameters`, in the order written.
    public var parameterIndices: [Int] { collected { if case .parameter(let index) = $0 { index } else { nil } } }

    /// The limits this expression reads, by their index in `Scheme.limits`, in the order written.
    public var limitIndices: [Int] { collected { if case .limit(let index) = $0 { index } else { nil } } }

    /// The inputs this expression reads, by their index in `Scheme.inputs`, in the order written.
    public var inputIndices: [Int] { collected { if case .input(let index) = $0 { index } else { nil } } }

    /// The amount steps this expression reads, by their index in `Scheme.amount.steps`, in the order written.
    public var stepIndices: [Int] { collected { if case .step(let index) = $0 { index } else { nil } } }

    /// The schemes whose outcome this expression reads, in the order written.
    public var referencedSchemes: [String] { collected { if case .schemeOutcome(let id) = $0 { id } else { nil } } }

    /// What `pick` finds in this expression's leaves, in the order written.
    private func collected<Found>(_ pick: (Node) -> Found?) -> [Found] {
        switch node {
        case .literal, .input, .parameter, .step, .monthStep, .builtin, .limit, .schemeOutcome: pick(node).map { [$0] } ?? []
        case .unary(_, let operand): operand.collected(pick)
        case .binary(_, let left, let right): left.collected(pick) + right.collected(pick)
        case .conditional(let a, let b, let c): a.collected(pick) + b.collected(pick) + c.collected(pick)
        case .call(_, let arguments), .list(let arguments): arguments.flatMap { $0.collected(pick) }
        }
    }
}

/// The values of `outcome("scheme")`: the outcomes, by their French names.
public let outcomeDomain = EnumDomain(name: "outcome", values: ["favorable", "défavorable", "incomplet", "à instruire"])

/// Names the engine defines in expressions.
public enum Builtin: String, Sendable, CaseIterable {
    /// The date the application was filed.
    case filingDate = "filing_date"
    /// The evaluation's reference date: the day the authority decides (or, for an instructor's
    /// fiche or a simulation, the day it is made). Dated parameters are chosen on it by default.
    case decisionDate = "decision_date"
    /// In the schedule: the first day of the month being computed.
    case month
    /// In the schedule: the last day of the month being computed.
    case monthEnd = "month_end"
    /// In the amount: the sum of the schedule's monthly results.
    case scheduleTotal = "schedule_total"
    /// In the amount: the number of months the schedule pays.
    case scheduleMonths = "schedule_months"

    public var type: ValueType {
        switch self {
        case .filingDate, .decisionDate, .month, .monthEnd: .date
        case .scheduleTotal: .money
        case .scheduleMonths: .integer
        }
    }
}

/// The functions of the expression language.
public enum Function: String, Sendable, CaseIterable {
    case min, max, abs
    /// The calendar year of a date.
    case year
    /// The month (1-12) of a date.
    case month
    /// Age in whole years: `age(birth_date, at_date)`.
    case age
    /// Whole months from the first date to the second.
    case monthsBetween = "months_between"
    /// Days from the first date to the second.
    case daysBetween = "days_between"
    /// Number of members of a set.
    case count
    /// `round(x, step)`: to the nearest multiple of step, halves away from zero.
    case round
    /// `coalesce(a, b)`: a when it is known, else b (an instructor's correction, else the declaration).
    case coalesce
}
