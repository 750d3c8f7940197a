/// Parses the expression language by recursive descent.
///
/// Precedence, loosest first: `if … then … else …`, `or`, `and`, `not`, comparisons and `in`,
/// `+ -`, `* /`, unary `-`, then literals, names, calls, lists and parentheses.
struct Parser {
    private let tokens: [Token]
    private var position = 0
    /// Deep nesting is refused rather than allowed to exhaust the stack.
    private var depth = 0
    private static let maximumDepth = 200

    init(tokens: [Token]) {
        self.tokens = tokens
    }

    /// Longer expressions are refused: a rule that long is unreadable, and its tree would be
    /// deep enough to exhaust the stack of the checker and the evaluator.
    static let maximumTokens = 2_000

    static func parse(_ text: String) throws(ExpressionError) -> Syntax {
        var lexer = Lexer(text)
        let tokens = try lexer.tokenize()
        guard tokens.count <= maximumTokens else {
            throw ExpressionError("formule trop longue (\(FrenchFormat.count(tokens.count)) éléments, \(FrenchFormat.count(maximumTokens)) au plus) : découpez-la en étapes nommées", offset: 0)
        }
        var parser = Parser(tokens: tokens)
        let syntax = try parser.expression()
        guard case .end = parser.current.kind else {
            throw ExpressionError("élément inattendu après une formule complète (\(parser.current.describedForError)) : un opérateur manque-t-il ?", offset: parser.current.offset)
        }
        return syntax
    }

    private var current: Token { tokens[position] }

    private mutating func advance() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private mutating func accept(_ keyword: Token.Keyword) -> Bool {
        guard case .keyword(keyword) = current.kind else { return false }
        position += 1
        return true
    }

    private mutating func accept(_ symbol: Token.Symbol) -> Bool {
        guard case .symbol(symbol) = current.kind else { return false }
        position += 1
        return true
    }

    private mutating func expect(_ symbol: Token.Symbol, _ context: String) throws(ExpressionError) {
        guard accept(symbol) else {
            throw ExpressionError("attendu « \(symbol.rawValue) » \(context), trouvé \(current.describedForError)", offset: current.offset)
        }
    }

    /// Every recursive rule goes through here, so no input can exhaust the stack.
    private mutating func nested<T>(_ rule: (inout Parser) throws(ExpressionError) -> T) throws(ExpressionError) -> T {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Parser.maximumDepth else {
            throw ExpressionError("formule trop imbriquée : découpez-la en étapes nommées", offset: current.offset)
        }
        return try rule(&self)
    }

    mutating func expression() throws(ExpressionError) -> Syntax {
        try nested { (parser: inout Parser) throws(ExpressionError) in try parser.expressionBody() }
    }

    private mutating func expressionBody() throws(ExpressionError) -> Syntax {
        let start = current.offset
        if accept(.if) {
            let condition = try expression()
            guard accept(.then) else {
                throw ExpressionError("attendu « then » après la condition de « if », trouvé \(current.describedForError)", offset: current.offset)
            }
            let whenTrue = try expression()
            guard accept(.else) else {
                throw ExpressionError("attendu « else » : chaque « if » a une branche « else », trouvé \(current.describedForError)", offset: current.offset)
            }
            let whenFalse = try expression()
            return .conditional(condition, whenTrue, whenFalse, offset: start)
        }
        return try disjunction()
    }

    private mutating func disjunction() throws(ExpressionError) -> Syntax {
        var left = try conjunction()
        while case .keyword(.or) = current.kind {
            let offset = advance().offset
            left = .binary(.or, left, try conjunction(), offset: offset)
        }
        return left
    }

    private mutating func conjunction() throws(ExpressionError) -> Syntax {
        var left = try negation()
        while case .keyword(.and) = current.kind {
            let offset = advance().offset
            left = .binary(.and, left, try negation(), offset: offset)
        }
        return left
    }

