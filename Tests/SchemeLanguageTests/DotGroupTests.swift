import ExactDecimal
import Testing
@testable import SchemeLanguage

/// `60.000 €` is sixty thousand euros, but a plain number or a rate written `2.250` may be
/// 2 250 or 2,25: those are refused with both readings rather than guessed.
@Suite struct DotGroupTests {
    func number(_ text: String) throws -> DecimalNumber { try #require(DecimalNumber(canonical: text)) }

    @Test func amountsAndIntegersReadTheDotAsThousands() throws {
        #expect(ScalarParsing.value("60.000 €", as: .money) == .money(try number("60000")))
        #expect(ScalarParsing.value("60.000", as: .integer) == .integer(60_000))
    }

    @Test(arguments: [("2.250", ValueType.number, "2 250 ou 2,25"), ("50.000 %", ValueType.rate, "50 000 % ou 50 %"),
                      ("-1.500", ValueType.number, "-1 500 ou -1,5")])
    func numbersAndRatesWithOneDotGroupAreAmbiguous(text: String, type: ValueType, readings: String) throws {
        #expect(ScalarParsing.value(text, as: type) == nil)
        let problem = try #require(NumberForms.problem(text, as: type))
        #expect(problem.contains("est ambigu (\(readings) ?)"), "\(problem)")
    }

    @Test func unambiguousNumbersAndRatesStillRead() throws {
        #expect(ScalarParsing.value("2.25", as: .number) == .number(try number("2.25")))
        #expect(ScalarParsing.value("2,250", as: .number) == nil, "a comma before three digits is ambiguous too")
        #expect(ScalarParsing.value("1.234.567", as: .number) == .number(try number("1234567")))
        #expect(ScalarParsing.value("1234.567", as: .number) == .number(try number("1234.567")))
        #expect(ScalarParsing.value("0.125", as: .number) == .number(try number("0.125")))
        #expect(ScalarParsing.value("12,5 %", as: .rate) == .rate(try number("0.125")))
    }
}
