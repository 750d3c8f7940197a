import Evaluator
import ExactDecimal
import SchemeLanguage
import Testing

/// The catalogue's hand-computed cases, against the real rules file.
@Suite struct PDESITests {
    let scheme: Scheme

    init() throws {
        scheme = try Load.pdesi()
    }

    func application(category: Int, expense: String, alreadyGranted: String? = "0 €", alreadyHelped: Bool? = nil) -> String {
        var facts = "porteur.habilite_pdesi: true\n  esi.categorie: \(category)\n  projet.enjeux: [accessibilite]\n"
        facts += "  projet.respect_normes: true\n  projet.validation_proprietaire: true\n  projet.projet_animation: true\n"
        facts += "  projet.depense_eligible_ht: \"\(expense)\"\n"
        if let alreadyGranted { facts += "  porteur.aides_pdesi_annee: \"\(alreadyGranted)\"\n" }
        if let alreadyHelped { facts += "  esi.projet_deja_aide: \(alreadyHelped)\n" }
        return """
            scheme: pdesi
            id: T-1
            filed: 2020-10-15
            applicant: {name: Commune de Test}
            facts:
              \(facts)
            pieces: [attestation-habilitation, attestation-normes, accord-proprietaire, projet-animation, devis]
            confirmed: all
            """
    }

    func amount(_ text: String) throws -> DecimalNumber? {
        let evaluation = try Load.evaluate(text, scheme: scheme)
        #expect(evaluation.outcome == .favorable, "\(evaluation.outcome) for \(text)")
        return evaluation.amount?.final
    }

    @Test func category1At60000Gives30000() throws {
        #expect(try amount(application(category: 1, expense: "60 000 €")) == DecimalNumber(30000))
    }

    @Test func category2At100000IsCappedAt40000() throws {
        #expect(try amount(application(category: 2, expense: "100 000 €")) == DecimalNumber(40000))
    }

    @Test func category3At50000Gives35000() throws {
        #expect(try amount(application(category: 3, expense: "50 000 €", alreadyGranted: nil, alreadyHelped: false)) == DecimalNumber(35000))
    }

    @Test func sameOwnerSameYear60000Then40000() throws {
        let first = try #require(try amount(application(category: 1, expense: "60 000 €", alreadyGranted: "0 €")))
        let second = try amount(application(category: 1, expense: "40 000 €", alreadyGranted: "\(first) €"))
        #expect(first == DecimalNumber(30000))
        #expect(second == DecimalNumber(10000))
    }

    @Test func aSecondProjectOnAClassifiedSiteIsRefused() throws {
        let evaluation = try Load.evaluate(application(category: 3, expense: "70 000 €", alreadyGranted: nil, alreadyHelped: true), scheme: scheme)
        #expect(evaluation.outcome == .unfavorable)
        #expect(evaluation.failedCriteria.map { scheme.criteria[$0.index].id } == ["un-projet-par-esi-classe"])
    }

    @Test func theSchemesOwnTestCasesPass() {
        let results = SchemeTestRunner.run(scheme)
        #expect(results.count >= 10)
        for result in results where !result.passed {
            Issue.record("\(result.testCase.name): \(result.mismatches)")
        }
    }

    @Test func aWrongExpectationIsReportedAsExpectedAgainstObtained() throws {
        let testCase = try #require(scheme.tests.first)
        let evaluation = try SchemeEvaluator(scheme: scheme).evaluate(testCase.application)
        let altered = SchemeTestCase(name: testCase.name, application: testCase.application, outcome: .unfavorable,
                                     amount: .money(DecimalNumber(1)), failed: ["porteur-habilite"], missing: nil, mark: testCase.mark)
        let mismatches = SchemeTestRunner.compare(altered, evaluation)
        #expect(mismatches.count == 3)
        #expect(mismatches[0] == "outcome: expected défavorable, obtained favorable")
        #expect(mismatches[1] == "amount: expected 1 €, obtained 30000 €")
    }
}
