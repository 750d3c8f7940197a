import Testing
@testable import SchemeLanguage

/// `in_force`, the period of application, and a test case's decision `date`: what loads, and
/// where each mistake is reported.
@Suite struct InForceLoadingTests {
    func scheme(window: String, criteria: String = "  - {id: c, label: C, failure: F, when: \"true\"}\n") -> String {
        Fixture.header + "in_force: \(window)\neligibility:\n" + criteria
    }

    func onlyError(_ text: String) throws -> Diagnostic {
        let errors = Fixture.errors(text)
        #expect(errors.count == 1, "\(errors)")
        return try #require(errors.first)
    }

    @Test func aWindowLoadsAsTheFirstCriterion() throws {
        let scheme = try Fixture.load(scheme(window: "{from: 2020-10-09, until: 2021-12-31, source: delib}")).get()
        #expect(scheme.inForce?.from == LocalDate(year: 2020, month: 10, day: 9))
        #expect(scheme.inForce?.until == LocalDate(year: 2021, month: 12, day: 31))
        #expect(scheme.inForce?.source == "delib")
        #expect(scheme.criteria.map(\.id) == ["periode-application", "c"])
        #expect(scheme.criteria[0].formula == "filing_date >= 2020-10-09 and filing_date <= 2021-12-31")
        #expect(scheme.criteria[0].label.hasSuffix("(du 9 octobre 2020 au 31 décembre 2021)."))
    }

    @Test func aWindowOnOneDayIsAllowed() throws {
        let scheme = try Fixture.load(scheme(window: "{from: 2020-10-09, until: 2020-10-09, source: delib}")).get()
        #expect(scheme.inForce?.contains(LocalDate(year: 2020, month: 10, day: 9)!) == true)
        #expect(scheme.inForce?.contains(LocalDate(year: 2020, month: 10, day: 10)!) == false)
    }

    /// A call's closing day, judged by its criteria, is named for the catalogue: a date parameter.
    @Test func aDeadlineNamesADateParameter() throws {
        let parameters = "parameters:\n  date_cloture: {label: Clôture, value: 2020-11-06, source: delib}\n  taux: {label: Taux, value: 50 %, source: delib}\n"
        let good = scheme(window: "{from: 2020-10-05, deadline: date_cloture, source: delib}") + parameters
        #expect(try Fixture.load(good).get().inForce?.deadline == "date_cloture")
        let unknown = scheme(window: "{from: 2020-10-05, deadline: date_clotur, source: delib}") + parameters
        let error = try onlyError(unknown)
        #expect(error.message == "in_force.deadline : paramètre « date_clotur » inconnu ; vouliez-vous dire « date_cloture » ?", "\(error.message)")
        #expect(error.path == "in_force.deadline")
        #expect(error.mark.column == "in_force: {from: 2020-10-05, deadline: ".count + 1)
        let rate = try onlyError(scheme(window: "{from: 2020-10-05, deadline: taux, source: delib}") + parameters)
        #expect(rate.message.hasPrefix("in_force.deadline : le paramètre « taux » n'est pas une date"), "\(rate.message)")
    }

    @Test func withoutABoundTheWindowIsRefused() throws {
        let text = scheme(window: "{source: delib}")
        let error = try onlyError(text)
        #expect(error.message.hasPrefix("in_force sans borne : donnez from"), "\(error.message)")
        #expect(error.path == "in_force")
        #expect(error.mark.line == Fixture.line(of: "in_force:", in: text))
    }

    @Test func anEndBeforeTheStartIsRefusedAtTheEnd() throws {
        let text = scheme(window: "{from: 2021-01-01, until: 2020-12-31, source: delib}")
        let error = try onlyError(text)
        #expect(error.message == "la période d'application finit le 31 décembre 2020, avant de commencer le 1er janvier 2021 : until doit être le même jour que from ou après")
        #expect(error.path == "in_force.until")
        // `in_force: {from: 2021-01-01, until: 2020-12-31, …}`: the column of the end date.
        #expect(error.mark.column == "in_force: {from: 2021-01-01, until: ".count + 1)
    }

