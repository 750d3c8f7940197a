import Decisions
import Evaluator
import ExactDecimal
import SchemeLanguage
import TestSupport
import Testing

/// An act states facts in plain French and words its computation: no field name, question or
/// expression of the rules is printed in it (they stay in the JSON and the instructor's annex).
@Suite struct ActWordingTests {
    typealias Fixture = StageFixture

    /// A scheme with a statement of each form and an amount whose steps are worded.
    static let scheme = DemoScheme.header() + """
        inputs:
          habilite:
            type: boolean
            question: Le porteur est-il habilité ?
            statement: {true: Le porteur est habilité., false: Le porteur n'est pas habilité.}
          categorie:
            type: enum
            question: Quelle catégorie ?
            values: {classe: site classé, inscrit: site inscrit}
            statement: "Le {value} relève du plan."
          statut:
            type: enum
            question: Quel statut ?
            values: [commune, association]
            statement: {commune: Le porteur est une commune., association: Le porteur est une association.}
          depense:
            type: money
            question: Quelle dépense ?
            statement: "La dépense éligible s'élève à {value}, dans la limite de {plafond}."
        parameters:
          taux: {label: Taux, value: 50 %}
          plafond: {label: Plafond, value: 40 000 €}
        eligibility:
          - {id: habilite, label: Habilitation, failure: Le porteur doit être habilité., when: habilite, source: delib}
          - {id: plan, label: Plan, failure: Hors plan., when: "categorie == \\"classe\\" or statut == \\"commune\\"", source: delib}
        amount:
          steps:
            - id: base
              label: Dépense
              value: depense
              wording: Dépense éligible
            - id: aide
              label: Aide
              value: min(base * taux, plafond)
              wording: "{taux} de la dépense éligible de {base}, dans la limite de {plafond}, soit {value}"
          result: aide
        """

    static func record(_ facts: String) throws -> DecisionRecord {
        let scheme = try Load.scheme(Self.scheme)
        let text = """
            scheme: demo
            id: D-1
            filed: 2020-10-01
            applicant: {name: Commune de Test}
            facts: {\(facts)}
            """
        return DecisionRecord(try Load.evaluate(text, scheme: scheme), issuance: Issuance(stage: .decision, act: Fixture.sitting))
    }

    @Test func statementsStateEachFormOfFact() throws {
        let granted = MarkdownDecision.render(try Self.record("habilite: true, categorie: classe, statut: commune, depense: 10 000 €"))
        #expect(granted.contains("| Rempli | Le porteur est habilité. |"))
        #expect(granted.contains("| Rempli | Le site classé relève du plan. |"))
        let refused = MarkdownDecision.render(try Self.record("habilite: false, categorie: inscrit, statut: association, depense: 10 000 €"))
        #expect(refused.contains("| **Non rempli** | Le porteur n'est pas habilité. |"))
        #expect(refused.contains("Le site inscrit relève du plan. Le porteur est une association."))
        #expect(refused.contains("\nIl ressort des pièces du dossier que le porteur n'est pas habilité. Par suite, le porteur doit être habilité.\n"))
        let record = try Self.record("habilite: true, categorie: classe, statut: commune, depense: 10 000 €")
        let scheme = record.scheme
        let index = try #require(scheme.inputs.firstIndex { $0.id == "depense" })
        let sentence = scheme.inputs[index].statement?.sentence(for: .money(DecimalNumber(10_000)), shown: "10 000,00 €") { $0 == "plafond" ? "40 000,00 €" : nil }
        #expect(sentence == "La dépense éligible s'élève à 10 000,00 €, dans la limite de 40 000,00 €.")
    }

    @Test func stepsAreWordedWithParametersAndStepValues() throws {
        let record = try Self.record("habilite: true, categorie: classe, statut: commune, depense: 100 000 €")
        let markdown = MarkdownDecision.render(record)
        let rate = try #require(record.steps.first { $0.id == "aide" }?.wording?.split(separator: " ").first.map(String.init)); #expect(rate.hasPrefix("50"))
        _ = rate
        let base = FrenchFormat.money(DecimalNumber(100_000)), cap = FrenchFormat.money(DecimalNumber(40_000))
        #expect(markdown.contains("| Étape | Calcul | Montant |"))
        #expect(markdown.contains("| Dépense | Dépense éligible | \(base) |"))
        #expect(markdown.contains("| Aide | \(rate) de la dépense éligible de \(base), dans la limite de \(cap), soit \(cap) | \(cap) |"))
        #expect(!markdown.contains("min(base"))
    }

    @Test func aMissingWordingIsALoadError() {
        let withoutStatement = Self.scheme.replacing("    statement: {true: Le porteur est habilité., false: Le porteur n'est pas habilité.}\n", with: "")
        #expect(Load.diagnostics(withoutStatement).contains { $0.message.contains("la donnée « habilite » est lue par un critère ou par le montant, et n'a pas de « statement »") })
        let withoutWording = Self.scheme.replacing("      wording: Dépense éligible\n", with: "")
        #expect(Load.diagnostics(withoutWording).contains { $0.message.contains("l'étape « base » n'a pas de « wording »") && $0.path == "amount.steps[0]" })
        let halfBoolean = Self.scheme.replacing("{true: Le porteur est habilité., false: Le porteur n'est pas habilité.}", with: "{true: Le porteur est habilité.}")
        #expect(Load.diagnostics(halfBoolean).contains { $0.message.contains("champ « false » manquant") })
        let unknownName = Self.scheme.replacing("soit {value}", with: "soit {valeur}")
        #expect(Load.diagnostics(unknownName).contains { $0.message.contains("{valeur} ne nomme ni une étape du calcul") && $0.message.contains("{value}") })
        let noValue = Self.scheme.replacing("s'élève à {value}, dans", with: "s'élève, dans")
        #expect(Load.diagnostics(noValue).contains { $0.message.contains("placez {value} là où il va") })
        let perValueMissing = Self.scheme.replacing(", association: Le porteur est une association.", with: "")
        #expect(Load.diagnostics(perValueMissing).contains { $0.message.contains("il manque la phrase de « association »") })
    }

    /// The acts of the samples name nothing by its id in the rules and print no formula.
    @Test(arguments: ["pdesi/01-wimereux-sentier-littoral.yaml", "pdesi/05-association-non-habilitee.yaml"])
    func aPDESIActPrintsNoCode(file: String) throws {
        let record = try Fixture.record(file, Issuance(stage: .decision, act: Fixture.sitting, deployment: Fixture.deployment))
        let markdown = MarkdownDecision.render(record)
        #expect(record.outcome == (file.contains("05") ? .unfavorable : .favorable))
        #expect(!markdown.contains("`"))
        #expect(!markdown.contains("esi.categorie"))
        #expect(!markdown.contains("porteur.habilite_pdesi"))
        #expect(!markdown.contains("=="))
        #expect(!markdown.contains(" ? —"), "no question is put in an act")
    }
}
