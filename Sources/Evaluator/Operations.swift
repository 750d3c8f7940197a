import ExactDecimal
import SchemeLanguage

/// Arithmetic and comparisons on values whose types the checker has already matched.
enum Operations {
    /// Digits kept by a division, before the scheme's own rounding of the result.
    static let divisionScale = 12

    static func binary(_ op: BinaryOperator, _ left: Value, _ right: Value, at expression: Expression) throws(EvaluationError) -> Value {
        switch op {
        case .add, .subtract, .multiply, .divide:
            return try arithmetic(op, left, right, type: expression.type, at: expression)
        case .equal: return .boolean(equal(left, right))
        case .notEqual: return .boolean(!equal(left, right))
        case .less: return .boolean(try order(left, right, at: expression) < 0)
        case .lessOrEqual: return .boolean(try order(left, right, at: expression) <= 0)
        case .greater: return .boolean(try order(left, right, at: expression) > 0)
        case .greaterOrEqual: return .boolean(try order(left, right, at: expression) >= 0)
        case .member: return .boolean(contains(right, left))
        case .and, .or: throw EvaluationError(message: "erreur interne de Guichet (opérateur logique hors de l'interpréteur) : signalez-la", mark: expression.mark)
        }
    }

    static func negate(_ value: Value, at expression: Expression) throws(EvaluationError) -> Value {
        if case .integer(let integer) = value {
            // -Int.min does not exist.
            let (negated, overflow) = 0.subtractingReportingOverflow(integer)
            guard !overflow else { throw EvaluationError.overflow(at: expression) }
            return .integer(negated)
        }
        guard let decimal = value.decimal else { throw mismatch(at: expression) }
        return try wrap(decimal.negated(), as: expression.type, at: expression)
    }

    private static func arithmetic(_ op: BinaryOperator, _ left: Value, _ right: Value, type: ValueType, at expression: Expression) throws(EvaluationError) -> Value {
        if case .integer(let a) = left, case .integer(let b) = right, type == .integer {
            let (result, overflow): (Int, Bool) = switch op {
            case .add: a.addingReportingOverflow(b)
            case .subtract: a.subtractingReportingOverflow(b)
            default: a.multipliedReportingOverflow(by: b)
            }
            guard !overflow else { throw EvaluationError.overflow(at: expression) }
            return .integer(result)
        }
        guard let a = left.decimal, let b = right.decimal else { throw mismatch(at: expression) }
        let result: DecimalNumber
        do throws(DecimalError) {
            result = switch op {
            case .add: try a.adding(b)
            case .subtract: try a.subtracting(b)
            case .multiply: try a.multiplied(by: b)
            default: try a.divided(by: b, scale: divisionScale, rounding: .halfEven)
            }
        } catch .divisionByZero {
            throw EvaluationError(message: "division par zéro : le diviseur vaut 0 pour cette demande", mark: expression.mark)
        } catch {
            throw EvaluationError.overflow(at: expression)
        }
        return try wrap(result, as: type, at: expression)
    }

    /// An integer result that no longer fits an `Int` is an overflow, not a number in disguise.
    static func wrap(_ decimal: DecimalNumber, as type: ValueType, at expression: Expression) throws(EvaluationError) -> Value {
        switch type {
        case .money: return .money(decimal)
        case .rate: return .rate(decimal)
        case .integer:
            guard let integer = decimal.integerValue() else { throw EvaluationError.overflow(at: expression) }
            return .integer(integer)
        default: return .number(decimal)
        }
    }

    static func equal(_ left: Value, _ right: Value) -> Bool {
        if let a = left.decimal, let b = right.decimal { return a == b }
        return left == right
    }

    /// -1, 0 or 1.
    static func order(_ left: Value, _ right: Value, at expression: Expression) throws(EvaluationError) -> Int {
        if case .date(let a) = left, case .date(let b) = right { return a < b ? -1 : (a == b ? 0 : 1) }
        guard let a = left.decimal, let b = right.decimal else { throw mismatch(at: expression) }
        return a < b ? -1 : (a == b ? 0 : 1)
    }

