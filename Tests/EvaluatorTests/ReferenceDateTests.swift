import Evaluator
import ExactDecimal
import RuleSet
import SchemeLanguage
import TestSupport
import Testing
import YAMLReader

/// The reference date: the day whose rules apply, given by the caller, never read from a clock.
@Suite struct ReferenceDateTests {
    /// A lump sum voted in two versions, chosen by the decision date unless `date` says otherwise.
    func scheme(date: String? = nil, extraStep: String = "") throws -> Scheme {
        try Load.scheme("""
            id: dated
            title: Forfait daté
            kind: individual-aid
            authority: {name: D, signatory: Le Président, court: tribunal administratif de Lille}
            sources: {s: {deliberation: Délibération, summary: Texte résumé.}}
            parameters:
              forfait:
                label: Forfait
                versions: {2019-01-01: 775 €, 2020-10-07: 1 150 €}
                \(date.map { "date: \($0)" } ?? "")
            eligibility:
              - {id: c, label: C, failure: F, when: "true"}
            amount:
              steps:
                - {id: montant, label: Montant, value: "forfait\(extraStep)", wording: Calcul}
              result: montant
            """)
    }

    func amount(_ scheme: Scheme, filed: String, decided: String) throws -> DecimalNumber? {
        let evaluation = try Load.evaluate("scheme: dated\nid: X\nfiled: \(filed)\napplicant: {name: A}\n", scheme: scheme,
                                           decidedOn: LocalDate(iso: decided))
        #expect(evaluation.referenceDate == LocalDate(iso: decided), "the evaluation says which day's rules it applied")
        return evaluation.amount?.final
    }

    @Test func withoutADateTheVersionInForceOnTheDecisionDateApplies() throws {
        let scheme = try scheme()
        #expect(try amount(scheme, filed: "2020-08-31", decided: "2020-10-06") == DecimalNumber(775))
        #expect(try amount(scheme, filed: "2020-08-31", decided: "2020-10-07") == DecimalNumber(1150))
    }

    @Test(arguments: ["filing_date", nil])
    func dateFilingDateKeepsTheVersionOfTheFilingDay(date: String?) throws {
        let scheme = try scheme(date: date ?? "decision_date")
        let expected = date == nil ? DecimalNumber(1150) : DecimalNumber(775)
        // Filed before the change, decided after it: only `date: filing_date` keeps the old value.
        #expect(try amount(scheme, filed: "2020-08-31", decided: "2020-11-02") == expected)
    }

    @Test func decisionDateIsADateInExpressions() throws {
        let scheme = try scheme(extraStep: " + (if decision_date >= 2020-11-01 then 1 € else 0 €)")
        #expect(try amount(scheme, filed: "2020-10-15", decided: "2020-10-31") == DecimalNumber(1150))
        #expect(try amount(scheme, filed: "2020-10-15", decided: "2020-11-01") == DecimalNumber(1151))
    }

    @Test func decisionDateIsNotMistakenForANumber() throws {
        let text = """
            id: wrong
            title: T
            kind: individual-aid
            authority: {name: D, signatory: Le Président, court: tribunal administratif de Lille}
            sources: {s: {deliberation: Délibération, summary: Texte résumé.}}
            eligibility:
              - {id: c, label: C, failure: F, when: "decision_date > 3"}
            """
        #expect(throws: DiagnosticList.self) { try Load.scheme(text) }
    }

    @Test func aDocumentIsNotDecidedBeforeItIsFiled() throws {
        let catalog = SchemeCatalog(schemes: ["dated": try scheme()])
        let evaluator = DocumentEvaluator(catalog: catalog)
        let document = try YAMLDocumentReader.singleDocument(text: "scheme: dated\nid: X\nfiled: 2020-10-15\napplicant: {name: A}\n",
                                                             file: "x.yaml")
        let decoded = evaluator.decode(document, schemes: ["dated"], context: "dated", header: .scheme)
        let before = evaluator.evaluate(decoded, referenceDate: LocalDate(year: 2020, month: 10, day: 14)!, register: EmptyRegister())
        let error = try #require(before.errors("dated")?.first)
        #expect(before.evaluation("dated") == nil)
        #expect(error.path == "filed")
        #expect(error.message.contains("déposée le 15 octobre 2020, après la date de décision retenue (14 octobre 2020)"), "\(error.message)")
        let sameDay = evaluator.evaluate(decoded, referenceDate: LocalDate(year: 2020, month: 10, day: 15)!, register: EmptyRegister())
        #expect(sameDay.evaluation("dated")?.amount?.final == DecimalNumber(1150))
    }
}
