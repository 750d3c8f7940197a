import ExactDecimal
import Testing
@testable import SchemeLanguage

/// The lexer and parser alone: literals, precedence, and the errors they report.
@Suite struct ParserTests {
    func parse(_ text: String) throws -> Syntax {
        try Parser.parse(text)
    }

    /// A compact rendering of a syntax tree, to compare shapes.
    func shape(_ syntax: Syntax) -> String {
        switch syntax {
        case .literal(let value, _): return "\(value)"
        case .name(let name, _): return name
        case .unary(let op, let operand, _): return "(\(op.rawValue) \(shape(operand)))"
        case .binary(let op, let left, let right, _): return "(\(shape(left)) \(op.rawValue) \(shape(right)))"
        case .conditional(let c, let a, let b, _): return "(if \(shape(c)) \(shape(a)) \(shape(b)))"
        case .call(let name, let arguments, _): return "\(name)(\(arguments.map(shape).joined(separator: ", ")))"
        case .list(let items, _): return "[\(items.map(shape).joined(separator: ", "))]"
        }
    }

    @Test func andBindsTighterThanOr() throws {
        #expect(shape(try parse("a or b and c")) == "(a or (b and c))")
        #expect(shape(try parse("not a and b")) == "((not a) and b)")
    }

    @Test func arithmeticPrecedence() throws {
        #expect(shape(try parse("a + b * c - d")) == "((a + (b * c)) - d)")
        #expect(shape(try parse("-a * b")) == "((- a) * b)")
        #expect(shape(try parse("a - b - c")) == "((a - b) - c)")
    }

    @Test func conditionalExtendsToTheEnd() throws {
        #expect(shape(try parse("if a then b else c + 1")) == "(if a b (c + integer(1)))")
        #expect(shape(try parse("x * (if a then 1 else 2)")) == "(x * (if a integer(1) integer(2)))")
    }

    @Test func notInIsMembershipNegated() throws {
        #expect(shape(try parse("x not in [1, 2]")) == "(not (x in [integer(1), integer(2)]))")
    }

    @Test func frenchAmountsAndRates() throws {
        guard case .literal(.money(let amount), _) = try parse("40 000 €") else { Issue.record("not money"); return }
        #expect(amount == DecimalNumber(40000))
        guard case .literal(.money(let cents), _) = try parse("1 234 567.89€") else { Issue.record("not money"); return }
        #expect(cents == DecimalNumber(parsing: "1234567.89"))
        guard case .literal(.rate(let rate), _) = try parse("70 %") else { Issue.record("not a rate"); return }
        #expect(rate == DecimalNumber(parsing: "0.7"))
        guard case .literal(.date(let date), _) = try parse("2020-09-01") else { Issue.record("not a date"); return }
        #expect(date == LocalDate(year: 2020, month: 9, day: 1))
    }

    @Test func argumentsAreNotTakenForThousands() throws {
        #expect(shape(try parse("min(100, 200)")) == "min(integer(100), integer(200))")
        #expect(shape(try parse("[1, 2, 3]")) == "[integer(1), integer(2), integer(3)]")
    }

    @Test(arguments: [
        ("a and", "attendu une valeur, un nom ou « ( »"),
        ("(a", "attendu « ) » pour fermer « ( »"),
        ("a b", "élément inattendu après une formule complète (le nom « b »)"),
        ("\"open", "texte non refermé"),
        ("a # b", "caractère « # » inattendu"),
        ("a == b == c", "les comparaisons ne s'enchaînent pas"),
    ])
    func syntaxErrors(_ text: String, _ message: String) {
        #expect(throws: ExpressionError.self) { try Parser.parse(text) }
        do {
            _ = try Parser.parse(text)
        } catch {
            #expect(error.message.contains(message), "\(error.message)")
        }
    }

    @Test func deepNestingIsRefusedNotACrash() {
        let text = String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        #expect(throws: ExpressionError.self) { try Parser.parse(text) }
        #expect(throws: ExpressionError.self) { try Parser.parse(String(repeating: "-", count: 100_000) + "1") }
        #expect(throws: ExpressionError.self) { try Parser.parse(String(repeating: "not ", count: 100_000) + "a") }
        #expect(throws: ExpressionError.self) { try Parser.parse(Array(repeating: "a", count: 100_000).joined(separator: " + ")) }
    }
}
