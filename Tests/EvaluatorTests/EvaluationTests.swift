import Evaluator
import ExactDecimal
import SchemeLanguage
import TestSupport
import Testing

@Suite struct EvaluationTests {
    let scheme: Scheme
    let settled = "findings: {manuel: {satisfied: true}}\nconfirmed: all"

    init() throws {
        scheme = try Load.scheme(DemoScheme.text())
    }

    @Test func favorableWithEveryCriterionMet() throws {
        let evaluation = try Load.evaluate(DemoScheme.application("a: true, c: true, base: 1000 €", extra: settled), scheme: scheme)
        #expect(evaluation.outcome == .favorable)
        #expect(evaluation.amount?.final == DecimalNumber(500))
        #expect(evaluation.criteria.map(\.verdict) == [.satisfied, .satisfied, .satisfied])
    }

    @Test func aRefusalListsEveryGround() throws {
        let evaluation = try Load.evaluate(DemoScheme.application("a: false, b: false, base: 1000 €", extra: "findings: {manuel: {satisfied: false, note: Projet hors sujet.}}"), scheme: scheme)
        #expect(evaluation.outcome == .unfavorable)
        #expect(evaluation.failedCriteria.map(\.index) == [0, 2])
        #expect(evaluation.criteria[2].note == "Projet hors sujet.")
        #expect(evaluation.amount == nil)
    }

    @Test func shortCircuitAsksOnlyWhatMatters() throws {
        // `a or b` with a true never needs b; `not a or c` with a false never needs c.
        let first = try Load.evaluate(DemoScheme.application("a: true, c: true, base: 10 €", extra: settled), scheme: scheme)
        #expect(!first.missing.contains(.fact(1)))
        let second = try Load.evaluate(DemoScheme.application("b: true, base: 10 €", extra: settled), scheme: scheme)
        // a is missing: `a or b` holds through b, but `not a or c` needs a (or c).
        #expect(second.criteria[0].verdict == .satisfied)
        #expect(second.criteria[1].verdict == .undetermined)
        #expect(second.outcome == .incomplete)
        #expect(Set(second.missing) == [.fact(0), .fact(2)])
    }

    @Test func unknownOnOneSideIsForgottenWhenTheOtherDecides() throws {
        // b true decides `a or b`; the missing a must not be asked for by that criterion.
        let evaluation = try Load.evaluate(DemoScheme.application("b: true, c: true, base: 10 €", extra: settled), scheme: scheme)
        #expect(evaluation.criteria[0].missing.isEmpty)
        #expect(evaluation.criteria[1].verdict == .awaitingConfirmation || evaluation.criteria[1].verdict == .satisfied)
    }

    @Test func aMissingPieceLeavesItsFactUnestablished() throws {
        let evaluation = try Load.evaluate(DemoScheme.application("a: true, c: true, base: 1000 €", pieces: "[]", extra: settled), scheme: scheme)
        #expect(evaluation.outcome == .incomplete)
        #expect(evaluation.missing == [.piece("devis")])
    }

    @Test func aPendingManualCriterionIsForAnInstructor() throws {
        let evaluation = try Load.evaluate(DemoScheme.application("a: true, c: true, base: 1000 €", extra: "confirmed: all"), scheme: scheme)
        #expect(evaluation.outcome == .toExamine)
        #expect(evaluation.criteria[2].verdict == .pending)
        #expect(evaluation.amount?.final == DecimalNumber(500), "the provisional amount is still computed")
    }

    @Test func anUnconfirmedFactIsForAnInstructor() throws {
        let evaluation = try Load.evaluate(DemoScheme.application("a: true, c: true, base: 1000 €", extra: "findings: {manuel: {satisfied: true}}"), scheme: scheme)
        #expect(evaluation.outcome == .toExamine)
        #expect(evaluation.criteria[1].verdict == .awaitingConfirmation)
        #expect(evaluation.awaitingConfirmation == [2])
    }

    @Test func aRefusalOutweighsMissingFacts() throws {
        let evaluation = try Load.evaluate(DemoScheme.application("a: true, c: false", extra: settled), scheme: scheme)
        #expect(evaluation.outcome == .unfavorable)
    }

    @Test func aZeroAmountIsARefusal() throws {
        let evaluation = try Load.evaluate(DemoScheme.application("a: true, c: true, base: 0 €", extra: settled), scheme: scheme)
        #expect(evaluation.outcome == .unfavorable)
        #expect(evaluation.failedCriteria.isEmpty)
        #expect(evaluation.isRefusedForZeroAmount)
    }
}

