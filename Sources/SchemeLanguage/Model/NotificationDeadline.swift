/// The day of each year before which a scheme's acts are to be notified, as its text sets it:
/// the collèges' D.G.F. is « notifiée aux collèges avant la date du 1er novembre de l'exercice
/// N afin que les établissements puissent préparer leur budget N + 1 ».
///
/// The deadline is the first such day after the application was filed (`deadline(forFilingOn:)`).
/// A notification on that day or after is late: the act stays valid (the text gives the
/// authority a date to keep, not a condition of the act), and the instructor is warned when
/// deciding and when notifying.
public struct NotificationDeadline: Sendable, Equatable {
    public let month: Int
    public let day: Int
    /// The scheme's source (its id in `Scheme.sources`) that sets the date.
    public let source: String

    public init?(month: Int, day: Int, source: String) {
        // The 29th of February is no day of every year.
        guard (1...12).contains(month), LocalDate(year: 2001, month: month, day: day) != nil else { return nil }
        self.month = month
        self.day = day
        self.source = source
    }

    /// Reads « 1er novembre » or « 15 octobre »: a day of the month, then the month's French name.
    public init?(french text: String, source: String) {
        let words = text.split(separator: " ")
        guard words.count == 2, let month = LocalDate.frenchMonthNumber(String(words[1])) else { return nil }
        let dayText = words[0] == "1er" ? "1" : String(words[0])
        guard dayText.allSatisfy(\.isASCII), let day = Int(dayText) else { return nil }
        self.init(month: month, day: day, source: source)
    }

    /// The deadline of the acts on an application filed on `filed`: the first such day after
    /// its filing. The text dates it by the « exercice N » whose budget N + 1 the act prepares,
    /// which the application's data (filed in year N) belong to; the decision's own date would
    /// excuse a vote held in January of N + 1.
    public func deadline(forFilingOn filed: LocalDate) -> LocalDate {
        let sameYear = LocalDate(existing: filed.year, month: month, day: day)
        return sameYear > filed ? sameYear : LocalDate(existing: filed.year + 1, month: month, day: day)
    }

    /// Whether an act on an application filed on `filed` is notified late when on `notified`.
    public func isLate(notifiedOn notified: LocalDate, filedOn filed: LocalDate) -> Bool {
        notified >= deadline(forFilingOn: filed)
    }
}
