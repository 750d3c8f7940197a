import Batch
import Evaluator
import ExactDecimal
import Foundation
import RuleSet
import SchemeLanguage
import TestSupport
import Testing
import YAMLReader

/// The housing family: schedules of months, dated parameters, conditional criteria, and the
/// subsidiarity of the solvency fund to the FSL.
@Suite struct HousingTests: HousingCases {
    let catalog = SchemeCatalog.load(directory: Repository.path("Rules"))

    @Test func residualRentOf230EachMonth() throws {
        let result = try schedule(evaluate(solvency(months: 6)))
        #expect(result.months.count == 6)
        #expect(result.months.allSatisfy { $0.paid == DecimalNumber(230) })
        #expect(result.total == DecimalNumber(1380))
    }

    @Test func a610NeedIsCappedAt500() throws {
        let result = try schedule(evaluate(solvency(months: 2, rent: "700 €", charges: "60 €", apl: "150 €")))
        #expect(result.months.map(\.paid) == [DecimalNumber(500), DecimalNumber(500)])
    }

    @Test func thirteenMonthsAskedTwelvePaid() throws {
        let result = try schedule(evaluate(solvency(months: 13)))
        #expect(result.asked == 13)
        #expect(result.maxMonths == 12)
        #expect(result.months.count == 12)
        #expect(result.months.last?.month == LocalDate(iso: "2021-10-01"))
    }

    @Test func noMonthIsPaidFromTheMonthThePersonTurns25() throws {
        // Born 1996-01-20: 25 on 2021-01-20; October to December 2020 are paid, January is not.
        let result = try schedule(evaluate(solvency(birth: "1996-01-20", first: "2020-10-01", months: 6)))
        #expect(result.months.map(\.month) == ["2020-10-01", "2020-11-01", "2020-12-01"].compactMap { LocalDate(iso: $0) })
        #expect(result.stoppedAt == LocalDate(iso: "2021-01-01"))
    }

    @Test func aPersonAged25AtFilingIsRefused() throws {
        let entries = try evaluate(solvency(birth: "1995-10-01", months: 3))
        #expect(entries.first?.outcome == .unfavorable)
        guard case .decided(let evaluation) = entries.first?.result else { return }
        #expect(evaluation.failedCriteria.map { evaluation.scheme.criteria[$0.index].id } == ["age"])
        #expect(evaluation.schedule == nil, "no month is computed for a refusal")
    }

    @Test func perMonthFactsVaryByMonth() throws {
        let text = solvency(months: 2, rent: "{2020-11: 450 €, 2020-12: 500 €}", apl: "{2020-11: 270 €, 2020-12: 270 €}")
        let result = try schedule(evaluate(text))
        #expect(result.months.map(\.paid) == [DecimalNumber(230), DecimalNumber(280)])
    }

    @Test func aMonthWithoutRentIsMissing() throws {
        let entries = try evaluate(solvency(months: 2, rent: "{2020-11: 450 €}"))
        #expect(entries.first?.outcome == .incomplete)
    }

    @Test func supportNotNeededMakesItsCriterionNotApplicable() throws {
        guard case .decided(let evaluation) = try evaluate(solvency(months: 1)).first?.result else {
            Issue.record("not decided")
            return
        }
        let verdict = evaluation.criteria.first { evaluation.scheme.criteria[$0.index].id == "adhesion-accompagnement" }?.verdict
        #expect(verdict == .notApplicable)
    }