    @Test(arguments: ["2020-13-01", "9 octobre 2020", "[2020-10-09]"])
    func aDateNotWrittenYYYYMMDDIsRefused(written: String) throws {
        let text = scheme(window: "{from: \(written), source: delib}")
        let error = try onlyError(text)
        #expect(error.message.hasPrefix("date attendue au format AAAA-MM-JJ"), "\(error.message)")
        #expect(error.path == "in_force.from")
    }

    @Test func theSourceIsRequired() throws {
        let error = try onlyError(scheme(window: "{from: 2020-10-09}"))
        #expect(error.message.hasPrefix("in_force sans source : citez le passage"), "\(error.message)")
        #expect(error.path == "in_force.source")
    }

    @Test func anUnknownSourceGetsTheClosestOne() throws {
        let text = scheme(window: "{from: 2020-10-09, source: delb}")
        let error = try onlyError(text)
        #expect(error.message == "source « delb » inconnue ; vouliez-vous dire « delib » ?")
        #expect(error.path == "in_force.source")
        #expect(error.mark.line == Fixture.line(of: "source: delb", in: text))
    }

    @Test func anUnknownFieldIsReported() throws {
        let error = try onlyError(scheme(window: "{from: 2020-10-09, to: 2021-12-31, source: delib}"))
        #expect(error.path == "in_force.to")
    }

    @Test func aWindowThatIsNotAMappingIsRefused() throws {
        let error = try onlyError(scheme(window: "2020-10-09"))
        #expect(error.message.hasPrefix("in_force attend un ensemble de champs"), "\(error.message)")
        #expect(error.path == "in_force")
    }

    @Test func aCriterionMayNotTakeTheWindowsID() throws {
        let text = scheme(window: "{from: 2020-10-09, source: delib}",
                          criteria: "  - {id: periode-application, label: C, failure: F, when: \"true\"}\n")
        let error = try onlyError(text)
        #expect(error.message.hasPrefix("l'identifiant « periode-application » est celui du critère que crée in_force"), "\(error.message)")
        #expect(error.path == "eligibility[0].id")
        // Without in_force, the id is free.
        #expect(throws: Never.self) { try Fixture.load(Fixture.header + "eligibility:\n  - {id: periode-application, label: C, failure: F, when: \"true\"}\n").get() }
    }

    @Test func testCasesNameTheWindowsCriterionAndStateADecisionDate() throws {
        let text = scheme(window: "{from: 2020-10-09, source: delib}") + """
            tests:
              - name: Avant
                date: 2020-11-02
                application: {filed: 2020-10-08}
                expect: {outcome: défavorable, failed: [periode-application]}
              - name: Sans date
                application: {filed: 2020-10-12}
                expect: {outcome: favorable}

            """
        let scheme = try Fixture.load(text).get()
        #expect(scheme.tests.map(\.decisionDate) == [LocalDate(year: 2020, month: 11, day: 2), nil])
        #expect(scheme.tests.map(\.referenceDate) == [LocalDate(year: 2020, month: 11, day: 2)!, LocalDate(year: 2020, month: 10, day: 12)!])
        #expect(scheme.tests[0].failed == ["periode-application"])
    }

    @Test func aTestCaseIsNotDecidedBeforeItIsFiled() throws {
        let text = scheme(window: "{from: 2020-10-09, source: delib}") + """
            tests:
              - name: Décidée trop tôt
                date: 2020-10-11
                application: {filed: 2020-10-12}
                expect: {outcome: favorable}

            """
        let error = try onlyError(text)
        #expect(error.message.hasPrefix("la décision (11 octobre 2020) ne peut précéder le dépôt de la demande (12 octobre 2020)"), "\(error.message)")
        #expect(error.path == "tests[0].date")
        #expect(error.mark.line == Fixture.line(of: "date: 2020-10-11", in: text))
    }

    @Test func aTestCaseDateNotWrittenYYYYMMDDIsRefused() throws {
        let text = Fixture.header + "eligibility:\n  - {id: c, label: C, failure: F, when: \"true\"}\n" + """
            tests:
              - {name: N, date: 02/11/2020, application: {filed: 2020-10-12}, expect: {outcome: favorable}}

            """
        let error = try onlyError(text)
        #expect(error.message.hasPrefix("date de décision attendue au format AAAA-MM-JJ"), "\(error.message)")
        #expect(error.path == "tests[0].date")
    }
}
