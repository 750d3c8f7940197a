import YAMLReader

/// What a name in an expression can refer to.
enum Symbol {
    case input(index: Int, type: ValueType)
    case parameter(index: Int, type: ValueType)
    case step(index: Int)
    case monthStep(index: Int)
    case limit(index: Int, type: ValueType)
    case builtin(Builtin)
}

/// Resolves names for the type checker. Steps are typed on demand, which also finds cycles.
struct SymbolTable {
    var symbols: [String: Symbol] = [:]
    /// Collects the schemes named by `outcome("…")`, checked once every scheme is loaded.
    var references: SchemeReferences?
    /// Inputs with a value per month, usable only where a month is being computed.
    var perMonthInputs: Set<Int> = []
    var allowsPerMonth = false
    /// Types an amount step, checking it first if needed; throws on a cycle.
    var typeOfStep: (Int, Int) throws(ExpressionError) -> ValueType = { _, offset throws(ExpressionError) in
        throw ExpressionError("les étapes du calcul du montant ne peuvent servir ici", offset: offset)
    }


    func names() -> [String] { symbols.keys.sorted() }
}

/// The other schemes a scheme's expressions name, with where they are named.
final class SchemeReferences {
    private(set) var all: [(id: String, mark: SourceMark)] = []

    func add(_ id: String, at mark: SourceMark) {
        all.append((id, mark))
    }
}
