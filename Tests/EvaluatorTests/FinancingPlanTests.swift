import Decisions
import Evaluator
import ExactDecimal
import SchemeLanguage
import TestSupport
import Testing

/// An application's financing plan (`financing_plan`), read by a scheme that declares one: its
/// figures as `plan.…` facts, its checks as criteria examined when unmet, and the aid it asks
/// compared with the aid computed in the fiche.
@Suite struct FinancingPlanTests {
    static let pdesi = try! Load.pdesi()

    func application(kind: String = "commune", expense: String = "60 000 €", plan: String?) -> String {
        PDESIFixture.expense(expense, kind: kind, plan: plan)
    }

    func plan(own: String, departement: String = "30 000 €", region: String = "15 000 €") -> String {
        """
          expenses:
            - {label: Travaux, ht: 60 000 €, ttc: 72 000 €}
          resources:
            - {funder: Département, kind: departement, amount: \(departement)}
            - {funder: Région, kind: region, amount: \(region)}
            - {funder: Commune, kind: fonds-propres, amount: \(own)}
        """
    }

    func evaluate(_ text: String) throws -> Evaluation {
        try Load.evaluate(text, scheme: Self.pdesi, decidedOn: DecisionDay.samples)
    }

    func verdict(_ evaluation: Evaluation, _ id: String) -> Verdict? {
        evaluation.criteria.first { evaluation.scheme.criteria[$0.index].id == id }?.verdict
    }

    func fact(_ evaluation: Evaluation, _ id: String) -> Value? {
        evaluation.scheme.inputs.firstIndex { $0.id == id }.flatMap { evaluation.application.facts[$0] }
    }

    @Test func thePlansFiguresAreFacts() throws {
        let evaluation = try evaluate(application(plan: plan(own: "15 000 €")))
        #expect(fact(evaluation, "plan.fourni") == .boolean(true))
        #expect(fact(evaluation, "plan.depenses_ht") == .money(DecimalNumber(60_000)))
        #expect(fact(evaluation, "plan.depenses_ttc") == .money(DecimalNumber(72_000)))
        #expect(fact(evaluation, "plan.aide_sollicitee") == .money(DecimalNumber(30_000)))
        #expect(fact(evaluation, "plan.part.fonds_propres") == .money(DecimalNumber(15_000)))
        #expect(fact(evaluation, "plan.participation_maitre_ouvrage") == .rate(DecimalNumber(significand: 25, scale: 2)))
        #expect(verdict(evaluation, "participation-minimale-maitre-ouvrage") == .satisfied)
        #expect(evaluation.outcome == .favorable)
    }

    /// Below 20 % of the public funding, the rule is a point for the instructor, never a refusal.
    @Test func belowTwentyPercentIsAPointToExamine() throws {
        let evaluation = try evaluate(application(plan: plan(own: "5 000 €", region: "25 000 €")))
        #expect(verdict(evaluation, "participation-minimale-maitre-ouvrage") == .pending)
        #expect(evaluation.outcome == .toExamine)
        #expect(evaluation.failedCriteria.isEmpty)
        let markdown = MarkdownDecision.render(DecisionRecord(evaluation))
        #expect(markdown.contains("Le maître d'ouvrage apporte 8,33\u{00A0}% des financements publics."))
        #expect(markdown.contains("le projet relève-t-il d'une exception ou d'une dérogation accordée par le préfet"))
    }

    /// An applicant that is no local authority is not bound by the rule.
    @Test func aPrivateOwnerIsNotBound() throws {
        let evaluation = try evaluate(application(kind: "association", plan: plan(own: "5 000 €", region: "25 000 €")))
        #expect(verdict(evaluation, "participation-minimale-maitre-ouvrage") == .notApplicable)
        #expect(evaluation.outcome == .favorable)
    }

    /// Without a plan, only `plan.fourni` is known, and the plan's criteria do not apply.
    @Test func withoutAPlanItsCriteriaDoNotApply() throws {
        let evaluation = try evaluate(application(plan: nil))
        #expect(fact(evaluation, "plan.fourni") == .boolean(false))
        #expect(fact(evaluation, "plan.depenses_ht") == nil)
        #expect(verdict(evaluation, "participation-minimale-maitre-ouvrage") == .notApplicable)
        #expect(evaluation.outcome == .favorable)
        #expect(!MarkdownDecision.render(DecisionRecord(evaluation)).contains("## Plan de financement"))
    }

