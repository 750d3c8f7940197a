/// The day of each year before which a scheme's acts are to be notified, as its text sets it:
/// the collèges' D.G.F. is « notifiée aux collèges avant la date du 1er novembre de l'exercice
/// N afin que les établissements puissent préparer leur budget N + 1 ».
///
/// The deadline is that day of the year of the decision. A notification on that day or after
/// is late: the act stays valid (the text gives the authority a date to keep, not a condition of
/// the act), and the instructor is warned when deciding and when notifying.
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

    /// The deadline of an act decided on `decision`: the day in the decision's year. The act
    /// must be notified before it.
    public func deadline(forDecisionOn decision: LocalDate) -> LocalDate {
        LocalDate(existing: decision.year, month: month, day: day)
    }

    /// Whether an act decided on `decision` and notified on `notified` is notified late.
    public func isLate(notifiedOn notified: LocalDate, decidedOn decision: LocalDate) -> Bool {
        notified >= deadline(forDecisionOn: decision)
    }

    /// « 1er novembre ».
    public var frenchDay: String {
        let long = LocalDate(existing: 2001, month: month, day: day).frenchLong
        return String(long.dropLast(5))
    }
}
