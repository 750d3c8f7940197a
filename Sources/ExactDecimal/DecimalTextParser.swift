/// Accumulates decimal digits into a significand and scale, enforcing the 38-significant-digit
/// and `maxScale` limits while keeping every accepted value exact.
struct DigitAccumulator {
    static let maxSignificantDigits = 38

    private(set) var significand: Int128 = 0
    private(set) var scale = 0
    private var significantDigits = 0
    /// Fraction zeros not applied yet: they only matter if a nonzero digit follows,
    /// so trailing zeros beyond the limits can be dropped without changing the value.
    private var pendingFractionZeros = 0

    mutating func appendIntegerDigit(_ digit: Int128) -> Bool {
        push(digit)
    }

    mutating func appendFractionDigit(_ digit: Int128) -> Bool {
        if digit == 0 {
            pendingFractionZeros += 1
            return true
        }
        guard flushFractionZeros(count: pendingFractionZeros) else { return false }
        pendingFractionZeros = 0
        scale += 1
        return scale <= DecimalNumber.maxScale && push(digit)
    }

    /// Keeps the written trailing zeros ("0,50" has scale 2) as far as the limits allow.
    mutating func finish() {
        let digitRoom = significantDigits == 0 ? pendingFractionZeros : Self.maxSignificantDigits - significantDigits
        let kept = min(pendingFractionZeros, DecimalNumber.maxScale - scale, digitRoom)
        _ = flushFractionZeros(count: kept)
        pendingFractionZeros = 0
    }

    private mutating func flushFractionZeros(count: Int) -> Bool {
        for _ in 0..<count {
            scale += 1
            guard scale <= DecimalNumber.maxScale, push(0) else { return false }
        }
        return true
    }

    /// Leading zeros are not significant and do not count against the limit.
    private mutating func push(_ digit: Int128) -> Bool {
        if significantDigits == 0 && digit == 0 { return true }
        guard significantDigits < Self.maxSignificantDigits else { return false }
        // At most 38 digits: below 10^38 < Int128.max, so this cannot overflow.
        significand = significand * 10 + digit
        significantDigits += 1
        return true
    }
}

/// A one-pass recognizer for the decimal text people write in French files.
///
/// A `.` after a first group of 1 to 3 digits (not starting with 0) and followed by exactly three
/// digits separates thousands (`60.000`, `1.234.567,89`); otherwise it is a decimal point. A `,`
/// in the same place is ambiguous (`60,000`: sixty or sixty thousand?), and so is any English
/// grouping (`1,234.56`, `1,234,567`): the parser stops and says so rather than guess.
struct DecimalTextParser {
    private enum Phase {
        case start, integer, fraction
        /// After a `.` or `,` that may separate thousands: its digits are held until the next
        /// character says whether they belong to the integer part or to the fraction.
        case pendingGroup
    }

    private var phase = Phase.start
    private var negative = false
    private var digits = DigitAccumulator()
    private var integerDigitCount = 0
    private var fractionDigitCount = 0
    private var leadingZero = false
    /// The first grouping separator seen; later ones must match it.
    private var groupSeparator: Unicode.Scalar?
    /// Digits since the start or the last grouping separator.
    private var groupLength = 0
    /// The `.` or `,` that opened the pending group, and whether it was the first separator.
    private var pendingSeparator: Unicode.Scalar = "."
    private var pendingIsFirst = false
    private var pendingValue: Int128 = 0
    private var pendingCount = 0
    /// Set when the text reads in more than one way; the caller then lists the readings.
    private(set) var isAmbiguous = false

    /// Feeds one scalar; false as soon as the text cannot be read as one number.
    mutating func consume(_ scalar: Unicode.Scalar) -> Bool {
        let digit = asciiDigit(scalar)
        switch phase {
        case .start:
            phase = .integer
            if scalar == "-" || scalar == "+" {
                negative = scalar == "-"
                return true
            }
            return consumeInteger(scalar, digit: digit)
        case .integer:
            return consumeInteger(scalar, digit: digit)
        case .pendingGroup:
            return consumePending(scalar, digit: digit)
        case .fraction:
            guard let digit else { return false }
            fractionDigitCount += 1
            return digits.appendFractionDigit(digit)
        }
    }

