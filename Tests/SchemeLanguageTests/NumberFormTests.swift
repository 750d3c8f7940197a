import ExactDecimal
import Testing
@testable import SchemeLanguage
import YAMLReader

/// Thousands written with `.`, and forms that read two ways, in every place a scheme or an
/// application gives a number: never 60 € for 60 000 €, never a silent guess.
@Suite struct NumberFormTests {
    @Test(arguments: ["60.000 €", "60 000 €", "60\u{00A0}000 €", "60\u{202F}000 €", "60 000,00 €", "60.000,00 €", "60000€"])
    func sixtyThousandEuros(text: String) {
        #expect(ScalarParsing.value(text, as: .money) == .money(DecimalNumber(60000)), "\(text.debugDescription)")
    }

    /// Amounts and integers read one dot before three digits as thousands; plain numbers and
    /// rates, which often carry decimals, refuse it as ambiguous (see DotGroupTests).
    @Test func amountsAndIntegersReadTheDotAsThousands() throws {
        #expect(ScalarParsing.value("60.000", as: .integer) == .integer(60000))
        #expect(ScalarParsing.value("1.234.567", as: .integer) == .integer(1_234_567))
        #expect(ScalarParsing.value("60.000", as: .number) == nil)
        #expect(ScalarParsing.value("1.234.567,89 €", as: .money) == .money(try #require(DecimalNumber(canonical: "1234567.89"))))
        #expect(ScalarParsing.value("1.000 %", as: .rate) == nil)
        #expect(ScalarParsing.value("60,5 €", as: .money) == .money(try #require(DecimalNumber(canonical: "60.5"))))
        #expect(ScalarParsing.value("1234.567", as: .number) == .number(try #require(DecimalNumber(canonical: "1234.567"))))
        #expect(ScalarParsing.value("0,125", as: .number) == .number(try #require(DecimalNumber(canonical: "0.125"))))
        #expect(ScalarParsing.value("12,5 %", as: .rate) == .rate(try #require(DecimalNumber(canonical: "0.125"))))
    }

    func problem(_ text: String, as type: ValueType) throws -> String {
        let node = try YAMLDocumentReader.singleDocument(text: "'\(text)'", file: "value.yaml")
        guard case .failure(let problem) = ScalarParsing.value(node, as: type) else {
            throw ProblemExpected(text: text)
        }
        return problem.message
    }

    struct ProblemExpected: Error { let text: String }

    @Test func anAmbiguousCommaIsRefusedWithTheFormsToWrite() throws {
        #expect(try problem("60,000 €", as: .money) == "le montant « 60,000 € » est ambigu (60 000 € ou 60 € ?) : séparez les milliers par une espace ou un point, et les décimales par une virgule ; écrivez par exemple « 60 000 € », « 60.000 € » ou « 60 € »")
        #expect(try problem("1,234.56 €", as: .money).hasPrefix("le montant « 1,234.56 € » est ambigu (1 234,56 € ?)"))
        #expect(try problem("1,234.56 €", as: .money).hasSuffix("« 1 234,56 € » ou « 1.234,56 € »"))
        #expect(try problem("1,234,567", as: .number).hasPrefix("le nombre « 1,234,567 » est ambigu (1 234 567 ?)"))
        #expect(try problem("60,000", as: .integer).hasPrefix("le nombre « 60,000 » est ambigu (60 000 ou 60 ?)"))
        #expect(try problem("1,500 %", as: .rate).hasPrefix("le taux « 1,500 % » est ambigu (1 500 % ou 1,5 % ?)"))
    }

    @Test func anIntegerTooLargeSaysSo() throws {
        #expect(ScalarParsing.value("9223372036854775807", as: .integer) == .integer(.max))
        #expect(ScalarParsing.value("-9223372036854775808", as: .integer) == .integer(.min))
        #expect(try problem("9 223 372 036 854 775 808", as: .integer).hasPrefix("le nombre entier « 9 223 372 036 854 775 808 » est trop grand"))
        #expect(try problem("60,5", as: .integer) == "attendu un nombre entier, trouvé « 60,5 »")
    }

    @Test func parametersFollowTheSameRules() throws {
        func parameter(_ value: String) -> Result<Scheme, DiagnosticList> {
            Fixture.load(Fixture.header + """
                parameters:
                  plafond: {label: Plafond, value: "\(value)"}
                eligibility:
                  - {id: c, label: C, failure: F, when: "true"}

                """)
        }
        #expect(try parameter("60.000 €").get().parameters[0].value(on: nil) == .money(DecimalNumber(60000)))
        // Untyped, `60.000` could be sixty thousand or sixty: refused, never guessed (DotGroupTests).
        #expect(throws: DiagnosticList.self) { try parameter("60.000").get() }
        #expect(try parameter("60 000").get().parameters[0].value(on: nil) == .integer(60000))
        #expect(try parameter("12.5").get().parameters[0].value(on: nil) == .number(try #require(DecimalNumber(canonical: "12.5"))))
        guard case .failure(let errors) = parameter("60,000 €"), case .failure(let bare) = parameter("60,000") else {
            Issue.record("an ambiguous parameter loaded")
            return
        }
        #expect(errors.diagnostics.first?.message.hasPrefix("le montant « 60,000 € » est ambigu") == true)
        #expect(errors.diagnostics.first?.path == "parameters.plafond.value")
        #expect(bare.diagnostics.first?.message.hasPrefix("le nombre « 60,000 » est ambigu") == true, "not taken for a text")
    }

    @Test func inputBoundsFollowTheSameRules() {
        let text = Fixture.header + """
            inputs:
              depense: {type: money, question: Dépense ?, max: "100,000 €", statement: "Valeur : {value}."}
            eligibility:
              - {id: c, label: C, failure: F, when: "true"}

            """
        #expect(Fixture.errors(text).first?.message.hasPrefix("le montant « 100,000 € » est ambigu") == true)
    }

    @Test func aFormulaRefusesADotBeforeThreeDigits() throws {
        let errors = Fixture.errors(Fixture.scheme(criterion: "true", amount: "min(depense, 60.000 €)"))
        let error = try #require(errors.first)
        #expect(error.message == "le nombre « 60.000 » est ambigu dans une formule (60 000 ou 60 ?) : écrivez « 60 000 » pour 60 000, ou « 60 » pour 60")
        #expect(error.mark.column > 1)
        #expect(Fixture.errors(Fixture.scheme(criterion: "true", amount: "min(depense, 1.125 €)")).first?.message.contains("ou « 1.1250 » pour 1,125") == true)
        for accepted in ["60 000 €", "60.5 €", "60.0001 €", "1234.567 €", "0.125 €", "1 000.000 €"] {
            #expect(Fixture.errors(Fixture.scheme(criterion: "true", amount: "min(depense, \(accepted))")).isEmpty, "\(accepted)")
        }
    }

    @Test func aRateWithTooManyDecimalsIsAnErrorNotATrap() throws {
        let rate = "0." + String(repeating: "0", count: 28) + "1 %"
        let error = try #require(Fixture.errors(Fixture.scheme(criterion: "true", amount: "depense * \(rate)")).first)
        #expect(error.message.contains("le taux a trop de décimales"))
    }
}
