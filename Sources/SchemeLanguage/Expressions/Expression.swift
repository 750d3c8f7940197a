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
        /// The date the application was filed.
        case filingDate
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
}
