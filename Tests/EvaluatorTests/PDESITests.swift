import Batch
import Evaluator
import ExactDecimal
import Foundation
import Register
import RuleSet
import SchemeLanguage
import TestSupport
import Testing

/// The catalogue's hand-computed cases, against the real rules file and a register.
@Suite struct PDESITests {
    let catalog = SchemeCatalog.load(directory: Repository.path("Rules"))

    static func application(_ id: String, filed: String = "2020-10-15", siren: String = "216200001", category: String,
                            expense: String, site: String = "ESI-62-0001") -> String {
        PDESIFixture.application(id, filed: filed, siren: siren, category: category, expense: expense, site: site)
    }

    /// Decides the applications one after the other in filing order, each in its own file, the
    /// files in the order given, on `decidedOn` (after every filing date): each counts the aid
    /// decided before it.
    func batch(_ applications: [String], register: DecisionRegister? = nil,
               decidedOn: LocalDate = DecisionDay.samples) throws -> [String: Evaluation] {
        let temporary = try TemporaryFolder("pdesi")
        defer { withExtendedLifetime(temporary) {} }
        let folder = temporary.path
        var paths: [String] = []
        for (position, text) in applications.enumerated() {
            let path = "\(folder)/\(position).yaml"
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        let result = try PresidentDecisions(catalog: catalog, date: decidedOn).decide(paths, register: try register ?? DecisionRegister.inMemory())
        #expect(result.failures.isEmpty, "\(result.failures)")
        return Dictionary(uniqueKeysWithValues: result.evaluations.map { ($0.application.id, $0) })
    }

    @Test func category1At60000Gives30000() throws {
        #expect(try batch([Self.application("A", category: "inscrit_1", expense: "60 000 €")])["A"]?.amount?.final == DecimalNumber(30000))
    }

    @Test func category2At100000IsCappedAt40000() throws {
        #expect(try batch([Self.application("A", category: "inscrit_2", expense: "100 000 €")])["A"]?.amount?.final == DecimalNumber(40000))
    }

    @Test func category3At50000Gives35000() throws {
        #expect(try batch([Self.application("A", category: "classe", expense: "50 000 €")])["A"]?.amount?.final == DecimalNumber(35000))
    }

    @Test(arguments: [false, true])
    func sameOwnerSameYear60000Then40000WhateverTheFileOrder(_ reversed: Bool) throws {
        let first = Self.application("A", filed: "2020-10-12", category: "inscrit_1", expense: "60 000 €")
        let second = Self.application("B", filed: "2020-11-01", category: "inscrit_1", expense: "40 000 €")
        let entries = try batch(reversed ? [second, first] : [first, second])
        #expect(entries["A"]?.amount?.final == DecimalNumber(30000))
        #expect(entries["B"]?.amount?.final == DecimalNumber(10000))
    }

    @Test func threeApplicationsExhaustTheAnnualCap() throws {
        let entries = try batch([
            Self.application("C", filed: "2020-12-01", category: "inscrit_2", expense: "10 000 €"),
            Self.application("A", filed: "2020-10-12", category: "inscrit_1", expense: "50 000 €"),
            Self.application("B", filed: "2020-11-02", category: "inscrit_2", expense: "40 000 €"),
        ])
        #expect(entries["A"]?.amount?.final == DecimalNumber(25000))
        #expect(entries["B"]?.amount?.final == DecimalNumber(15000))
        #expect(entries["C"]?.outcome == .unfavorable, "the 40 000 € of the year are used")
    }

    /// « Par an » is the year of the award: aid decided in 2020 does not count against 2021's cap,
    /// and aid decided in one year counts whatever year it was filed in.
    @Test func theCapStartsAgainEachCalendarYearOfAward() throws {
        let register = try DecisionRegister.inMemory()
        let a = try batch([Self.application("A", filed: "2020-11-01", category: "inscrit_1", expense: "80 000 €")],
                          register: register, decidedOn: DecisionDay.samples)
        let b = try batch([Self.application("B", filed: "2020-12-01", category: "inscrit_1", expense: "60 000 €")],
                          register: register, decidedOn: DecisionDay.endOf2021)
        #expect(a["A"]?.amount?.final == DecimalNumber(40000))
        #expect(b["B"]?.amount?.final == DecimalNumber(30000), "decided in 2021, B counts nothing of 2020")
        let c = try batch([Self.application("C", filed: "2020-12-02", category: "inscrit_1", expense: "60 000 €")],
                          register: register, decidedOn: DecisionDay.endOf2021)
        #expect(c["C"]?.amount?.final == DecimalNumber(10000), "filed in 2020 but decided in 2021: 2021's cap, 30 000 € used")
    }

    @Test func anotherOwnerHasItsOwnCap() throws {
        let entries = try batch([
            Self.application("A", siren: "111111111", category: "inscrit_1", expense: "80 000 €"),
            Self.application("B", siren: "222222222", category: "inscrit_1", expense: "80 000 €"),
        ])
        #expect(entries["A"]?.amount?.final == DecimalNumber(40000))
        #expect(entries["B"]?.amount?.final == DecimalNumber(40000))
    }

    @Test func aSecondProjectOnAClassifiedSiteIsRefusedAndTheDecisionSaysWhy() throws {
        let entries = try batch([
            Self.application("A", filed: "2020-10-12", category: "classe", expense: "50 000 €", site: "ESI-62-0042"),
            Self.application("B", filed: "2021-05-01", siren: "999999999", category: "classe", expense: "20 000 €", site: "ESI-62-0042"),
        ], decidedOn: DecisionDay.endOf2021)
        #expect(entries["A"]?.amount?.final == DecimalNumber(35000))
        let evaluation = try #require(entries["B"])
        #expect(evaluation.outcome == .unfavorable)
        #expect(evaluation.failedCriteria.map { evaluation.scheme.criteria[$0.index].id } == ["un-projet-par-esi-classe"])
        #expect(evaluation.limits.first?.entries.map(\.applicationID) == ["A"])
    }

    @Test func theSchemesOwnTestCasesPass() throws {
        let scheme = try #require(catalog.schemes["pdesi"])
        let results = SchemeTestRunner.run(scheme)
        #expect(results.count >= 10)
        for result in results where !result.passed {
            Issue.record("\(result.testCase.name): \(result.mismatches)")
        }
    }

    @Test func aWrongExpectationIsReportedAsExpectedAgainstObtained() throws {
        let scheme = try #require(catalog.schemes["pdesi"])
        let testCase = try #require(scheme.tests.first)
        let evaluation = try SchemeEvaluator(scheme: scheme).evaluate(testCase.application, referenceDate: testCase.referenceDate)
        let altered = SchemeTestCase(name: testCase.name, application: testCase.application, outcome: .unfavorable,
                                     amount: .money(DecimalNumber(1)), failed: ["porteur-habilite"], missing: nil, mark: testCase.mark)
        let mismatches = SchemeTestRunner.compare(altered, evaluation)
        #expect(mismatches.count == 3)
        #expect(mismatches[0] == "issue : attendu défavorable, obtenu favorable")
        #expect(mismatches[1] == "montant : attendu 1,00\u{00A0}€, obtenu 30\u{202F}000,00\u{00A0}€")
    }
}
