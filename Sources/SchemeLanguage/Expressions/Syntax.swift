import ExactDecimal

/// An expression as parsed, before names are resolved and types checked.
indirect enum Syntax {
    case literal(Value, offset: Int)
    case name(String, offset: Int)
    case unary(UnaryOperator, Syntax, offset: Int)
    case binary(BinaryOperator, Syntax, Syntax, offset: Int)
    case conditional(Syntax, Syntax, Syntax, offset: Int)
    case call(String, [Syntax], offset: Int)
    case list([Syntax], offset: Int)

    var offset: Int {
        switch self {
        case .literal(_, let offset), .name(_, let offset), .unary(_, _, let offset),
             .binary(_, _, _, let offset), .conditional(_, _, _, let offset),
             .call(_, _, let offset), .list(_, let offset):
            offset
        }
    }
}

public enum UnaryOperator: String, Sendable {
    case negate = "-"
    case not
}

public enum BinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/"
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case and, or
    case member = "in"

    var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: true
        default: false
        }
    }
}
