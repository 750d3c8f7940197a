import Evaluator
import ExactDecimal
import SchemeLanguage
import TestSupport
import Testing
import YAMLReader

/// A parameter the text leaves without a value is an error when an evaluation needs it — naming
/// it and where to set it — never a fact to ask the applicant for; once set, it is read as any other.
@Suite struct UnsetParameterEvaluationTests {
    static func scheme() throws -> Scheme {
        try Load.scheme(DemoScheme.header(id: "plafonne", title: "Aide plafonnée") + """
            inputs:
              base: {type: money, question: Dépense ?, statement: "Valeur : {value}."}
            parameters:
              plafond: {label: Plafond voté au budget, type: money, unset: true}
            eligibility:
              - {id: toujours, label: Toujours, failure: Jamais., when: "true", source: delib}
            amount:
              steps:
                - {id: montant, label: Montant, value: "min(base, plafond)", wording: Calcul}
              result: montant
            """, file: "plafonne.yaml")
    }

    static let application = """
        scheme: plafonne
        id: P-1
        filed: 2020-10-01
        applicant: {name: Commune de Test}
        facts: {base: 5 000 €}
        """

    @Test func evaluatingAnUnsetParameterIsAnErrorNamingItAndWhereToSetIt() throws {
        do {
            _ = try Load.evaluate(Self.application, scheme: try Self.scheme())
            Issue.record("an unset parameter is not evaluated")
        } catch let error as EvaluationError {
            #expect(error.message == "à l'étape « montant » (`min(base, plafond)`) du montant : le paramètre « plafond » du dispositif plafonne "
                    + "(« Plafond voté au budget ») n'a pas de valeur : le texte ne la donne pas (unset: true). Fixez-la dans guichet.yaml, "
                    + "sous parameters: {plafonne: {plafond: …}}, ou dans un fichier de paramètres donné par --parametres FICHIER")
            #expect(error.mark.file == "plafonne.yaml" && error.mark.line == 18, "at the step that reads it: \(error.mark)")
        }
    }

    @Test func onceSetItIsReadAsAnyOther() throws {
        let mark = SourceMark(file: "guichet.yaml", line: 1, column: 1)
        let setting = ParameterSetting(scheme: "plafonne", parameter: "plafond", value: "1 000 €", schemeMark: mark, parameterMark: mark, valueMark: mark)
        let (schemes, diagnostics) = ParameterSettings.apply([setting], to: ["plafonne": try Self.scheme()])
        #expect(diagnostics.isEmpty)
        let evaluation = try Load.evaluate(Self.application, scheme: try #require(schemes["plafonne"]))
        #expect(evaluation.outcome == .favorable && evaluation.amount?.final == DecimalNumber(1_000))
    }
}
