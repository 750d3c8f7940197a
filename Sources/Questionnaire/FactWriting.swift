import ExactDecimal
import SchemeLanguage

/// How the application file writes what a person typed, so that nothing typed can change the
/// file's structure: every text a quoted scalar (`YAMLScalar`).
public enum FactWriting {
    /// `text` as a double-quoted YAML scalar (`YAMLScalar`, shared with the imports).
    public static func quoted(_ text: String) -> String { YAMLScalar.quoted(text) }

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