    /// The sums change for the decisions taken from 7 October 2020, the day deliberation
    /// 2020-312 became enforceable, whatever the filing date (Rules/fsl-acces.yaml).
    @Test func furnitureLumpSumFollowsTheDecisionDateNotTheFilingDate() throws {
        func sum(_ composition: String, filed: String, decided: String) throws -> DecimalNumber? {
            let text = """
                scheme: fsl-acces
                id: F-\(filed)-\(composition)
                filed: \(filed)
                applicant: {name: Test}
                facts:
                  menage: {composition: \(composition), ressources_perennes: true}
                  acces: {nouveau_logement: true, mobilier_demande: true}
                pieces: [justificatifs-ressources, bail]
                confirmed: all
                """
            return try evaluate(text, decidedOn: try #require(LocalDate(iso: decided))).first?.amount
        }
        #expect(try sum("personne_seule", filed: "2020-08-31", decided: "2020-10-06") == DecimalNumber(775))
        #expect(try sum("personne_seule", filed: "2020-08-31", decided: "2020-10-07") == DecimalNumber(1150))
        #expect(try sum("couple", filed: "2020-09-01", decided: "2020-10-06") == DecimalNumber(925))
        #expect(try sum("couple", filed: "2020-09-01", decided: "2020-10-07") == DecimalNumber(1230))
    }

    @Test func aHouseholdEligibleToTwoAidsAtOnce() throws {
        let text = try String(contentsOfFile: Repository.path("Applications/logement/20-menage-deux-aides.yaml"), encoding: .utf8)
        let entries = try evaluate(text)
        let outcomes = Dictionary(uniqueKeysWithValues: entries.map { ($0.schemeID ?? "?", $0.outcome) })
        #expect(outcomes["fsl-acces"] == .favorable)
        #expect(outcomes["fonds-solvabilisation"] == .favorable)
        #expect(outcomes["fonds-dettes-loyer"] == nil, "not requested: evaluated for the orientation only, no document")
        #expect(entries.first { $0.schemeID == "fonds-solvabilisation" }?.amount == DecimalNumber(1440))
    }

    /// « quand le FSL ne peut intervenir » (lines 12006 to 12012): the fund reads whether the FSL
    /// can pay the rent and charges, not the FSL's furniture decision, which pays no rent. A
    /// household granted the furniture sum still gets the fund, without any « aide insuffisante »;
    /// a household refused the furniture sum does not, when the FSL can pay its rent.
    @Test func theSolvencyFundReadsWhetherTheFSLCanPayTheRentNotItsFurnitureDecision() throws {
        let sample = try String(contentsOfFile: Repository.path("Applications/logement/20-menage-deux-aides.yaml"), encoding: .utf8)
        let granted = try evaluate(sample)
        #expect(granted.first { $0.schemeID == "fsl-acces" }?.outcome == .favorable, "the furniture sum is granted")
        let fund = try #require(granted.first { $0.schemeID == "fonds-solvabilisation" })
        #expect(fund.outcome == .favorable)
        guard case .decided(let evaluation) = fund.result else { Issue.record("not decided"); return }
        #expect(evaluation.scheme.references.isEmpty, "the fund no longer reads the FSL access aid's outcome")

        let payable = sample
            .replacing("mobilier_demande: true", with: "mobilier_demande: false")
            .replacing("fsl: {intervention: impossible}", with: "fsl: {intervention: possible}")
        let refused = try evaluate(payable)
        #expect(refused.first { $0.schemeID == "fsl-acces" }?.outcome == .unfavorable, "no furniture sum asked")
        let stillRefused = try #require(refused.first { $0.schemeID == "fonds-solvabilisation" })
        #expect(stillRefused.outcome == .unfavorable, "the FSL can pay the rent: its refused furniture sum opens nothing")
        guard case .decided(let refusal) = stillRefused.result else { Issue.record("not decided"); return }
        #expect(refusal.failedCriteria.map { refusal.scheme.criteria[$0.index].id } == ["subsidiarite-fsl"])
    }

    @Test func everySchemesOwnTestCasesPass() {
        #expect(catalog.failures.isEmpty, "\(catalog.failures)")
        for scheme in catalog.sorted {
            for result in SchemeTestRunner.run(scheme) where !result.passed {
                Issue.record("\(scheme.id) — \(result.testCase.name): \(result.mismatches)")
            }
        }
    }
}
