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
        Case(condition: "depense + naissance > 0 €", message: "« + » ne s'applique pas à un montant et une date", offset: 8),
        Case(condition: "taux_local == \"cinquante\"", message: "les deux côtés de « == » n'ont pas le même type : taux et texte", offset: 11),
        Case(condition: "depence > 0 €", message: "nom « depence » inconnu ; vouliez-vous dire « depense » ?", offset: 0),
        Case(condition: "statut == \"mairie\"", message: "« mairie » n'est pas une valeur de « statut »", offset: 7),
        Case(condition: "0 € < depense < 10 €", message: "les comparaisons ne s'enchaînent pas", offset: 14),
        Case(condition: "depense = 0 €", message: "« = » n'est pas un opérateur", offset: 8),
        Case(condition: "sqrt(depense) > 0 €", message: "fonction « sqrt » inconnue", offset: 0),
        Case(condition: "depense * depense > 0 €", message: "« * » ne s'applique pas à un montant et un montant", offset: 8),
        Case(condition: "depense", message: "attendu une formule qui donne un booléen (oui ou non), trouvé une formule qui donne un montant", offset: 0),
        Case(condition: "if categorie == 3 then 1 €", message: "attendu « else »", offset: 26),
        Case(condition: "statut < \"epci\"", message: "« < » ne peut ordonner des valeurs de « statut »", offset: 7),
        Case(condition: "(depense > 0 €", message: "attendu « ) »", offset: 14),
        Case(condition: "categorie in [\"1\", 2]", message: "une liste mêle des valeurs de types différents : texte et nombre entier", offset: 13),
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
        #expect(errors.contains { $0.message.contains("l'étape du résultat doit donner un montant en euros, et non un taux") })
    }
}