    private mutating func negation() throws(ExpressionError) -> Syntax {
        if case .keyword(.not) = current.kind {
            let offset = advance().offset
            return .unary(.not, try nested { (parser: inout Parser) throws(ExpressionError) in try parser.negation() }, offset: offset)
        }
        return try comparison()
    }

    private mutating func comparison() throws(ExpressionError) -> Syntax {
        let left = try additive()
        let offset = current.offset
        if accept(.in) { return .binary(.member, left, try additive(), offset: offset) }
        if case .keyword(.not) = current.kind, case .keyword(.in) = tokens[min(position + 1, tokens.count - 1)].kind {
            position += 2
            return .unary(.not, .binary(.member, left, try additive(), offset: offset), offset: offset)
        }
        guard case .symbol(let symbol) = current.kind,
              let op = BinaryOperator(rawValue: symbol.rawValue), op.isComparison else { return left }
        position += 1
        let right = try additive()
        if case .symbol(let next) = current.kind, let chained = BinaryOperator(rawValue: next.rawValue), chained.isComparison {
            throw ExpressionError("les comparaisons ne s'enchaînent pas : reliez-les par « and »", offset: current.offset)
        }
        return .binary(op, left, right, offset: offset)
    }

    private mutating func additive() throws(ExpressionError) -> Syntax {
        var left = try multiplicative()
        while true {
            let offset = current.offset
            if accept(.plus) { left = .binary(.add, left, try multiplicative(), offset: offset) }
            else if accept(.minus) { left = .binary(.subtract, left, try multiplicative(), offset: offset) }
            else { return left }
        }
    }

    private mutating func multiplicative() throws(ExpressionError) -> Syntax {
        var left = try unary()
        while true {
            let offset = current.offset
            if accept(.times) { left = .binary(.multiply, left, try unary(), offset: offset) }
            else if accept(.divide) { left = .binary(.divide, left, try unary(), offset: offset) }
            else { return left }
        }
    }

    private mutating func unary() throws(ExpressionError) -> Syntax {
        let offset = current.offset
        if accept(.minus) { return .unary(.negate, try nested { (parser: inout Parser) throws(ExpressionError) in try parser.unary() }, offset: offset) }
        return try primary()
    }

    private mutating func primary() throws(ExpressionError) -> Syntax {
        let token = advance()
        switch token.kind {
        case .number(let value, let isInteger):
            if isInteger, let integer = value.integerValue() { return .literal(.integer(integer), offset: token.offset) }
            return .literal(.number(value), offset: token.offset)
        case .money(let value): return .literal(.money(value), offset: token.offset)
        case .rate(let value): return .literal(.rate(value), offset: token.offset)
        case .date(let value): return .literal(.date(value), offset: token.offset)
        case .text(let value): return .literal(.text(value), offset: token.offset)
        case .keyword(.true): return .literal(.boolean(true), offset: token.offset)
        case .keyword(.false): return .literal(.boolean(false), offset: token.offset)
        case .identifier(let name):
            if accept(.leftParen) { return .call(name, try arguments(closing: .rightParen), offset: token.offset) }
            return .name(name, offset: token.offset)
        case .symbol(.leftParen):
            let inner = try expression()
            try expect(.rightParen, "pour fermer « ( »")
            return inner
        case .symbol(.leftBracket):
            return .list(try arguments(closing: .rightBracket), offset: token.offset)
        case .keyword(.if):
            position -= 1
            return try expression()
        default:
            throw ExpressionError("attendu une valeur, un nom ou « ( », trouvé \(token.describedForError)", offset: token.offset)
        }
    }

    private mutating func arguments(closing: Token.Symbol) throws(ExpressionError) -> [Syntax] {
        var items: [Syntax] = []
        if accept(closing) { return items }
        repeat {
            items.append(try expression())
        } while accept(.comma)
        try expect(closing, "pour fermer la liste")
        return items
    }
}