    /// The parsed value, or nil when the text ended too early (empty, bare sign, "5.", "1 23")
    /// or reads in more than one way (`isAmbiguous`).
    mutating func finish() -> DecimalNumber? {
        switch phase {
        case .start: return nil
        case .integer: guard integerPartIsComplete else { return nil }
        case .fraction: guard fractionDigitCount > 0 else { return nil }
        case .pendingGroup:
            if pendingCount == 3 {
                guard pendingSeparator == "." else {
                    isAmbiguous = true
                    return nil
                }
                guard confirmGroup() else { return nil }
            } else {
                guard pendingIsFirst, pendingCount > 0, flushPending(asFraction: true) else { return nil }
            }
        }
        digits.finish()
        let value = negative ? 0 - digits.significand : digits.significand
        return DecimalNumber(uncheckedSignificand: value, scale: digits.scale)
    }

    private var integerPartIsComplete: Bool {
        integerDigitCount > 0 && (groupSeparator == nil || groupLength == 3)
    }

    /// Whether a `.` or `,` here may separate thousands: only after a first group of 1 to 3
    /// digits not starting with 0 (`0,125`, `1234.567` and `40 000,000` are decimals).
    private var mayOpenGroup: Bool {
        groupSeparator == nil && (1...3).contains(integerDigitCount) && !leadingZero
    }

    private mutating func consumeInteger(_ scalar: Unicode.Scalar, digit: Int128?) -> Bool {
        if let digit {
            if integerDigitCount == 0 { leadingZero = digit == 0 }
            integerDigitCount += 1
            groupLength += 1
            guard groupSeparator == nil || groupLength <= 3 else { return false }
            return digits.appendIntegerDigit(digit)
        }
        if scalar == "." || scalar == "," {
            guard integerPartIsComplete else { return false }
            guard mayOpenGroup else {
                phase = .fraction
                return true
            }
            openPending(scalar, first: groupSeparator == nil)
            return true
        }
        switch scalar {
        case " ", "\u{00A0}", "\u{202F}": return consumeGroupSeparator(scalar)
        default: return false
        }
    }

    private mutating func openPending(_ separator: Unicode.Scalar, first: Bool) {
        phase = .pendingGroup
        pendingSeparator = separator
        pendingIsFirst = first
        pendingValue = 0
        pendingCount = 0
    }

    private mutating func consumePending(_ scalar: Unicode.Scalar, digit: Int128?) -> Bool {
        if let digit {
            if pendingCount < 3 {
                pendingValue = pendingValue * 10 + digit
                pendingCount += 1
                return true
            }
            // A fourth digit: the separator was a decimal point or comma, unless groups came before.
            guard pendingIsFirst, flushPending(asFraction: true) else { return false }
            phase = .fraction
            fractionDigitCount += 1
            return digits.appendFractionDigit(digit)
        }
        guard pendingCount == 3, scalar == "." || scalar == "," else { return false }
        if pendingSeparator == "," {
            // `1,234,567` or `1,234.56`: English grouping, or a French decimal comma mistyped.
            isAmbiguous = true
            return false
        }
        guard confirmGroup() else { return false }
        if scalar == "." {
            openPending(".", first: false)
        } else {
            phase = .fraction
        }
        return true
    }

    /// The three pending digits are a thousands group of the integer part.
    private mutating func confirmGroup() -> Bool {
        guard flushPending(asFraction: false) else { return false }
        groupSeparator = "."
        groupLength = 3
        integerDigitCount += 3
        phase = .integer
        return true
    }

    private mutating func flushPending(asFraction: Bool) -> Bool {
        var divisor: Int128 = pendingCount == 3 ? 100 : pendingCount == 2 ? 10 : 1
        for _ in 0..<pendingCount {
            let digit = pendingValue / divisor % 10
            divisor /= 10
            if asFraction {
                fractionDigitCount += 1
                guard digits.appendFractionDigit(digit) else { return false }
            } else {
                guard digits.appendIntegerDigit(digit) else { return false }
            }
        }
        pendingCount = 0
        return true
    }

