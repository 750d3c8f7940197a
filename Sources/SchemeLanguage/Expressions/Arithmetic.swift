/// The typing rules of `+ - * /`: money stays money, a rate applies to an amount.
enum Arithmetic {
    static func resultType(_ op: BinaryOperator, _ left: ValueType, _ right: ValueType) -> ValueType? {
        switch op {
        case .add, .subtract: additive(left, right)
        case .multiply: multiplicative(left, right) ?? multiplicative(right, left)
        case .divide: division(left, right)
        default: nil
        }
    }

    private static func additive(_ left: ValueType, _ right: ValueType) -> ValueType? {
        switch (left, right) {
        case (.money, .money): .money
        case (.rate, .rate): .rate
        case (.integer, .integer): .integer
        case (.integer, .number), (.number, .integer), (.number, .number): .number
        default: nil
        }
    }

    private static func multiplicative(_ left: ValueType, _ right: ValueType) -> ValueType? {
        switch (left, right) {
        case (.money, .rate), (.money, .number), (.money, .integer): .money
        case (.rate, .rate), (.rate, .number), (.rate, .integer): .rate
        case (.integer, .integer): .integer
        case (.number, .number), (.number, .integer): .number
        default: nil
        }
    }

    private static func division(_ left: ValueType, _ right: ValueType) -> ValueType? {
        switch (left, right) {
        case (.money, .money), (.rate, .rate): .number
        case (.money, .number), (.money, .integer): .money
        case (.rate, .number), (.rate, .integer): .rate
        case (.integer, .integer), (.integer, .number), (.number, .integer), (.number, .number): .number
        default: nil
        }
    }

    /// A hint for the mistakes authors make most.
    static func hint(_ op: BinaryOperator, _ left: ValueType, _ right: ValueType) -> String {
        if left == .date || right == .date {
            return " (use year(), months_between() or days_between() to compute with dates)"
        }
        if (left == .money && right == .number) || (left == .number && right == .money), op == .add || op == .subtract {
            return " (write the number as an amount, e.g. '0 €')"
        }
        if op == .multiply && left == .money && right == .money {
            return " (an amount can only be multiplied by a rate or a number)"
        }
        return ""
    }
}
