/// A calendar date without time or time zone, as written in deliberations and application files.
///
/// Dates in aid rules are civil dates ("déposé le 6 novembre 2020"): no time zone can shift them.
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date, or nil when the day does not exist in the proleptic Gregorian calendar.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...LocalDate.daysInMonth(year: year, month: month)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// For a day already known to exist (the first or last of a valid date's month, a
    /// `NotificationDeadline`'s day, which exists in every year).
    init(existing year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses the ISO 8601 form `YYYY-MM-DD`, nothing else.
    public init?(iso text: some StringProtocol) {
        // Read straight from the string's UTF-8 when it is contiguous, as it is for native strings.
        guard let parsed = text.utf8.withContiguousStorageIfAvailable(LocalDate.parse(iso:)) ?? Array(text.utf8).withUnsafeBufferPointer(LocalDate.parse(iso:)) else {
            return nil
        }
        self = parsed
    }


    private static func parse(iso utf8: UnsafeBufferPointer<UInt8>) -> LocalDate? {
        guard utf8.count == 10, utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in utf8[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        return LocalDate(year: y, month: m, day: d)
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil), for differences between dates.
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01 (Howard Hinnant's civil_from_days), the inverse of
    /// `daysSinceEpoch`; nil outside the years 1 to 9999.
    public init?(daysSinceEpoch days: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let doe = shifted - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// Whole years elapsed from `self` to `date`: a person born on `self` has this age on `date`.
    /// A birthday on 29 February is reached on 1 March in common years.
    public func wholeYears(until date: LocalDate) -> Int {
        var years = date.year - year
        if (date.month, date.day) < (month, day) { years -= 1 }
        return years
    }

    /// Whole months elapsed from `self` to `date` (negative when `date` is earlier).
    public func wholeMonths(until date: LocalDate) -> Int {
        if date < self { return -date.wholeMonths(until: self) }
        var months = (date.year - year) * 12 + (date.month - month)
        if date.day < day { months -= 1 }
        return months
    }

    /// The first day of the month `count` months after this date's month; nil when that month
    /// is outside the years 1 to 9999 that dates cover.
    public func firstOfMonth(adding count: Int) -> LocalDate? {
        let (index, overflow) = (year * 12 + (month - 1)).addingReportingOverflow(count)
        guard !overflow, index >= 12 else { return nil }
        return LocalDate(year: index / 12, month: index % 12 + 1, day: 1)
    }

    /// The same day `count` months later (the month's last day when that month is shorter), as
    /// a time limit in months is counted; nil outside the years 1 to 9999.
    public func adding(months count: Int) -> LocalDate? {
        guard let first = firstOfMonth(adding: count) else { return nil }
        return LocalDate(year: first.year, month: first.month, day: min(day, LocalDate.daysInMonth(year: first.year, month: first.month)))
    }

    /// The last day of this date's month.
    public var lastOfMonth: LocalDate {
        LocalDate(existing: year, month: month, day: LocalDate.daysInMonth(year: year, month: month))
    }

    /// The first day of this date's month.
    public var firstOfMonth: LocalDate {
        LocalDate(existing: year, month: month, day: 1)
    }

    /// `2020-11`, as months are written in application files.
    public var yearMonth: String {
        String(description.prefix(7))
    }

    /// French month and year: "novembre 2020".
    public var frenchMonth: String {
        "\(LocalDate.frenchMonths[month - 1]) \(year)"
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// ISO form `YYYY-MM-DD`.
    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    private static let frenchMonths = [
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ]

    /// The number of a month from its French name (« novembre » → 11), nil for any other word.
    static func frenchMonthNumber(_ name: String) -> Int? {
        frenchMonths.firstIndex(of: name.lowercased()).map { $0 + 1 }
    }

    /// French long form, as in a decision: "1er septembre 2020", "28 septembre 2020".
    public var frenchLong: String {
        let dayText = day == 1 ? "1er" : String(day)
        return "\(dayText) \(LocalDate.frenchMonths[month - 1]) \(year)"
    }

    /// French numeric form: "28/09/2020".
    public var frenchShort: String {
        let text = description
        let parts = text.split(separator: "-")
        return "\(parts[2])/\(parts[1])/\(parts[0])"
    }
}
