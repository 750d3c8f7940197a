import Decisions
import Evaluator
import Foundation
import SchemeLanguage
import TestSupport
import Testing

/// What a decision rests on and how its JSON words the facts and steps: the housing acts rest on
/// the law of 31 May 1990, the FSL's règlement intérieur and the President's delegation, never on
/// the annexes of deliberation 2020-312 that announce changes; the JSON carries, beside each
/// technical value, the French sentence the act prints.
@Suite struct LegalBasisAndStatementTests {
    typealias Fixture = StageFixture

    func json(_ record: DecisionRecord) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(JSONDecision.render(record).utf8)) as? [String: Any])
    }

    /// Lines 6428 to 6433: deliberation 2020-312 only authorises signing Avenant n°3; its annexes
    /// (fiches 2020-21 and 2020-22) are cited for context (`context: true`), never as a « Vu ».
    @Test(arguments: [
        ("logement/11-fsl-acces-personne-seule-aout.yaml", "fsl-acces", [
            "Loi n°90-449 du 31 mai 1990 visant à la mise en œuvre du droit au logement",
            "Règlement intérieur du fonds de solidarité pour le logement du Pas-de-Calais",
        ]),
        ("logement/15-dettes-loyer-accompagnement-renforce.yaml", "fonds-dettes-loyer", [
            "Loi n°90-449 du 31 mai 1990 visant à la mise en œuvre du droit au logement",
            "Règlement intérieur du fonds de solidarité pour le logement du Pas-de-Calais",
        ]),
        ("logement/01-solvabilisation-loyer-residuel.yaml", "fonds-solvabilisation", [
            "Délibération de la Commission permanente de décembre 2019 créant le fonds de solvabilisation « Logement » pour les jeunes sortants de l'aide sociale à l'enfance",
            "Loi n°90-449 du 31 mai 1990 visant à la mise en œuvre du droit au logement",
            "Règlement intérieur du fonds de solidarité pour le logement du Pas-de-Calais",
        ]),
    ])
    func theHousingActsRestOnTheLawTheRulesAndTheDelegationNotOnTheAnnexes(file: String, scheme: String, basis: [String]) throws {
        let deciding = try Fixture.scheme(scheme, decidedBy: .presidentByDelegation, source: "delegation-fsl")
        let record = DecisionRecord(try Fixture.evaluate(file, scheme: deciding), issuance: .decision(Fixture.fslAct, deployment: Fixture.president))
        #expect(record.legalBasis == basis)
        let written = try json(record)
        #expect((written["scheme"] as? [String: Any])?["legal_basis"] as? [String] == basis)
        let act = MarkdownDecision.render(record)
        for title in basis { #expect(act.contains("\(title.dropFirst()) ;"), "« Vu … \(title.dropFirst()) ; »") }
        #expect(act.contains("Vu la délibération n°2017-519"), "the delegation is still a visa")
        #expect(!act.contains("Vu la délibération n°2020-312"), "the annexes announcing changes are no legal basis")
        #expect(act.contains("| Délib. n°2020-312, annexe, fiche action"),
                "but they are still cited where a criterion reads them")
    }

    /// The « Vu » run from the law to the rules made under it, whatever order the scheme cites
    /// them in: the law of 1990 before the Commission permanente's deliberation of 2019.
    @Test func theVisasGoFromTheLawToTheRules() throws {
        let deciding = try Fixture.scheme("fonds-solvabilisation", decidedBy: .presidentByDelegation, source: "delegation-fsl")
        let record = DecisionRecord(try Fixture.evaluate("logement/01-solvabilisation-loyer-residuel.yaml", scheme: deciding),
                                    issuance: .decision(Fixture.fslAct, deployment: Fixture.president))
        let act = MarkdownDecision.render(record)
        let law = try #require(act.range(of: "Vu la loi n°90-449"))
        let deliberation = try #require(act.range(of: "Vu la délibération de la Commission permanente de décembre 2019"))
        #expect(law.lowerBound < deliberation.lowerBound)
    }

    /// A refusal quotes an annex that describes the rules as what it is — a description — and
    /// never « aux termes de » a text the act does not rest on.
    @Test func aRefusalCitesADescriptionAsADescription() throws {
        let deciding = try Fixture.scheme("fsl-acces", decidedBy: .presidentByDelegation, source: "delegation-fsl")
        let record = DecisionRecord(try Fixture.evaluate("logement/14-fsl-acces-sans-ressources-perennes.yaml", scheme: deciding),
                                    issuance: .decision(Fixture.fslAct, deployment: Fixture.president))
        #expect(record.outcome == .unfavorable)
        let act = MarkdownDecision.render(record)
        #expect(!act.contains("aux termes de la délibération n°2020-312"))
        #expect(act.contains("Considérant que la délibération n°2020-312 du Conseil départemental du 28 septembre 2020, annexe, fiche action 2020-22"))
        #expect(act.contains(", qui décrit les règles du dispositif, indique : « "))
    }

    /// Each fact of the JSON carries the sentence the act states it with, and each amount step its
    /// French wording, beside the id, the canonical value and the display.
    @Test func theJSONGivesEachFactsStatementAndEachStepsWording() throws {
        let record = try Fixture.record("pdesi/01-wimereux-sentier-littoral.yaml", .decision(Fixture.sitting, deployment: Fixture.deployment))
        let written = try json(record)
        let act = MarkdownDecision.render(record)
        let criteria = try #require(written["criteria"] as? [[String: Any]])
        let facts = criteria.flatMap { $0["facts"] as? [[String: Any]] ?? [] }
        #expect(!facts.isEmpty)
        for fact in facts {
            let statement = try #require(fact["statement"] as? String, "\(fact)")
            #expect(act.contains(statement), "the act prints « \(statement) »")
        }
        let category = try #require(facts.first { $0["id"] as? String == "esi.categorie" })
        #expect(category["value"] as? String == "inscrit_1")
        #expect(category["display"] as? String == "E.S.I. inscrit au P.D.E.S.I. en 1re catégorie")
        #expect(category["statement"] as? String == "L'E.S.I. est inscrit au P.D.E.S.I. en 1re catégorie.")

        let steps = try #require(written["amount_steps"] as? [[String: Any]])
        #expect(steps.count == record.steps.count)
        for (step, row) in zip(steps, record.steps) {
            #expect(step["id"] as? String == row.id)
            #expect(step["wording"] as? String == row.wording)
            #expect(row.wording.map { act.contains($0) } == true, "the act's table prints the wording of \(row.id)")
        }
        let beforeCap = try #require(steps.first { $0["id"] as? String == "aide_avant_plafond" })
        #expect(beforeCap["wording"] as? String == "50\u{00A0}% de la dépense éligible de 60\u{202F}000,00\u{00A0}€ HT, soit 30\u{202F}000,00\u{00A0}€")
    }

    /// A fact awaiting confirmation carries its statement too (the same object).
    @Test func aFactAwaitingConfirmationCarriesItsStatement() throws {
        let record = try Fixture.record("pdesi/13-audruicq-a-instruire.yaml", decidedBy: nil, Issuance(stage: .instruction))
        let written = try json(record)
        let awaiting = try #require(written["awaiting_confirmation"] as? [[String: Any]])
        #expect(!awaiting.isEmpty)
        #expect(awaiting.allSatisfy { ($0["statement"] as? String)?.hasSuffix(".") == true })
    }
}