    private static func contains(_ collection: Value, _ element: Value) -> Bool {
        switch (collection, element) {
        case (.set(let members), .enumeration(let value)): members.contains(value)
        case (.list(let items), _): items.contains { equal($0, element) }
        default: false
        }
    }

    static func mismatch(at expression: Expression) -> EvaluationError {
        EvaluationError(message: "erreur interne de Guichet (une valeur n'a pas le type vérifié, \(expression.type)) : signalez-la", mark: expression.mark)
    }
}

/// The built-in functions.
enum Functions {
    static func apply(_ function: Function, _ values: [Value], at expression: Expression) throws(EvaluationError) -> Value {
        switch function {
        case .min, .max:
            var best = values[0]
            for value in values.dropFirst() {
                let comparison = try Operations.order(value, best, at: expression)
                if function == .min ? comparison < 0 : comparison > 0 { best = value }
            }
            return widen(best, to: expression.type)
        case .abs:
            if case .integer(let integer) = values[0] {
                // |Int.min| does not exist.
                guard integer != .min else { throw EvaluationError.overflow(at: expression) }
                return .integer(Swift.abs(integer))
            }
            guard let decimal = values[0].decimal else { throw Operations.mismatch(at: expression) }
            return try Operations.wrap(decimal.isNegative ? decimal.negated() : decimal, as: expression.type, at: expression)
        case .year, .month:
            guard case .date(let date) = values[0] else { throw Operations.mismatch(at: expression) }
            return .integer(function == .year ? date.year : date.month)
        case .age, .monthsBetween, .daysBetween:
            guard case .date(let from) = values[0], case .date(let to) = values[1] else { throw Operations.mismatch(at: expression) }
            switch function {
            case .age:
                guard from <= to else { throw futureDate(from, reference: to, at: expression) }
                return .integer(from.wholeYears(until: to))
            case .monthsBetween: return .integer(from.wholeMonths(until: to))
            default: return .integer(to.daysSinceEpoch - from.daysSinceEpoch)
            }
        case .count:
            guard case .set(let members) = values[0] else { throw Operations.mismatch(at: expression) }
            return .integer(members.count)
        case .coalesce:
            return values[0]
        case .round:
            guard let value = values[0].decimal, let step = values[1].decimal else { throw Operations.mismatch(at: expression) }
            let rounded: DecimalNumber
            do throws(DecimalError) {
                rounded = try value.rounded(toMultipleOf: step, rule: .halfUp)
            } catch .overflow {
                throw EvaluationError.overflow(at: expression)
            } catch {
                throw EvaluationError(message: "le pas d'arrondi de round() vaut 0 pour cette demande ; il doit être strictement positif", mark: expression.mark)
            }
            return try Operations.wrap(rounded, as: expression.type, at: expression)
        }
    }

    /// An age counted from a date after the day it is counted on: the date is wrong, not the
    /// person too young. An error on that fact, never a refusal on age.
    private static func futureDate(_ date: LocalDate, reference: LocalDate, at expression: Expression) -> EvaluationError {
        var fact: Int?
        var written = "la date \(date)"
        if case .call(_, let arguments) = expression.node, case .input(let index) = arguments[0].node {
            fact = index
            written = "la date indiquée (\(date))"
        }
        return EvaluationError(message: "\(written) est postérieure à la date à laquelle l'âge est calculé (\(reference)) : "
                               + "un âge ne peut être négatif ; vérifiez cette date", mark: expression.mark, fact: fact)
    }

    /// min(1, 2.5) is a number even when the integer wins.
    private static func widen(_ value: Value, to type: ValueType) -> Value {
        if type == .number, case .integer(let integer) = value { return .number(DecimalNumber(integer)) }
        return value
    }
}
