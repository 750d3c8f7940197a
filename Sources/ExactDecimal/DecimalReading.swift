/// How a text written by a person reads as a number.
public enum DecimalReading: Sendable, Equatable {
    case number(DecimalNumber)
    /// The text may mean any of these values (`60,000`: 60 000 or 60), the reading with
    /// thousands separators first; the caller must ask rather than choose.
    case ambiguous([DecimalNumber])
    case invalid

    /// The values an ambiguous text may mean: commas as thousands separators (with a `.` before
    /// the decimals, as in English), then a single comma as the decimal separator.
    /// Only runs to explain an error, so it favours clarity over speed.
    static func candidates(_ text: String) -> [DecimalNumber] {
        var body = Substring(text)
        var sign = ""
        if let first = body.first, first == "-" || first == "+" {
            sign = first == "-" ? "-" : ""
            body = body.dropFirst()
        }
        var readings: [DecimalNumber] = []
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
        if parts.count <= 2, groups.count >= 2, (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) {
            let fraction = parts.count == 2 ? "." + parts[1] : ""
            if let value = DecimalNumber(canonical: sign + groups.joined() + fraction) { readings.append(value) }
        }
        if parts.count == 1, groups.count == 2, let value = DecimalNumber(canonical: sign + groups.joined(separator: ".")) {
            readings.append(value)
        }
        return readings
    }
}

extension DecimalNumber {
    /// Parses the locale-free text that `description` writes (`"-1234.5"`): an optional `-`,
    /// ASCII digits, and an optional `.` followed by digits; no grouping, no other sign.
    ///
    /// For text written by programs (the register, generated files): there `"123.456"` is
    /// one hundred and twenty-three and a bit, whereas `init(parsing:)` reads it, as a French
    /// reader would, as a hundred and twenty-three thousand.
    public init?(canonical text: some StringProtocol) {
        // The bytes are read by a function that is not generic: called from another module,
        // the generic loop went through the protocol's witnesses for every byte, and a
        // register's history reads an amount per row.
        let utf8 = text.utf8
        guard let value = utf8.withContiguousStorageIfAvailable(Self.canonical)
                ?? Array(utf8).withUnsafeBufferPointer(Self.canonical) else { return nil }
        self = value
    }

    /// The value of canonical text given as UTF-8 (see `init(canonical:)`), nil when it is not.
    private static func canonical(_ bytes: UnsafeBufferPointer<UInt8>) -> DecimalNumber? {
        var digits = DigitAccumulator()
        var negative = false
        var integerDigits = 0
        var fractionDigits = 0
        var inFraction = false
        for (position, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "-") where position == 0:
                negative = true
            case UInt8(ascii: ".") where !inFraction && integerDigits > 0:
                inFraction = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = Int128(byte - UInt8(ascii: "0"))
                if inFraction {
                    fractionDigits += 1
                    guard digits.appendFractionDigit(digit) else { return nil }
                } else {
                    integerDigits += 1
                    guard digits.appendIntegerDigit(digit) else { return nil }
                }
            default:
                return nil
            }
        }
        guard integerDigits > 0, !inFraction || fractionDigits > 0 else { return nil }
        digits.finish()
        return DecimalNumber(uncheckedSignificand: negative ? 0 - digits.significand : digits.significand, scale: digits.scale)
    }
}