    /// The fiche states the aid the plan asks and the aid computed, and how far apart they are.
    @Test func theAidAskedIsComparedWithTheAidComputed() throws {
        let asksMore = MarkdownDecision.render(DecisionRecord(try evaluate(application(plan: plan(own: "12 000 €", departement: "33 000 €")))))
        #expect(asksMore.contains("## Plan de financement"))
        #expect(asksMore.contains("est de 33\u{202F}000,00\u{00A0}€, soit 3\u{202F}000,00\u{00A0}€ de plus que l'aide calculée selon les règles du dispositif, de 30\u{202F}000,00\u{00A0}€"))
        let agrees = MarkdownDecision.render(DecisionRecord(try evaluate(application(plan: plan(own: "15 000 €")))))
        #expect(agrees.contains(": c'est l'aide calculée selon les règles du dispositif, de 30\u{202F}000,00\u{00A0}€."))
    }

    /// A declared expense above the plan's HT total (a TTC figure typed as HT), and a plan that
    /// does not balance, are said in the fiche.
    @Test func anExpenseAboveThePlansHTAndAnUnbalancedPlanAreSaid() throws {
        let evaluation = try evaluate(application(expense: "72 000 €", plan: plan(own: "10 000 €")))
        let markdown = MarkdownDecision.render(DecisionRecord(evaluation))
        #expect(markdown.contains("La dépense éligible déclarée, 72\u{202F}000,00\u{00A0}€, dépasse les dépenses hors taxes du plan"))
        #expect(markdown.contains("Les ressources du plan (55\u{202F}000,00\u{00A0}€) sont inférieures à ses dépenses HT (60\u{202F}000,00\u{00A0}€) : le plan n'est pas équilibré."))
    }

    /// The plan's figures are read from the plan: written in `facts`, they are refused, located;
    /// a plan's own faults are located with their field path.
    @Test func figuresInFactsAndFaultsOfThePlanAreLocated() throws {
        let written = application(plan: nil).replacing("    depense_eligible_ht: 60 000 €", with: "    depense_eligible_ht: 60 000 €\n  plan: {participation_maitre_ouvrage: 50 %}")
        #expect(throws: DiagnosticList.self) { try Load.application(written, scheme: Self.pdesi) }
        do {
            _ = try Load.application(written, scheme: Self.pdesi)
        } catch let list as DiagnosticList {
            #expect(list.diagnostics.contains { $0.message.contains("« plan.participation_maitre_ouvrage » se lit dans le plan de financement") })
        }
        let badKind = application(plan: plan(own: "15 000 €").replacing("kind: region", with: "kind: regions"))
        do {
            _ = try Load.application(badKind, scheme: Self.pdesi)
            Issue.record("a plan with an unknown kind of funder was read")
        } catch let list as DiagnosticList {
            let problem = try #require(list.diagnostics.first)
            #expect(problem.message.contains("nature de financeur « regions » inconnue"))
            #expect(problem.path == "financing_plan.resources[1].kind")
            #expect(problem.mark.line == 19)
        }
    }

    /// A scheme that reads no plan refuses one; `on_failure` takes `refuse` or `examine` only.
    @Test func aSchemeWithoutAPlanRefusesOneAndOnFailureIsChecked() throws {
        let scheme = try Load.scheme(DemoScheme.text())
        let text = DemoScheme.application("a: true", extra: "financing_plan: {expenses: [], resources: []}")
        do {
            _ = try Load.application(text, scheme: scheme)
            Issue.record("a plan was read by a scheme that declares none")
        } catch let list as DiagnosticList {
            #expect(list.diagnostics.contains { $0.message.contains("ne lit pas de plan de financement") && $0.path == "financing_plan" })
        }
        let wrong = DemoScheme.text(extraCriteria: "  - {id: z, label: Z, failure: Pas Z., when: a, on_failure: ignore}")
        #expect(Load.diagnostics(wrong).contains { $0.message.contains("« on_failure » vaut refuse") })
    }
}
