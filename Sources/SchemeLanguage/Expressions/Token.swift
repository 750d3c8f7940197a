import ExactDecimal

/// A lexical token of the expression language, with its offset in the expression text.
struct Token: Equatable {
    enum Kind: Equatable {
        case number(DecimalNumber, isInteger: Bool)
        case money(DecimalNumber)
        case rate(DecimalNumber)
        case date(LocalDate)
        case text(String)
        case identifier(String)
        case keyword(Keyword)
        case symbol(Symbol)
        case end
    }

    enum Keyword: String, CaseIterable {
        case and, or, not, `in`, `if`, then, `else`, `true`, `false`
    }

    enum Symbol: String, CaseIterable {
        case plus = "+", minus = "-", times = "*", divide = "/"
        case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
        case leftParen = "(", rightParen = ")", leftBracket = "[", rightBracket = "]", comma = ","
    }

    let kind: Kind
    /// Offset in Unicode scalars from the start of the expression text.
    let offset: Int

    var describedForError: String {
        switch kind {
        case .number(let value, _): "le nombre \(value)"
        case .money(let value): "le montant \(value) €"
        case .rate(let value): "le taux \(value)"
        case .date(let value): "la date \(value)"
        case .text(let value): "le texte \"\(value)\""
        case .identifier(let name): "le nom « \(name) »"
        case .keyword(let keyword): "« \(keyword.rawValue) »"
        case .symbol(let symbol): "« \(symbol.rawValue) »"
        case .end: "la fin de la formule"
        }
    }
}
