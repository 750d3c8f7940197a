import ExactDecimal
import SchemeLanguage

/// The register as CSV (RFC 4180), for a spreadsheet or another system.
public enum RegisterCSV {
    public static func render(_ entries: [RegisterEntry]) -> String {
        var lines = ["scheme,application,filed,outcome,amount,months,beneficiary,in_force,input_sha256,rules_sha256,decision_file"]
        for entry in entries {
            let fields = [entry.scheme, entry.application, entry.filed.description, entry.outcome.rawValue, entry.amountText ?? "", String(entry.months),
                          entry.beneficiary ?? "", entry.current ? "1" : "0", entry.inputHash, entry.rulesHash, entry.decisionFile ?? ""]
            lines.append(fields.map(CSV.field).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

}

/// RFC 4180 fields, shared by every CSV the tool writes.
public enum CSV {
    /// The field as is, or quoted (quotes doubled) when it holds a comma, a quote or a line break.
    public static func field(_ text: String) -> String {
        // A byte scan: this runs for every field of every line of a million-line file.
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }
}

/// Totals per scheme and year, for `guichet register granted`.
public enum RegisterTotals {
    /// Throws rather than print a total that overflowed. (An unreadable amount stops the query
    /// that reads the entries.)
    public static func lines(_ entries: [RegisterEntry]) throws -> [String] {
        var totals: [String: (amount: DecimalNumber, count: Int, months: Int)] = [:]
        for entry in entries {
            let year = entry.stageRecord.act?.date.year ?? entry.filed.year
            let key = "\(entry.scheme) \(year)"
            var total = totals[key] ?? (.zero, 0, 0)
            let months = total.months.addingReportingOverflow(entry.months)
            guard let sum = try? total.amount.adding(entry.amount ?? .zero), !months.overflow else {
                throw RegisterError("le total de \(key) dépasse la capacité de calcul (38 chiffres significatifs)")
            }
            total.amount = sum
            total.count += 1
            total.months = months.partialValue
            totals[key] = total
        }
        return totals.keys.sorted().map { key in
            let total = totals[key]!
            let months = total.months > 0 ? ", \(FrenchFormat.count(total.months)) mois" : ""
            return "\(key) : \(FrenchFormat.count(total.count, "décision")), \(FrenchFormat.money(total.amount))\(months)"
        }
    }
}
