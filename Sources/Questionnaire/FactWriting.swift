import ExactDecimal
import SchemeLanguage

/// How the application file writes what a person typed, so that nothing typed can change the
/// file's structure: every text is a double-quoted YAML scalar, with `\` and `"` escaped and
/// every character YAML would take as a line break or refuse as unprintable written as an escape
/// (`\u000A`). A name such as `Commune "X": {a: b}` stays one scalar, read back exactly.
public enum FactWriting {
    /// `text` as a double-quoted YAML scalar.
    public static func quoted(_ text: String) -> String {
        var result = "\""
        result.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            default:
                if needsEscape(scalar) {
                    result += "\\u" + hex(scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// C0 and C1 controls, DEL, the Unicode line and paragraph separators (which YAML reads as
    /// line breaks), the byte order mark and the non-characters YAML refuses.
    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// A figure as the scheme language reads it back exactly: thousands grouped with spaces, a
    /// decimal comma, and never exactly three decimals, which would read as thousands
    /// (`1,234`): 1,234 is written `1,2340`. Amounts keep their cents and a « € », rates their « % ».
    public static func number(_ magnitude: DecimalNumber, type: ValueType) -> String {
        switch type {
        case .money: return decimal(magnitude, minimumFractionDigits: 2) + " €"
        case .rate:
            guard let percent = try? magnitude.multipliedByHundred() else { return decimal(magnitude) }
            return decimal(percent) + " %"
        case .integer: return decimal(magnitude)
        default: return decimal(magnitude)
        }
    }

    static func decimal(_ value: DecimalNumber, minimumFractionDigits: Int = 0) -> String {
        let canonical = value.normalized.description
        let negative = canonical.hasPrefix("-")
        let unsigned = negative ? String(canonical.dropFirst()) : canonical
        let parts = unsigned.split(separator: ".", omittingEmptySubsequences: false)
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        while fraction.count < minimumFractionDigits { fraction += "0" }
        if fraction.count == 3 { fraction += "0" }
        let integer = grouped(String(parts[0]))
        return (negative ? "-" : "") + integer + (fraction.isEmpty ? "" : "," + fraction)
    }

    /// `60000` as `60 000`.
    private static func grouped(_ digits: String) -> String {
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return groups.joined(separator: " ")
    }
}