@Suite struct ArithmeticTests {
    func amount(_ expression: String, base: String = "0 €", x: String = "0", y: String = "0", rounding: String = "half-up") throws -> DecimalNumber? {
        let scheme = try Load.scheme(DemoScheme.text(amount: expression, rounding: rounding))
        let text = DemoScheme.application("a: true, c: true, base: \(base), x: \(x), y: \(y)", extra: "findings: {manuel: {satisfied: true}}\nconfirmed: all")
        return try Load.evaluate(text, scheme: scheme).amount?.final
    }

    @Test func decimalArithmeticIsExact() throws {
        #expect(try amount("(x + y) * 1 €", x: "0.1", y: "0.2") == DecimalNumber(parsing: "0.3"))
        #expect(try amount("if x + y == 0.3 then 1 € else 2 €", x: "0.1", y: "0.2") == DecimalNumber(1))
    }

    @Test func roundingToTheCentIsExplicit() throws {
        // 79 999,99 € × 50 % = 39 999,995 €: half-up gives 40 000,00, half-even 40 000,00 (9 is odd), down 39 999,99.
        #expect(try amount("base * taux", base: "\"79 999,99 €\"") == DecimalNumber(40000))
        #expect(try amount("base * taux", base: "\"79 999,99 €\"", rounding: "down") == DecimalNumber(parsing: "39999.99"))
        #expect(try amount("base * taux", base: "\"79 999,97 €\"", rounding: "half-even") == DecimalNumber(parsing: "39999.98"))
        #expect(try amount("base * taux", base: "\"79 999,97 €\"") == DecimalNumber(parsing: "39999.99"))
    }

    @Test func divisionByZeroIsAnEvaluationErrorNotACrash() throws {
        let scheme = try Load.scheme(DemoScheme.text(amount: "base / x"))
        let application = try Load.application(DemoScheme.application("a: true, c: true, base: 10 €, x: 0", extra: "findings: {manuel: {satisfied: true}}"), scheme: scheme)
        #expect(throws: EvaluationError.self) { try SchemeEvaluator(scheme: scheme).evaluate(application, referenceDate: application.filed) }
    }

    @Test func datesComputeWholeYearsAndMonths() throws {
        let birth = LocalDate(iso: "2000-03-15")!
        #expect(birth.wholeYears(until: LocalDate(iso: "2025-03-14")!) == 24)
        #expect(birth.wholeYears(until: LocalDate(iso: "2025-03-15")!) == 25)
        #expect(birth.wholeMonths(until: LocalDate(iso: "2000-05-14")!) == 1)
        #expect(birth.wholeMonths(until: LocalDate(iso: "2000-05-15")!) == 2)
        let leap = LocalDate(iso: "2004-02-29")!
        #expect(leap.wholeYears(until: LocalDate(iso: "2005-02-28")!) == 0)
        #expect(leap.wholeYears(until: LocalDate(iso: "2005-03-01")!) == 1)
        #expect(LocalDate(iso: "2021-02-29") == nil)
    }
}

@Suite struct DatedParameterTests {
    let text = """
        id: dated
        title: Forfait daté
        kind: individual-aid
        authority: {name: D, signatory: Le Président, court: tribunal administratif de Lille}
        sources: {s: {deliberation: Délibération, summary: Texte résumé.}}
        inputs:
          entree: {type: date, question: Date d'entrée ?, statement: "Valeur : {value}."}
        parameters:
          forfait:
            label: Forfait
            date: entree
            versions: {2019-01-01: 775 €, 2020-09-01: 1 150 €}
        eligibility:
          - {id: c, label: C, failure: F, when: "true"}
        amount:
          steps:
            - {id: montant, label: Montant, value: forfait, wording: Calcul}
          result: montant
        """

    func amount(filed: String, entry: String?) throws -> Evaluation {
        let scheme = try Load.scheme(text)
        let facts = entry.map { "entree: \($0)" } ?? ""
        return try Load.evaluate("scheme: dated\nid: X\nfiled: \(filed)\napplicant: {name: A}\nfacts: {\(facts)}\n", scheme: scheme)
    }

    @Test func theVersionFollowsTheDateTheParameterNames() throws {
        // Filed after the change, but entered before it: the older value applies.
        #expect(try amount(filed: "2020-10-01", entry: "2020-08-15").amount?.final == DecimalNumber(775))
        #expect(try amount(filed: "2020-08-01", entry: "2020-09-01").amount?.final == DecimalNumber(1150))
    }

    @Test func anUnknownDateLeavesTheParameterUnknown() throws {
        let evaluation = try amount(filed: "2020-10-01", entry: nil)
        #expect(evaluation.outcome == .incomplete)
        #expect(evaluation.missing == [.fact(0)])
    }
}
