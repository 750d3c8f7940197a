extension DecimalNumber: CustomStringConvertible {
    /// Canonical, locale-free text of the normalized value: `"40000"`, `"0.5"`, `"-12.34"`, `"0"`.
    /// Parsing it back gives an equal value.
    public var description: String {
        render(decimalSeparator: ".", groupSeparator: nil, minimumFractionDigits: 0)
    }

    /// The canonical text, with a zero added when a French reader would take its `.` for a
    /// thousands separator: `"123.4560"` rather than `"123.456"` (a hundred and twenty-three
    /// thousand to `init(parsing:)`). For values written into files that people also read.
    public var unambiguousDescription: String {
        let text = description
        guard let dot = text.firstIndex(of: "."), text.distance(from: dot, to: text.endIndex) == 4 else { return text }
        let integer = text[..<dot].drop { $0 == "-" }
        guard (1...3).contains(integer.count), integer.first != "0" else { return text }
        return text + "0"
    }

    /// French display: digits grouped by three with U+202F NARROW NO-BREAK SPACE, a comma
    /// as decimal separator, and the fraction padded with zeros to at least
    /// `minimumFractionDigits` digits (negative counts act as 0).
    /// Examples: (40000, 2) → "40 000,00", (0.5, 0) → "0,5", (-1234.5, 2) → "-1 234,50".
    public func frenchFormatted(minimumFractionDigits: Int = 0) -> String {
        render(decimalSeparator: ",", groupSeparator: "\u{202F}", minimumFractionDigits: minimumFractionDigits)
    }

    /// Written as UTF-8 bytes: decisions print several amounts each, and a batch thousands of
    /// decisions.
    private func render(
        decimalSeparator: Unicode.Scalar, groupSeparator: Unicode.Scalar?, minimumFractionDigits: Int
    ) -> String {
        let zero = UInt8(ascii: "0")
        let value = normalized
        var digits = Array(String(value.significand.magnitude).utf8)
        // Ensure at least one integer digit before the fraction ("0.05", not ".05").
        if digits.count <= value.scale {
            digits.insert(contentsOf: repeatElement(zero, count: value.scale + 1 - digits.count), at: 0)
        }
        let integerCount = digits.count - value.scale
        let padding = max(0, minimumFractionDigits - value.scale)
        var text: [UInt8] = []
        text.reserveCapacity(digits.count + padding + 4 * (integerCount / 3) + 8)
        if value.isNegative { text.append(UInt8(ascii: "-")) }
        for index in 0..<integerCount {
            if let groupSeparator, index > 0, (integerCount - index) % 3 == 0 { UTF8.encode(groupSeparator) { text.append($0) } }
            text.append(digits[index])
        }
        if value.scale + padding > 0 {
            UTF8.encode(decimalSeparator) { text.append($0) }
            text.append(contentsOf: digits[integerCount...])
            text.append(contentsOf: repeatElement(zero, count: padding))
        }
        return String(decoding: text, as: UTF8.self)
    }
}
