import Decisions
import Evaluator
import ExactDecimal
import RuleSet
import SchemeLanguage
import TestSupport
import Testing

/// Texts name the parameters whose values they state, so that a decision says the value it
/// applied — under a reform too — and no figure of the rules is written twice.
@Suite struct ParameterTextTests {
    static let catalog = SchemeCatalog.load(directory: Repository.path("Rules"))

    func decision(_ scheme: Scheme) throws -> String {
        let text = PDESIFixture.application("A", filed: "2020-10-12", category: "inscrit_1", expense: "60 000 €")
        return MarkdownDecision.render(DecisionRecord(try Load.evaluate(text, scheme: scheme, decidedOn: DecisionDay.samples)))
    }

    @Test func theReformsCeilingIsTheOneTheDecisionStates() throws {
        let pdesi = try #require(Self.catalog.schemes["pdesi"])
        let today = try decision(pdesi)
        let forty = FrenchFormat.money(DecimalNumber(40_000)), fifty = FrenchFormat.money(DecimalNumber(50_000))
        #expect(today.contains("le plafond annuel de \(forty) par maître d'ouvrage"), "\(today)")
        let reform = try ReformLoader.load(path: Repository.path("Rules/reforms/pdesi-60.yaml"), schemes: Self.catalog.schemes).get()
        let reformed = try decision(reform.apply(to: pdesi))
        #expect(reformed.contains("le plafond annuel de \(fifty) par maître d'ouvrage"), "\(reformed)")
        #expect(reformed.contains("s'impute sur le plafond annuel de \(fifty)"))
        #expect(!reformed.contains("plafond annuel de \(forty)"), "the reform's decision never states the old ceiling")
        #expect(!reformed.contains("{plafond_inscrit}"))
    }

    @Test func aFigureThatIsAParametersValueMustNameIt() throws {
        let text = DemoScheme.text(extraCriteria: Self.criterion(label: "Le taux de 50 % s'applique."))
        let error = try #require(Load.diagnostics(text).first { $0.message.contains("50 %") })
        #expect(error.message.contains("écrivez {taux}"), "\(error)")
        #expect(error.path?.hasSuffix(".label") == true)
        let quoted = DemoScheme.text(extraCriteria: Self.criterion(label: "« 50 % » dit le texte ; le taux est de {taux}."))
        #expect(Load.diagnostics(quoted).isEmpty, "a quotation keeps the text's own figures")
    }

    @Test func anUnknownParameterIsLocated() throws {
        let text = DemoScheme.text(extraCriteria: Self.criterion(label: "Le taux de {tau} s'applique."))
        let error = try #require(Load.diagnostics(text).first { $0.message.contains("{tau}") })
        #expect(error.message.contains("vouliez-vous dire « {taux} »"), "\(error)")
    }

    /// A criterion in block style: braces in a flow mapping would be YAML's own.
    static func criterion(label: String) -> String {
        "  - id: seuil\n    label: \"\(label)\"\n    failure: Non.\n    when: a"
    }

    @Test func figuresInsideLargerNumbersAreNotTaken() {
        let parameter = Parameter(id: "p", label: "P", type: .money, versions: [.init(from: nil, value: .money(DecimalNumber(40000)))], source: nil)
        #expect(ParameterText.writtenValues(in: "une aide de 140 000 €", parameters: [parameter]).isEmpty)
        #expect(ParameterText.writtenValues(in: "une aide de 40 000 €", parameters: [parameter]).map(\.names) == [["p"]])
    }
}
