import ExactDecimal

/// How an amount printed in a table reads: « 676 000 € », « 1 096 000€ », « 107080 » are
/// amounts; « - » and « - € » print a nil amount (zero); « ? », « ETP », « / » or an empty cell
/// print no figure at all, which no sum may guess.
enum PrintedAmount: Equatable {
    case amount(DecimalNumber)
    case noFigure
    /// Digits that cannot be read as one amount (« 60,000 »: sixty or sixty thousand?).
    case unreadable

    init(_ printed: String) {
        var text = Substring(printed.trimmingSpaces)
        if text.hasSuffix("€") { text = Substring(String(text.dropLast()).trimmingSpaces) }
        if text == "-" || text == "–" {
            self = .amount(.zero)
            return
        }
        guard text.contains(where: \.isNumber) else {
            self = .noFigure
            return
        }
        switch DecimalNumber.reading(text) {
        case .number(let value): self = .amount(value)
        case .ambiguous, .invalid: self = .unreadable
        }
    }
}

extension String {
    /// Without the spaces (ordinary, no-break, narrow no-break) at either end.
    var trimmingSpaces: String {
        let spaces: Set<Character> = [" ", "\u{00A0}", "\u{202F}", "\t"]
        return String(drop { spaces.contains($0) }.reversed().drop { spaces.contains($0) }.reversed())
    }

    /// Without any space, for finding a printed figure on a line of the text whatever its layout.
    var withoutSpaces: String {
        String(filter { !($0 == " " || $0 == "\u{00A0}" || $0 == "\u{202F}" || $0 == "\t") })
    }
}

extension DecimalNumber {
    /// « 1 096 000,00 € »: French digits, two decimals, as every amount Guichet prints.
    var euros: String { frenchFormatted(minimumFractionDigits: 2) + " €" }
}
