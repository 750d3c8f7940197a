import Testing
@testable import SchemeLanguage

/// Schedules, per-month facts, conditional criteria, dated parameters and scheme references at load.
@Suite struct LanguageExtensionTests {
    let monthly = """
        inputs:
          loyer: {type: money, question: Loyer ?, per_month: true, statement: "Valeur : {value}."}
          debut: {type: date, question: Début ?, statement: "Valeur : {value}."}
          mois: {type: integer, question: Mois ?, statement: "Valeur : {value}."}
          naissance: {type: date, question: Naissance ?, statement: "Valeur : {value}."}
          entree: {type: date, question: Entrée ?, statement: "Valeur : {value}."}
        parameters:
          forfait:
            label: Forfait
            date: entree
            versions: {2019-01-01: 775 €, 2020-09-01: 1 150 €}

        """

    func scheme(_ eligibility: String, schedule: String = "") -> String {
        Fixture.header + monthly + "eligibility:\n" + eligibility + "\n" + schedule
    }

    @Test func aPerMonthFactOutsideTheScheduleIsALoadError() throws {
        let errors = Fixture.errors(scheme("  - {id: c, label: C, failure: F, when: loyer > 0 €}"))
        let error = try #require(errors.first)
        #expect(error.message.contains("« loyer » a une valeur pour chaque mois"))
    }

    @Test func aScheduleLoadsWithMonthBuiltins() throws {
        let text = scheme("  - {id: c, label: C, failure: F, when: \"true\"}", schedule: """
            schedule:
              start: debut
              months: mois
              max_months: 12
              stop: age(naissance, month_end) >= 25
              stop_reason: vingt-cinq ans.
              steps:
                - {id: aide, label: Aide, value: "min(loyer, 500 €)", wording: Calcul}
              result: aide
            amount:
              steps:
                - {id: total, label: Total, value: schedule_total, wording: Calcul}
              result: total

            """)
        let loaded = try Fixture.load(text).get()
        #expect(loaded.schedule?.steps.count == 1)
    }

    @Test func scheduleTotalIsOnlyKnownWithASchedule() throws {
        let text = scheme("  - {id: c, label: C, failure: F, when: \"true\"}", schedule: """
            amount:
              steps:
                - {id: total, label: Total, value: schedule_total, wording: Calcul}
              result: total

            """)
        #expect(Fixture.errors(text).contains { $0.message.contains("nom « schedule_total » inconnu") })
    }

    @Test func aStopWithoutItsReasonIsRefused() throws {
        let text = scheme("  - {id: c, label: C, failure: F, when: \"true\"}", schedule: """
            schedule:
              start: debut
              months: mois
              stop: age(naissance, month) >= 25
              steps:
                - {id: aide, label: Aide, value: loyer, wording: Calcul}
              result: aide

            """)
        #expect(Fixture.errors(text).contains { $0.message.contains("stop_reason") })
    }

    @Test func conditionalCriterionTypeChecksItsCondition() throws {
        let errors = Fixture.errors(scheme("  - {id: c, label: C, failure: F, applies_when: mois, when: \"true\"}"))
        #expect(errors.contains { $0.message.contains("attendu une formule qui donne un booléen") && $0.path == "eligibility[0].applies_when" })
    }

    @Test func outcomeTakesASchemeIDInQuotes() throws {
        let errors = Fixture.errors(scheme("  - {id: c, label: C, failure: F, when: outcome(fsl) == \"favorable\"}"))
        #expect(errors.contains { $0.message.contains("outcome prend l'identifiant d'un dispositif entre guillemets") })
        let text = scheme("  - {id: c, label: C, failure: F, when: outcome(\"fsl\") == \"accordé\"}")
        #expect(Fixture.errors(text).contains { $0.message.contains("« accordé » n'est pas une valeur de « outcome »") })
    }

    @Test func referencesAreRecordedWithTheirPlace() throws {
        let loaded = try Fixture.load(scheme("  - {id: c, label: C, failure: F, when: outcome(\"fsl\") != \"favorable\"}")).get()
        #expect(loaded.references.map(\.id) == ["fsl"])
    }

    @Test func aParameterDatedByAFactChoosesItsVersionFromIt() throws {
        let loaded = try Fixture.load(scheme("  - {id: c, label: C, failure: F, when: \"true\"}")).get()
        let forfait = try #require(loaded.parameters.first)
        #expect(forfait.date != nil)
        #expect(Fixture.errors(scheme("  - {id: c, label: C, failure: F, when: \"true\"}").replacing("date: entree", with: "date: mois"))
            .contains { $0.message.contains("attendu une formule qui donne une date") })
    }
}
