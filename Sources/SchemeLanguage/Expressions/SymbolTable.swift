/// What a name in an expression can refer to.
enum Symbol {
    case input(index: Int, type: ValueType)
    case parameter(index: Int, type: ValueType)
    case step(index: Int)
    case filingDate
}

/// Resolves names for the type checker. Steps are typed on demand, which also finds cycles.
struct SymbolTable {
    var symbols: [String: Symbol] = [:]
    /// Types an amount step, checking it first if needed; throws on a cycle.
    var typeOfStep: (Int, Int) throws(ExpressionError) -> ValueType = { _, offset throws(ExpressionError) in
        throw ExpressionError("amount steps cannot be used here", offset: offset)
    }

    /// The reserved name of the filing date.
    static let filingDateName = "filing_date"

    func names() -> [String] { symbols.keys.sorted() }
}
