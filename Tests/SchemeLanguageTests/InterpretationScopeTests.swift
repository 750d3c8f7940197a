import SchemeLanguage
import Testing

/// `applies_to` ties an interpretation to the criteria, parameters, limits and steps it bears
/// on; every id is checked, and a wrong one is reported where it is written.
@Suite struct InterpretationScopeTests {
    /// A scheme with a period of application, two criteria, a parameter, a limit and an amount,
    /// whose one interpretation has `applies_to` as given (nothing: no such field).
    static func scheme(appliesTo: String?) -> String {
        let scope = appliesTo.map { "\n    applies_to: \($0)" } ?? ""
        return Fixture.header + """
            in_force: {from: 2020-01-01, source: delib}
            inputs:
              depense: {type: money, question: Dépense ?, statement: "La dépense s'élève à {value}.", min: 0 €}
              siren: {type: text, question: SIREN ?, statement: "Le SIREN est {value}."}
            parameters:
              plafond: {label: Plafond, value: 40 000 €}
            limits:
              aides_annee: {label: Aides de l'année, measure: amount, by: [siren], period: calendar-year}
            eligibility:
              - {id: depense-positive, label: Dépense, failure: Aucune dépense., when: depense > 0 €}
              - {id: plafond-disponible, label: Plafond, failure: Plafond atteint., when: aides_annee < plafond}
            amount:
              steps:
                - {id: montant, label: Montant, value: "min(depense, plafond)", wording: Montant}
              result: montant
            interpretation:
              lecture:
                audience: public\(scope)
                question: Comment lire le plafond ?
                choice: Par an.

            """
    }

    @Test func eachIdNamesACriterionAParameterALimitOrAStep() throws {
        let text = Self.scheme(appliesTo: "[plafond-disponible, plafond, aides_annee, montant, periode-application]")
        let scheme = try Fixture.load(text).get()
        let interpretation = try #require(scheme.interpretations.first)
        #expect(interpretation.appliesTo == [
            Interpretation.Target(.criterion, "plafond-disponible"), Interpretation.Target(.parameter, "plafond"),
            Interpretation.Target(.limit, "aides_annee"), Interpretation.Target(.step, "montant"),
            Interpretation.Target(.criterion, "periode-application"),
        ])
        #expect(!interpretation.isGeneral)
    }

    @Test func withoutAppliesToAnInterpretationBearsOnTheWholeScheme() throws {
        let scheme = try Fixture.load(Self.scheme(appliesTo: nil)).get()
        #expect(scheme.interpretations.first?.isGeneral == true)
    }

    @Test func anUnknownIdIsReportedWhereItIsWrittenWithTheClosestOne() throws {
        let text = Self.scheme(appliesTo: "[plafond, plafond-disponibel]")
        let errors = Fixture.errors(text)
        #expect(errors.count == 1, "\(errors)")
        let error = try #require(errors.first)
        #expect(error.mark.file == "demo.yaml")
        #expect(error.mark.line == Fixture.line(of: "applies_to:", in: text))
        #expect(error.mark.column == 27, "the second item of the list, after « applies_to: [plafond, »")
        #expect(error.path == "interpretation.lecture.applies_to[1]")
        #expect(error.message.hasPrefix("« plafond-disponibel » ne nomme ni un critère, ni un paramètre, ni une limite, ni une étape du calcul du dispositif "
                                        + "(vouliez-vous dire « plafond-disponible » ?) : écrivez l'identifiant d'un critère"), "\(error.message)")
        #expect(error.message.hasSuffix("ou retirez applies_to pour une interprétation qui vaut pour tout le dispositif"))
    }

    @Test func anInputIsNoPartAnInterpretationCanBeTiedTo() {
        let errors = Fixture.errors(Self.scheme(appliesTo: "[depense]"))
        #expect(errors.map(\.path) == ["interpretation.lecture.applies_to[0]"])
    }

    @Test func anEmptyListATextOrATwiceNamedIdIsRefused() {
        let empty = Fixture.errors(Self.scheme(appliesTo: "[]"))
        #expect(empty.map(\.path) == ["interpretation.lecture.applies_to"])
        #expect(empty.first?.message.hasPrefix("applies_to est vide : nommez les critères") == true)
        let text = Fixture.errors(Self.scheme(appliesTo: "plafond"))
        #expect(text.first?.message.hasPrefix("applies_to attend une liste d'identifiants") == true, "\(text)")
        let twice = Fixture.errors(Self.scheme(appliesTo: "[plafond, plafond]"))
        #expect(twice.map(\.path) == ["interpretation.lecture.applies_to[1]"])
    }

    /// A criterion whose condition has an error keeps its name: the error is reported once, at
    /// the criterion, not again at the interpretation naming it.
    @Test func aCriterionWithAnErrorIsStillAName() {
        let text = Self.scheme(appliesTo: "[depense-positive]").replacing("when: depense > 0 €", with: "when: depence > 0 €")
        let errors = Fixture.errors(text)
        #expect(errors.map(\.path) == ["eligibility[0].when"], "\(errors)")
    }
}
