import ExactDecimal
import Testing

@Suite struct RoundingTests {
    @Test func aidAmountToTheCent() throws {
        let half = try dec("79 999,99").multiplied(by: dec("0.5"))
        #expect(half.description == "39999.995")
        let halfUp = half.rounded(scale: 2, rule: .halfUp)
        #expect(halfUp.significand == 4_000_000 && halfUp.scale == 2)
        #expect(halfUp.description == "40000")
        // The kept digit 9 is odd, so the tie goes up to the even 40000.00.
        #expect(half.rounded(scale: 2, rule: .halfEven).description == "40000")
        #expect(half.rounded(scale: 2, rule: .down).description == "39999.99")
        #expect(half.rounded(scale: 2, rule: .up).description == "40000")
        // With an even kept digit, half-even keeps it.
        #expect((try dec("39999.985")).rounded(scale: 2, rule: .halfEven).description == "39999.98")
    }

    /// (input, halfUp, halfEven, down, up, floor, ceiling) at scale 0.
    static let cases: [(String, [String])] = [
        ("2.5", ["3", "2", "2", "3", "2", "3"]),
        ("-2.5", ["-3", "-2", "-2", "-3", "-3", "-2"]),
        ("3.5", ["4", "4", "3", "4", "3", "4"]),
        ("-3.5", ["-4", "-4", "-3", "-4", "-4", "-3"]),
        ("2.4", ["2", "2", "2", "3", "2", "3"]),
        ("-2.4", ["-2", "-2", "-2", "-3", "-3", "-2"]),
        ("2.6", ["3", "3", "2", "3", "2", "3"]),
        ("-2.6", ["-3", "-3", "-2", "-3", "-3", "-2"]),
        ("2.51", ["3", "3", "2", "3", "2", "3"]),
        ("-0.4", ["0", "0", "0", "-1", "-1", "0"]),
        ("7", ["7", "7", "7", "7", "7", "7"]),
    ]

    @Test(arguments: cases)
    func everyRuleOnTiesAndNonTies(input: String, expected: [String]) throws {
        let rules: [RoundingRule] = [.halfUp, .halfEven, .down, .up, .floor, .ceiling]
        let value = try dec(input)
        for (rule, want) in zip(rules, expected) {
            #expect(value.rounded(scale: 0, rule: rule).description == want, "\(input) \(rule)")
        }
    }

    @Test func roundingToAFinerScaleKeepsTheValue() throws {
        let value = try dec("1.5")
        #expect(value.rounded(scale: 4, rule: .up) == value)
        #expect(value.rounded(scale: 4, rule: .up).scale == 1)
    }

    @Test func roundingToMultiples() throws {
        let amount = try dec("1234.56")
        #expect(try amount.rounded(toMultipleOf: .one, rule: .halfUp).description == "1235")
        #expect(try amount.rounded(toMultipleOf: .one, rule: .down).description == "1234")
        #expect(try amount.rounded(toMultipleOf: DecimalNumber(10), rule: .halfUp).description == "1230")
        #expect(try amount.rounded(toMultipleOf: DecimalNumber(10), rule: .up).description == "1240")
        #expect(try dec("1235").rounded(toMultipleOf: DecimalNumber(10), rule: .halfUp).description == "1240")
        #expect(try dec("1225").rounded(toMultipleOf: DecimalNumber(10), rule: .halfEven).description == "1220")
        #expect(try dec("-1235").rounded(toMultipleOf: DecimalNumber(10), rule: .halfUp).description == "-1240")
        #expect(try dec("-1231").rounded(toMultipleOf: DecimalNumber(10), rule: .floor).description == "-1240")
        #expect(try dec("0.37").rounded(toMultipleOf: dec("0.05"), rule: .halfUp).description == "0.35")
        #expect(try amount.rounded(toMultipleOf: DecimalNumber(-10), rule: .halfUp).description == "1230")
        #expect(try amount.rounded(toMultipleOf: .one, rule: .halfUp).scale == 0)
        let halves = try dec("1.26").rounded(toMultipleOf: dec("0.50"), rule: .halfUp)
        #expect(halves.description == "1.5" && halves.scale == 2)
    }

    @Test func roundingToAZeroStepThrows() throws {
        #expect(throws: DecimalError.divisionByZero) { try DecimalNumber(5).rounded(toMultipleOf: .zero, rule: .halfUp) }
    }

    @Test func ruleRawValues() {
        #expect(RoundingRule.halfUp.rawValue == "half-up")
        #expect(RoundingRule.halfEven.rawValue == "half-even")
        #expect(RoundingRule(rawValue: "ceiling") == .ceiling)
        #expect(RoundingRule.allCases.count == 6)
    }
}
