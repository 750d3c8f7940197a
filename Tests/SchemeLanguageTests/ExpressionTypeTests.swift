import Testing
@testable import SchemeLanguage

/// Expressions are parsed and type-checked when a scheme loads; every error is located.
@Suite struct ExpressionTypeTests {
    @Test(arguments: [
        "depense > 0 €",
        "categorie in [1, 2, 3]",
        "statut == \"commune\" or statut in [\"epci\"]",
        "not (depense * taux > plafond)",
        "age(naissance, filing_date) >= 18 and age(naissance, filing_date) <= 24",
        "year(filing_date) == 2020",
        "months_between(naissance, filing_date) > 12",
        "count(enjeux) >= 1 and \"a\" in enjeux",
        "(if categorie == 3 then 70 % else taux) < 100 %",
        "min(depense, plafond) == max(0 €, depense - 40 000 €)",
        "round(depense * taux, 0.01 €) <= forfait",
        "categorie not in [0]",
        "depense / 2 < 1 000 000 €",
    ])
    func validConditionsLoad(_ condition: String) throws {
        let text = Fixture.scheme(criterion: condition)
        let errors = Fixture.errors(text)
        #expect(errors.isEmpty, "\(errors)")
    }

    struct Case: Sendable, CustomStringConvertible {
        let condition: String
        let message: String
        /// Offset of the reported column from the start of the condition.
        let offset: Int
        var description: String { condition }
    }

    @Test(arguments: [
        Case(condition: "depense + naissance > 0 €", message: "cannot apply '+' to money and date", offset: 8),
        Case(condition: "taux_local == \"cinquante\"", message: "have different types: rate and text", offset: 11),
        Case(condition: "depence > 0 €", message: "unknown name 'depence'; did you mean 'depense'?", offset: 0),
        Case(condition: "statut == \"mairie\"", message: "'mairie' is not a value of 'statut'", offset: 7),
        Case(condition: "0 € < depense < 10 €", message: "comparisons cannot be chained", offset: 14),
        Case(condition: "depense = 0 €", message: "'=' is not an operator", offset: 8),
        Case(condition: "sqrt(depense) > 0 €", message: "unknown function 'sqrt'", offset: 0),
        Case(condition: "depense * depense > 0 €", message: "cannot apply '*' to money and money", offset: 8),
        Case(condition: "depense", message: "expected a boolean expression, found a money", offset: 0),
        Case(condition: "if categorie == 3 then 1 €", message: "expected 'else'", offset: 26),
        Case(condition: "statut < \"epci\"", message: "cannot order values", offset: 7),
        Case(condition: "(depense > 0 €", message: "expected ')'", offset: 14),
        Case(condition: "categorie in [\"1\", 2]", message: "a list mixes text and integer", offset: 13),
    ])
    func typeErrorsAreLocated(_ testCase: Case) throws {
        let text = Fixture.scheme(criterion: testCase.condition)
        let errors = Fixture.errors(text)
        let error = try #require(errors.first, "expected an error for \(testCase.condition)")
        #expect(error.message.contains(testCase.message), "got: \(error.message)")
        let line = try #require(Fixture.line(of: "when: \(testCase.condition)", in: text))
        #expect(error.mark.line == line)
        // `    when: ` puts the condition at column 11.
        #expect(error.mark.column == 11 + testCase.offset, "column \(error.mark.column) for \(error.message)")
        #expect(error.path == "eligibility[0].when")
    }

    @Test func amountsAreMoneyAndRatesApply() throws {
        let scheme = try Fixture.load(Fixture.scheme(criterion: "true", amount: "depense * taux")).get()
        #expect(scheme.amount?.steps[0].expression.type == .money)
    }

    @Test func amountResultMustBeMoney() {
        let errors = Fixture.errors(Fixture.scheme(criterion: "true", amount: "taux * 2"))
        #expect(errors.contains { $0.message.contains("the result step must be an amount in euros, not a rate") })
    }
}
