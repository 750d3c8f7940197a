import Decisions
import Evaluator
import ExactDecimal
import SchemeLanguage
import TestSupport
import Testing

/// An amount the rules count HT (`basis: HT`): given HT, or TTC with its VAT rate (the HT base is
/// derived and shown with what was declared); given TTC alone, it is asked again, never taken as HT.
@Suite struct TaxBasisTests {
    static let pdesi = try! Load.pdesi()

    func application(expense: String) -> String {
        PDESIFixture.expense(expense)
    }

    func evaluate(_ expense: String) throws -> Evaluation {
        try Load.evaluate(application(expense: expense), scheme: Self.pdesi, decidedOn: DecisionDay.samples)
    }

    @Test(arguments: [("60 000 €", "30000.00"), ("60 000 € HT", "30000.00"), ("{ttc: 72 000 €, tva: 20 %}", "30000.00"),
                      ("{ttc: 1 000 €, tva: 20 %}", "416.67")])
    func anAmountGivenHTOrTTCWithItsRateIsCountedHT(expense: String, aid: String) throws {
        let evaluation = try evaluate(expense)
        #expect(evaluation.outcome == .favorable)
        #expect(evaluation.amount?.final.map(FrenchFormat.moneyCanonical) == aid)
    }

    @Test func theActShowsWhatWasDeclaredTTC() throws {
        let markdown = MarkdownDecision.render(DecisionRecord(try evaluate("{ttc: 72 000 €, tva: 20 %}")))
        let ht = FrenchFormat.money(DecimalNumber(60_000)), ttc = FrenchFormat.money(DecimalNumber(72_000))
        #expect(markdown.contains("| \(ht) HT (déclaré \(ttc) TTC, TVA 20\u{A0}%) |") || markdown.contains("| \(ht) HT (déclaré \(ttc) TTC, TVA 20 %) |"),
                "\(markdown)")
    }

    @Test func anAmountGivenTTCAloneIsAskedAgain() throws {
        let evaluation = try evaluate("72 000 € TTC")
        #expect(evaluation.outcome == .incomplete)
        let record = DecisionRecord(evaluation)
        let asked = try #require(record.missing.first { $0.id == "projet.depense_eligible_ht" })
        #expect(asked.text.contains("Le montant déclaré (72 000 € TTC) est toutes taxes comprises : indiquez le montant hors taxes"))
    }

    @Test func aMalformedTTCIsALocatedError() throws {
        #expect(throws: (any Error).self) { try evaluate("{ttc: 72 000 €}") }
        #expect(throws: (any Error).self) { try evaluate("{ttc: 72 000 €, tva: vingt}") }
    }

    @Test func onlyAnAmountHasABasis() {
        let text = DemoScheme.text().replacing("x: {type: number, question: X ?,", with: "x: {type: number, question: X ?, basis: HT,")
        #expect(Load.diagnostics(text).contains { $0.message.contains("« basis » vaut HT, pour un montant") })
    }
}
