import Testing
@testable import SchemeLanguage

/// `base * taux / 0` fails every application: refused when the scheme loads, at the `0`.
@Suite struct WrittenZeroTests {
    func error(amount: String) throws -> Diagnostic {
        let text = Fixture.scheme(criterion: "true", amount: amount)
        return try #require(Fixture.errors(text).first, "\(amount) loaded")
    }

    @Test func aWrittenZeroDivisorIsLocatedOnTheZero() throws {
        let text = Fixture.scheme(criterion: "true", amount: "depense * taux / 0")
        let error = try #require(Fixture.errors(text).first)
        #expect(error.message.hasPrefix("division par zéro : le diviseur est écrit 0 dans la formule"))
        #expect(error.mark.line == Fixture.line(of: "value: depense * taux / 0", in: text))
        let column = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).first { $0.contains("value: depense * taux / 0") }?.count)
        #expect(error.mark.column == column, "the column of the 0")
        #expect(error.path == "amount.steps[0].value")
    }

    @Test(arguments: ["depense / 0 €", "depense / 0.00", "depense / -0", "depense / (0)", "depense * (1 / 0)", "depense / 0 %"])
    func everyWrittenZeroIsRefused(amount: String) throws {
        #expect(try error(amount: amount).message.hasPrefix("division par zéro"))
    }

    @Test func aRoundingStepOfZeroIsRefused() throws {
        #expect(try error(amount: "round(depense, 0 €)").message.hasPrefix("le pas d'arrondi de round() doit être strictement positif"))
        #expect(try error(amount: "round(depense, -1 €)").message.hasPrefix("le pas d'arrondi de round() doit être strictement positif"))
    }

    @Test(arguments: ["depense / categorie", "depense / 0.5", "depense / (categorie - 1)", "round(depense, 0.01 €)", "depense / 0.001"])
    func aDivisorThatMayBeZeroStillLoads(amount: String) {
        #expect(Fixture.errors(Fixture.scheme(criterion: "true", amount: amount)).isEmpty)
    }
}
