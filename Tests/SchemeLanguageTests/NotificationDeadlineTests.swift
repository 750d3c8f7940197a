import Testing
@testable import SchemeLanguage

/// `notification: {before: …, source: …}`: the day of each year before which acts are notified.
@Suite struct NotificationDeadlineTests {
    func scheme(_ notification: String) -> String {
        Fixture.header + "notification: \(notification)\neligibility:\n  - {id: c, label: C, failure: F, when: \"true\"}\n"
    }

    func onlyError(_ text: String) throws -> Diagnostic {
        let errors = Fixture.errors(text)
        #expect(errors.count == 1, "\(errors)")
        return try #require(errors.first)
    }

    @Test func aDeadlineLoadsAndDatesEachYear() throws {
        let loaded = try Fixture.load(scheme("{before: 1er novembre, source: delib}")).get()
        let rule = try #require(loaded.notificationDeadline)
        #expect(rule.month == 11 && rule.day == 1 && rule.source == "delib")
        // The first 1st of November after the filing: the data of the « exercice N ».
        let filed = LocalDate(year: 2020, month: 10, day: 15)!
        #expect(rule.deadline(forFilingOn: filed) == LocalDate(year: 2020, month: 11, day: 1))
        #expect(!rule.isLate(notifiedOn: LocalDate(year: 2020, month: 10, day: 31)!, filedOn: filed))
        #expect(rule.isLate(notifiedOn: LocalDate(year: 2020, month: 11, day: 1)!, filedOn: filed))
        // A vote in January of the next year is late all the same.
        #expect(rule.isLate(notifiedOn: LocalDate(year: 2021, month: 1, day: 20)!, filedOn: filed))
        // Filed on the day itself or after: the next year's deadline.
        #expect(rule.deadline(forFilingOn: LocalDate(year: 2020, month: 11, day: 1)!) == LocalDate(year: 2021, month: 11, day: 1))
        #expect(rule.deadline(forFilingOn: LocalDate(year: 2020, month: 12, day: 3)!) == LocalDate(year: 2021, month: 11, day: 1))
        #expect(try Fixture.load(scheme("{before: 15 Octobre, source: delib}")).get().notificationDeadline?.month == 10)
    }

    @Test func aDayThatIsNotEveryYearsIsRefusedAtItsPlace() throws {
        for wrong in ["29 février", "31 novembre", "novembre", "11-01", "1 brumaire"] {
            let text = scheme("{before: \(wrong), source: delib}")
            let error = try onlyError(text)
            #expect(error.message.contains("attendu un jour de l'année, comme 1er novembre ou 15 octobre"), "\(error.message)")
            #expect(error.message.contains("« \(wrong) »"), "\(error.message)")
            #expect(error.path == "notification.before")
            #expect(error.mark.column == "notification: {before: ".count + 1)
        }
    }

    @Test func itsSourceMustBeDeclaredAndBothFieldsGiven() throws {
        let unknown = try onlyError(scheme("{before: 1er novembre, source: deli}"))
        #expect(unknown.message.contains("source « deli » inconnue"), "\(unknown.message)")
        #expect(unknown.path == "notification.source")
        let missing = try onlyError(scheme("{before: 1er novembre}"))
        #expect(missing.message.contains("champ « source » manquant"), "\(missing.message)")
        let extra = try onlyError(scheme("{before: 1er novembre, source: delib, after: 1er octobre}"))
        #expect(extra.message.contains("champ « after » inconnu"), "\(extra.message)")
    }
}
