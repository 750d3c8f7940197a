import SchemeLanguage

/// Dates as exports write them: `2020-10-12`, the CSV's `2020-10-12 09:14:03 +0200`, the API's
/// `2020-10-12T09:14:03+02:00`, and a French spreadsheet's `12/10/2020` (day first, always).
///
/// A time's date is the one written, in the time zone written beside it: the platform writes
/// French time. A time written in UTC late in the evening is refused, since it is already the
/// next day in France and the filing date must not move silently.
enum ExportDates {
    enum Reading: Equatable {
        case date(LocalDate)
        /// A time in UTC from 22:00: already the next day in France.
        case lateUTC
        case unreadable
    }

    static func read(_ text: String) -> Reading {
        let characters = Array(text)
        if characters.count >= 10, let date = LocalDate(iso: String(characters[0..<10])) {
            if characters.count == 10 { return .date(date) }
            let rest = String(characters[10...])
            guard rest.first == " " || rest.first == "T", let time = Time(rest.dropFirst()) else { return .unreadable }
            return time.isLateUTC ? .lateUTC : .date(date)
        }
        return french(characters).map(Reading.date) ?? .unreadable
    }

    /// `12/10/2020` or `12/10/2020 09:14`.
    private static func french(_ characters: [Character]) -> LocalDate? {
        guard characters.count >= 10, characters[2] == "/", characters[5] == "/" else { return nil }
        let digits = characters[0..<10].enumerated().filter { ![2, 5].contains($0.offset) }.map(\.element)
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let day = Int(String(digits[0..<2])), let month = Int(String(digits[2..<4])), let year = Int(String(digits[4..<8])) else { return nil }
        if characters.count > 10 {
            guard characters[10] == " ", Time(String(characters[11...])[...]) != nil else { return nil }
        }
        return LocalDate(year: year, month: month, day: day)
    }

    /// `09:14`, `09:14:03`, `09:14:03.123`, each optionally followed by a zone: `Z`, `+02:00`,
    /// `+0200` or ` +0200`.
    private struct Time {
        let hour: Int
        let utc: Bool

        init?(_ text: Substring) {
            let characters = Array(text)
            guard characters.count >= 5, characters[2] == ":", let hour = Int(String(characters[0..<2])),
                  let minute = Int(String(characters[3..<5])), (0...23).contains(hour), (0...59).contains(minute) else { return nil }
            var rest = characters[5...]
            if rest.first == ":" {
                guard rest.count >= 3, Int(String(rest.dropFirst().prefix(2))) != nil else { return nil }
                rest = rest.dropFirst(3)
                if rest.first == "." { rest = rest.dropFirst().drop { $0.isASCII && $0.isNumber } }
            }
            if rest.first == " " { rest = rest.dropFirst() }
            let zone = String(rest)
            guard zone.isEmpty || zone == "Z" || Self.isOffset(zone) else { return nil }
            self.hour = hour
            utc = zone == "Z" || zone == "+00:00" || zone == "+0000" || zone == "-00:00"
        }

        private static func isOffset(_ zone: String) -> Bool {
            let characters = Array(zone)
            guard let sign = characters.first, sign == "+" || sign == "-" else { return false }
            let digits = characters.dropFirst().filter { $0 != ":" }
            return digits.count == 4 && digits.allSatisfy { $0.isASCII && $0.isNumber }
                && (characters.count == 5 || (characters.count == 6 && characters[3] == ":"))
        }

        /// From 22:00 UTC it is already the next day in France (from 23:00 in winter).
        var isLateUTC: Bool { utc && hour >= 22 }
    }
}