    /// The first group holds 1 to 3 digits, every later one exactly 3, all with the same separator.
    private mutating func consumeGroupSeparator(_ scalar: Unicode.Scalar) -> Bool {
        if let groupSeparator {
            guard scalar == groupSeparator, groupLength == 3 else { return false }
        } else {
            guard (1...3).contains(groupLength) else { return false }
            groupSeparator = scalar
        }
        groupLength = 0
        return true
    }

    private func asciiDigit(_ scalar: Unicode.Scalar) -> Int128? {
        guard ("0"..."9").contains(scalar) else { return nil }
        return Int128(scalar.value - 48)
    }
}

extension DecimalNumber {
    /// Parses decimal text as people write it in French files; nil when the text is not a
    /// number or reads in more than one way (see `reading(_:)`).
    ///
    /// Accepted: an optional sign (`-` or `+`), at least one ASCII digit, and an optional
    /// fraction introduced by `,` or `.` with at least one digit. Thousands may be grouped with
    /// a space, U+00A0 NO-BREAK SPACE or U+202F NARROW NO-BREAK SPACE, or with `.` (one kind per
    /// number): a first group of 1 to 3 digits, then groups of exactly 3.
    /// Examples: `"40 000"`, `"40.000"` (forty thousand), `"40 000,00"`, `"1.234.567,89"`,
    /// `"1234.56"`, `"60.50"`, `"-0,5"`, `"0.125"`.
    ///
    /// Ambiguous (nil): a `,` followed by exactly three digits after a first group of 1 to 3
    /// digits (`"60,000"`: sixty or sixty thousand?) and English grouping (`"1,234.56"`,
    /// `"1,234,567"`).
    ///
    /// Rejected (nil): empty text, surrounding whitespace, units, exponents (`"1e5"`),
    /// a missing integer or fraction digit (`".5"`, `"5."`), grouping in the fraction,
    /// misplaced groups (`"1 23"`, `"1234 567"`, `"1.234.5"`), `"12,3,4"`,
    /// more than 38 significant digits, and nonzero digits beyond `maxScale` decimals.
    /// Written trailing zeros are kept in the scale while they fit (`"0,50"` has scale 2).
    public init?(parsing text: some StringProtocol) {
        // Amounts are parsed for every fact of every application: native strings are read
        // as UTF-8 bytes, without going through the generic scalar view.
        var parser = DecimalTextParser()
        let parsed = text.utf8.withContiguousStorageIfAvailable { DecimalNumber.parse(utf8: $0, with: &parser) }
            ?? DecimalNumber.parse(scalars: text.unicodeScalars, with: &parser)
        guard let parsed else { return nil }
        self = parsed
    }

    /// How a person's text reads: one number, several (ambiguous), or none.
    public static func reading(_ text: some StringProtocol) -> DecimalReading {
        var parser = DecimalTextParser()
        let parsed = text.utf8.withContiguousStorageIfAvailable { DecimalNumber.parse(utf8: $0, with: &parser) }
            ?? DecimalNumber.parse(scalars: text.unicodeScalars, with: &parser)
        if let parsed { return .number(parsed) }
        guard parser.isAmbiguous else { return .invalid }
        let readings = DecimalReading.candidates(String(text))
        return readings.isEmpty ? .invalid : .ambiguous(readings)
    }

    private static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>, with parser: inout DecimalTextParser) -> DecimalNumber? {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let scalar: Unicode.Scalar
            // The only non-ASCII characters a number may hold are its two grouping spaces.
            if byte < 0x80 {
                scalar = Unicode.Scalar(byte)
                index += 1
            } else if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 {
                scalar = "\u{00A0}"
                index += 2
            } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xAF {
                scalar = "\u{202F}"
                index += 3
            } else {
                return nil
            }
            guard parser.consume(scalar) else { return nil }
        }
        return parser.finish()
    }

    private static func parse(scalars: some Sequence<Unicode.Scalar>, with parser: inout DecimalTextParser) -> DecimalNumber? {
        for scalar in scalars {
            guard parser.consume(scalar) else { return nil }
        }
        return parser.finish()
    }
}
