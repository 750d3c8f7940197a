import ExactDecimal
import SchemeLanguage
import Testing
import YAMLReader

/// An allocation (`kind: allocation`) is computed for each establishment: no applicant, so no
/// eligibility; what only has a meaning for an application is refused, in French.
@Suite struct AllocationKindTests {
    static let allocation = Fixture.header.replacing("kind: individual-aid", with: "kind: allocation") + """
        inputs:
          eleves:
            type: integer
            question: Combien d'élèves ?
            statement: "L'établissement compte {value} élèves."
        parameters:
          par_eleve:
            label: Montant par élève
            value: 33 €
            source: delib
        amount:
          steps:
            - id: dotation
              label: Dotation
              wording: "{par_eleve} pour chacun des {eleves} élèves, soit {value}"
              value: eleves * par_eleve
              source: delib
              part: true
          result: dotation

        """

    @Test func anAllocationLoadsWithoutEligibilityAndItsPartsAreMarked() throws {
        let scheme = try Fixture.load(Self.allocation).get()
        #expect(scheme.kind == .allocation && scheme.criteria.isEmpty)
        #expect(scheme.amount?.steps.map(\.part) == [true])
        #expect(scheme.amount?.steps.first?.wording == "{par_eleve} pour chacun des {eleves} élèves, soit {value}")
    }

    @Test func anAidStillNeedsItsEligibility() {
        let aid = Self.allocation.replacing("kind: allocation", with: "kind: individual-aid").replacing("      part: true\n", with: "")
        #expect(Fixture.errors(aid).map(\.message) == ["champ « eligibility » manquant : les critères d'éligibilité"])
    }

    /// A part is an allocation's: on an aid nothing would read it, so it is refused where written.
    @Test func aPartOnAnAidIsRefusedAtItsField() throws {
        let aid = Self.allocation.replacing("kind: allocation", with: "kind: individual-aid")
            + "eligibility:\n  - {id: toujours, label: Toujours, failure: Jamais., when: \"true\"}\n"
        let errors = Fixture.errors(aid)
        #expect(errors.count == 1, "\(errors)")
        let error = try #require(errors.first)
        #expect(error.message == "« part » désigne une part d'une dotation (kind: allocation) ; ce dispositif n'en est pas une : retirez « part »")
        #expect(error.path == "amount.steps[0].part")
        #expect(error.mark.line == Fixture.line(of: "part: true", in: aid))
    }

    @Test func whatOnlyAnApplicationHasIsRefusedWithWhatToDo() {
        let refused = Self.allocation + """
            eligibility:
              - {id: toujours, label: Toujours, failure: Jamais., when: "true"}
            pieces:
              devis: {label: Devis}
            in_force:
              from: 2021-01-01
              source: delib

            """
        let messages = Fixture.errors(refused).map(\.message)
        #expect(messages.contains { $0.hasPrefix("une dotation (kind: allocation) n'a pas de demandeur, donc pas de critères d'éligibilité") && $0.hasSuffix("retirez « eligibility »") })
        #expect(messages.contains { $0.hasPrefix("une dotation (kind: allocation) ne demande pas de pièces justificatives") && $0.hasSuffix("retirez « pieces »") })
        #expect(messages.contains { $0.hasPrefix("une dotation (kind: allocation) n'a pas de date de dépôt") && $0.hasSuffix("retirez « in_force »") })
        let paths = Fixture.errors(refused).compactMap(\.path)
        #expect(Set(paths).isSuperset(of: ["eligibility", "pieces", "in_force"]))
    }

    @Test func anAllocationWithoutAmountIsRefused() {
        let withoutAmount = String(Self.allocation.split(separator: "amount:\n", maxSplits: 1)[0])
        #expect(Fixture.errors(withoutAmount).map(\.message) == [
            "une dotation (kind: allocation) se calcule : déclarez « amount », ses étapes et l'étape « result » qui donne la dotation",
        ])
    }

    @Test func aWordingNamesOnlyKnownInputs() {
        let unknown = Self.allocation.replacing("{eleves} élèves", with: "{effectif} élèves")
        #expect(Fixture.errors(unknown).map(\.message).contains { $0.hasPrefix("{effectif} ne nomme ni une étape du calcul, ni un paramètre ou une donnée du dispositif") })
    }

    @Test func testCasesNeedNoOutcomeAndExpectStepsAndUnsetParameters() throws {
        let withTests = Self.allocation.replacing("    value: 33 €\n", with: "    type: money\n    unset: true\n") + """
            tests:
              - name: Deux cents élèves
                parameters: {par_eleve: 33 €}
                application: {filed: 2020-10-15, facts: {eleves: 200}}
                expect:
                  steps: {dotation: 6 600 €}

            """
        let scheme = try Fixture.load(withTests).get()
        let test = try #require(scheme.tests.first)
        #expect(test.outcome == .favorable)
        #expect(test.steps.map(\.id) == ["dotation"] && test.steps.first?.value.decimal == DecimalNumber(6600))
        #expect(test.parameters.map(\.id) == ["par_eleve"])
        let wrong = withTests.replacing("steps: {dotation: 6 600 €}", with: "steps: {dotatoin: 6 600 €}")
            .replacing("parameters: {par_eleve: 33 €}", with: "parameters: {par_eleve: 33 €, autre: 1}")
        let messages = Fixture.errors(wrong).map(\.message)
        #expect(messages.contains("étape « dotatoin » inconnue ; vouliez-vous dire « dotation » ?"))
        #expect(messages.contains("« autre » n'est pas un paramètre déclaré sans valeur (unset: true) : un cas ne donne de valeur qu'à ceux-là"))
    }
}
