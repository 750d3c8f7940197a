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
            return " (pour calculer avec des dates, employez year(), months_between() ou days_between())"
        }
        if (left == .money && right == .number) || (left == .number && right == .money), op == .add || op == .subtract {
            return " (écrivez le nombre comme un montant, par exemple « 0 € »)"
        }
        if op == .multiply && left == .money && right == .money {
            return " (un montant ne se multiplie que par un taux ou un nombre)"
        }
        return ""
    }
}
