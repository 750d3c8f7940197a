import ExactDecimal

/// Splits an expression into tokens.
///
/// Numbers follow French usage where it cannot be ambiguous: `40 000 €` groups thousands with a
/// space (only before exactly three digits), and `%` or `€` after a number makes it a rate or an
/// amount. The decimal separator is the point, because the comma separates arguments.
struct Lexer {
    private let scalars: [Unicode.Scalar]
    private var index = 0

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    mutating func tokenize() throws(ExpressionError) -> [Token] {
        var tokens: [Token] = []
        while true {
            skipSpaces()
            guard index < scalars.count else {
                tokens.append(Token(kind: .end, offset: index))
                return tokens
            }
            tokens.append(try nextToken())
        }
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\n" || scalar == "\r" || scalar == "\t"
            || scalar == "\u{00A0}" || scalar == "\u{202F}"
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    private static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
    }

    private static func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
        isIdentifierStart(scalar) || isDigit(scalar) || scalar == "."
    }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        index + ahead < scalars.count ? scalars[index + ahead] : nil
    }

    private mutating func skipSpaces() {
        while let scalar = peek(), Lexer.isSpace(scalar) { index += 1 }
    }

    private mutating func nextToken() throws(ExpressionError) -> Token {
        let start = index
        let scalar = scalars[index]
        if Lexer.isDigit(scalar) { return try numberOrDate() }
        if Lexer.isIdentifierStart(scalar) { return word() }
        if scalar == "\"" || scalar == "'" { return try text(quote: scalar) }
        let pair = peek(1).map { String(scalar) + String($0) }
        if let pair, let symbol = Token.Symbol(rawValue: pair) {
            index += 2
            return Token(kind: .symbol(symbol), offset: start)
        }
        if let symbol = Token.Symbol(rawValue: String(scalar)) {
            index += 1
            return Token(kind: .symbol(symbol), offset: start)
        }
        if scalar == "=" {
            throw ExpressionError("« = » n'est pas un opérateur : écrivez « == » pour comparer", offset: start)
        }
        throw ExpressionError("caractère « \(scalar) » inattendu dans une formule", offset: start)
    }

    private mutating func word() -> Token {
        let start = index
        while let scalar = peek(), Lexer.isIdentifierPart(scalar) { index += 1 }
        var name = String(String.UnicodeScalarView(scalars[start..<index]))
        // A trailing dot belongs to no name ("a." is a typo, reported by the parser as unknown).
        while name.hasSuffix(".") { name.removeLast(); index -= 1 }
        if let keyword = Token.Keyword(rawValue: name) {
            return Token(kind: .keyword(keyword), offset: start)
        }
        return Token(kind: .identifier(name), offset: start)
    }

    private mutating func text(quote: Unicode.Scalar) throws(ExpressionError) -> Token {
        let start = index
        index += 1
        var content = String.UnicodeScalarView()
        while let scalar = peek(), scalar != quote {
            content.append(scalar)
            index += 1
        }
        guard peek() == quote else {
            throw ExpressionError("texte non refermé : ajoutez le \(quote) fermant", offset: start)
        }
        index += 1
        return Token(kind: .text(String(content)), offset: start)
    }

    /// Reads `2020-09-01`, `12`, `0.5`, `40 000`, `40 000 €`, `50 %`.
    private mutating func numberOrDate() throws(ExpressionError) -> Token {
        let start = index
        if let date = dateLiteral() { return Token(kind: .date(date), offset: start) }
        var digits = String.UnicodeScalarView()
        readDigits(into: &digits)
        var grouped = false
        while groupFollows() {
            grouped = true
            index += 1
            readDigits(into: &digits)
        }
        var isInteger = true
        if peek() == ".", let next = peek(1), Lexer.isDigit(next) {
            let integerDigits = digits.count
            isInteger = false
            digits.append(".")
            index += 1
            readDigits(into: &digits)
            try refuseThousandsDot(String(digits), integerDigits: integerDigits, grouped: grouped, offset: start)
        }
        // The digits are gathered without their grouping spaces: canonical text.
        guard let value = DecimalNumber(canonical: String(digits)) else {
            throw ExpressionError("le nombre « \(String(digits)) » a trop de chiffres : 38 au plus, dont 30 après la virgule", offset: start)
        }
        return Token(kind: try unit(for: value, isInteger: isInteger, offset: start), offset: start)
    }

    /// In a file, `60.000 €` is sixty thousand euros; a formula has always read it as sixty.
    /// Rather than pick one, the formula must say which (a comma cannot serve: it separates arguments).
    private func refuseThousandsDot(_ text: String, integerDigits: Int, grouped: Bool, offset: Int) throws(ExpressionError) {
        let fraction = text.unicodeScalars.count - integerDigits - 1
        guard !grouped, (1...3).contains(integerDigits), fraction == 3, text.unicodeScalars.first != "0" else { return }
        guard let decimal = DecimalNumber(canonical: text), let thousands = DecimalNumber(canonical: text.replacing(".", with: "")) else { return }
        let large = thousands.frenchFormatted().replacing("\u{202F}", with: " ")
        var small = decimal.description
        if small.split(separator: ".").last?.count == 3 { small += "0" }
        throw ExpressionError("le nombre « \(text) » est ambigu dans une formule (\(large) ou \(decimal.frenchFormatted()) ?) : "
                              + "écrivez « \(large) » pour \(large), ou « \(small) » pour \(decimal.frenchFormatted())", offset: offset)
    }

    private mutating func readDigits(into digits: inout String.UnicodeScalarView) {
        while let scalar = peek(), Lexer.isDigit(scalar) {
            digits.append(scalar)
            index += 1
        }
    }

    /// A single space followed by exactly three digits continues a number ("40 000").
    private func groupFollows() -> Bool {
        guard let space = peek(), space == " " || space == "\u{00A0}" || space == "\u{202F}" else { return false }
        for ahead in 1...3 {
            guard let digit = peek(ahead), Lexer.isDigit(digit) else { return false }
        }
        if let after = peek(4), Lexer.isDigit(after) { return false }
        return true
    }

    private mutating func unit(for value: DecimalNumber, isInteger: Bool, offset: Int) throws(ExpressionError) -> Token.Kind {
        var lookahead = index
        while lookahead < scalars.count, Lexer.isSpace(scalars[lookahead]) { lookahead += 1 }
        guard lookahead < scalars.count else { return .number(value, isInteger: isInteger) }
        switch scalars[lookahead] {
        case "€":
            index = lookahead + 1
            return .money(value)
        case "%":
            index = lookahead + 1
            guard value.scale + 2 <= DecimalNumber.maxScale else {
                throw ExpressionError("le taux a trop de décimales : \(DecimalNumber.maxScale - 2) au plus", offset: offset)
            }
            // 50 % is held as the proportion 0.5; dividing by 100 is exact.
            let proportion = DecimalNumber(significand: value.significand, scale: value.scale + 2)
            return .rate(proportion)
        default:
            return .number(value, isInteger: isInteger)
        }
    }

    private mutating func dateLiteral() -> LocalDate? {
        guard index + 10 <= scalars.count else { return nil }
        let text = String(String.UnicodeScalarView(scalars[index..<index + 10]))
        guard let date = LocalDate(iso: text) else { return nil }
        if let after = peek(10), Lexer.isDigit(after) { return nil }
        index += 10
        return date
    }
}
