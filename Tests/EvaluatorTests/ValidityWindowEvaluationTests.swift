import Evaluator
import ExactDecimal
import SchemeLanguage
import TestSupport
import Testing

/// A scheme's period of application (`in_force`): a criterion evaluated first, on the filing date.
@Suite struct ValidityWindowEvaluationTests {
    let settled = "findings: {manuel: {satisfied: true}}\nconfirmed: all"

    func scheme(_ window: String) throws -> Scheme {
        try Load.scheme(DemoScheme.text() + "\nin_force: \(window)\n")
    }

    func evaluate(filed: String, window: String, facts: String = "a: true, c: true, base: 1000 €") throws -> Evaluation {
        let text = DemoScheme.application(facts, extra: settled).replacing("filed: 2020-10-01", with: "filed: \(filed)")
        return try Load.evaluate(text, scheme: try scheme(window))
    }

    func failedIDs(_ evaluation: Evaluation) -> [String] {
        evaluation.failedCriteria.map { evaluation.scheme.criteria[$0.index].id }
    }

    @Test(arguments: ["2020-10-08", "2022-01-01"])
    func anApplicationFiledOutsideTheWindowIsRefusedOnThatGround(filed: String) throws {
        let evaluation = try evaluate(filed: filed, window: "{from: 2020-10-09, until: 2021-12-31, source: delib}")
        #expect(evaluation.outcome == .unfavorable)
        #expect(failedIDs(evaluation) == [ValidityWindow.criterionID])
        #expect(evaluation.amount == nil, "a refusal computes no amount")
    }

    @Test(arguments: ["2020-10-09", "2021-12-31"])
    func theBoundsAreFilingDaysOfTheWindow(filed: String) throws {
        let evaluation = try evaluate(filed: filed, window: "{from: 2020-10-09, until: 2021-12-31, source: delib}")
        #expect(evaluation.outcome == .favorable)
        #expect(evaluation.criteria.first?.verdict == .satisfied)
        #expect(evaluation.amount?.final == DecimalNumber(500))
    }

    @Test func theOtherCriteriaAreStillEvaluatedSoThatEveryGroundIsStated() throws {
        let evaluation = try evaluate(filed: "2020-06-15", window: "{from: 2020-10-09, source: delib}", facts: "a: false, b: false, base: 10 €")
        #expect(failedIDs(evaluation) == [ValidityWindow.criterionID, "a-ou-b"])
    }

    @Test func theWindowIsTheFirstCriterionAndCitesItsSource() throws {
        let scheme = try scheme("{until: 2021-12-31, source: delib}")
        let criterion = try #require(scheme.criteria.first)
        #expect(criterion.id == "periode-application")
        #expect(criterion.source == "delib")
        #expect(criterion.formula == "filing_date <= 2021-12-31")
        #expect(criterion.label == "La demande est déposée pendant la période d'application du dispositif (jusqu'au 31 décembre 2021).")
        #expect(scheme.inForce?.until == LocalDate(year: 2021, month: 12, day: 31))
        #expect(scheme.criteria.count == 4, "the three written criteria follow it")
    }

    @Test func theGroundStatesTheFilingDateAndTheWindowInFrench() throws {
        let evaluation = try evaluate(filed: "2020-06-01", window: "{from: 2020-10-09, until: 2021-12-31, source: delib}")
        let criterion = evaluation.scheme.criteria[0]
        #expect(criterion.failure(filed: evaluation.application.filed)
            == "La demande a été déposée le 1er juin 2020 ; le dispositif s'applique aux demandes déposées du 9 octobre 2020 au 31 décembre 2021.")
        // Any other criterion states its own ground, whatever the date.
        #expect(evaluation.scheme.criteria[1].failure(filed: evaluation.application.filed) == "Ni A ni B.")
    }
}
