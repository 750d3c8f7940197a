import YAMLReader

/// The signatures of the built-in functions.
enum FunctionTyping {
    static func check(_ function: Function, _ arguments: [Expression], offset: Int, mark: SourceMark) throws(ExpressionError) -> Expression {
        let type = try resultType(function, arguments.map(\.type), offset: offset)
        return Expression(node: .call(function, arguments), type: type, mark: mark)
    }

    private static func resultType(_ function: Function, _ types: [ValueType], offset: Int) throws(ExpressionError) -> ValueType {
        func arity(_ count: Int, _ usage: String) throws(ExpressionError) {
            guard types.count == count else {
                throw ExpressionError("\(function.rawValue) takes \(count) argument\(count == 1 ? "" : "s"): \(usage)", offset: offset)
            }
        }
        func require(_ index: Int, _ accepted: (ValueType) -> Bool, _ what: String) throws(ExpressionError) {
            guard accepted(types[index]) else {
                throw ExpressionError("argument \(index + 1) of \(function.rawValue) must be \(what), not a \(types[index])", offset: offset)
            }
        }
        switch function {
        case .min, .max:
            guard types.count >= 2 else {
                throw ExpressionError("\(function.rawValue) takes at least 2 arguments", offset: offset)
            }
            var common = types[0]
            for type in types.dropFirst() {
                guard let next = TypeChecker.commonType(common, type), next.isOrdered else {
                    throw ExpressionError("\(function.rawValue) needs arguments of one ordered type, found \(common) and \(type)", offset: offset)
                }
                common = next
            }
            return common
        case .abs:
            try arity(1, "abs(x)")
            try require(0, \.isNumeric, "a number, an amount or a rate")
            return types[0]
        case .year, .month:
            try arity(1, "\(function.rawValue)(date)")
            try require(0, { $0 == .date }, "a date")
            return .integer
        case .age, .monthsBetween, .daysBetween:
            try arity(2, "\(function.rawValue)(from_date, to_date)")
            try require(0, { $0 == .date }, "a date")
            try require(1, { $0 == .date }, "a date")
            return .integer
        case .count:
            try arity(1, "count(set)")
            try require(0, { if case .set = $0 { true } else { false } }, "a set")
            return .integer
        case .coalesce:
            try arity(2, "coalesce(value, fallback)")
            var common = types[0]
            if case .enumeration = types[0], types[0] == types[1] { return common }
            guard let unified = TypeChecker.commonType(types[0], types[1]) else {
                throw ExpressionError("coalesce needs two values of one type, found \(types[0]) and \(types[1])", offset: offset)
            }
            common = unified
            return common
        case .round:
            try arity(2, "round(value, step), e.g. round(x, 0.01 €)")
            try require(0, { $0 == .money || $0 == .number || $0 == .rate }, "an amount, a number or a rate")
            try require(1, { $0 == types[0] || $0 == .number || $0 == .integer }, "a step of the same kind as the value")
            return types[0]
        }
    }
}
