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
                throw ExpressionError("\(function.rawValue) prend \(count) argument\(count == 1 ? "" : "s") : \(usage)", offset: offset)
            }
        }
        func require(_ index: Int, _ accepted: (ValueType) -> Bool, _ what: String) throws(ExpressionError) {
            guard accepted(types[index]) else {
                let rank = index == 0 ? "1er" : "\(index + 1)e"
                throw ExpressionError("le \(rank) argument de \(function.rawValue) doit être \(what), et non \(types[index].withArticle)", offset: offset)
            }
        }
        switch function {
        case .min, .max:
            guard types.count >= 2 else {
                throw ExpressionError("\(function.rawValue) prend au moins 2 arguments", offset: offset)
            }
            var common = types[0]
            for type in types.dropFirst() {
                guard let next = TypeChecker.commonType(common, type), next.isOrdered else {
                    throw ExpressionError("\(function.rawValue) compare des valeurs d'un même type ordonné (nombres, montants, taux, dates), et trouve \(common.withArticle) et \(type.withArticle)", offset: offset)
                }
                common = next
            }
            return common
        case .abs:
            try arity(1, "abs(x)")
            try require(0, \.isNumeric, "un nombre, un montant ou un taux")
            return types[0]
        case .year, .month:
            try arity(1, "\(function.rawValue)(date)")
            try require(0, { $0 == .date }, "une date")
            return .integer
        case .age, .monthsBetween, .daysBetween:
            try arity(2, "\(function.rawValue)(date_debut, date_fin)")
            try require(0, { $0 == .date }, "une date")
            try require(1, { $0 == .date }, "une date")
            return .integer
        case .count:
            try arity(1, "count(ensemble)")
            try require(0, { if case .set = $0 { true } else { false } }, "un ensemble de valeurs (donnée de type set)")
            return .integer
        case .coalesce:
            try arity(2, "coalesce(valeur, valeur_par_défaut)")
            var common = types[0]
            if case .enumeration = types[0], types[0] == types[1] { return common }
            guard let unified = TypeChecker.commonType(types[0], types[1]) else {
                throw ExpressionError("coalesce prend deux valeurs d'un même type, et trouve \(types[0].withArticle) et \(types[1].withArticle)", offset: offset)
            }
            common = unified
            return common
        case .round:
            try arity(2, "round(valeur, pas), par exemple round(x, 0.01 €)")
            try require(0, { $0 == .money || $0 == .number || $0 == .rate }, "un montant, un nombre ou un taux")
            try require(1, { $0 == types[0] || $0 == .number || $0 == .integer }, "un pas de même nature que la valeur")
            return types[0]
        }
    }
}
