import Testing
import SchemeLanguage

@Suite struct LocalDateTests {
    /// `init(daysSinceEpoch:)` undoes `daysSinceEpoch`, across leap days, centuries and the ends of the range.
    @Test(arguments: ["0001-01-01", "1600-02-29", "1900-02-28", "1900-03-01", "1969-12-31", "1970-01-01",
                      "2000-02-29", "2020-10-09", "2021-12-31", "9999-12-31"])
    func daysSinceEpochRoundTrips(_ text: String) throws {
        let date = try #require(LocalDate(iso: text))
        #expect(LocalDate(daysSinceEpoch: date.daysSinceEpoch) == date)
        #expect(LocalDate(daysSinceEpoch: date.daysSinceEpoch + 1).map { $0 > date } != false)
    }

    @Test func consecutiveDaysFollowEachOther() throws {
        let start = try #require(LocalDate(iso: "2020-02-27")).daysSinceEpoch
        let days = (0..<4).compactMap { LocalDate(daysSinceEpoch: start + $0)?.description }
        #expect(days == ["2020-02-27", "2020-02-28", "2020-02-29", "2020-03-01"])
    }

    @Test func daysOutsideTheYears1To9999AreNoDate() throws {
        let first = try #require(LocalDate(iso: "0001-01-01")).daysSinceEpoch
        let last = try #require(LocalDate(iso: "9999-12-31")).daysSinceEpoch
        #expect(LocalDate(daysSinceEpoch: first - 1) == nil)
        #expect(LocalDate(daysSinceEpoch: last + 1) == nil)
    }
}
