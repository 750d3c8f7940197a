import ExactDecimal
import Testing
import YAMLReader
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

    /// A parameter written without a type is not guessed either: `2.250` is refused.
    @Test func anUntypedParameterWithOneDotGroupIsRefused() throws {
        let log = DiagnosticLog()
        let node = try YAMLDocumentReader.singleDocument(text: "2.250", file: "p.yaml")
        #expect(ParameterTyping.value(node, declared: nil, path: "parameters.seuil.value", log: log) == nil)
        #expect(log.diagnostics.first?.message.contains("est ambigu (2 250 ou 2,25 ?)") == true, "\(log.diagnostics)")
        let grouped = try YAMLDocumentReader.singleDocument(text: "1.234.567", file: "p.yaml")
        #expect(ParameterTyping.value(grouped, declared: nil, path: "parameters.n.value", log: log) == .integer(1_234_567))
    }
}

extension DotGroupTests {
    /// The forms suggested for a plain number never include the dot-grouped one, itself ambiguous.
    @Test func theSuggestedFormsAreUnambiguous() throws {
        let problem = try #require(NumberForms.problem("2.250", as: .number))
        #expect(problem.contains("écrivez par exemple « 2 250 » ou « 2,25 »"), "\(problem)")
        #expect(problem.split(separator: "écrivez par exemple").last?.contains("2.250") == false)
    }
}
