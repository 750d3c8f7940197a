import ExactDecimal
import Platform
import YAMLReader

/// Recomputes a financing table: every printed total against the sum of what it adds up, and
/// every declared rule on every row (and total). Exact decimals; nothing is rounded.
public enum PlanChecker {
    /// The table's inconsistencies (errors), the checks its unprinted figures prevent
    /// (warnings), and what a total says of them (notes), in the order of the file.
    public static func check(_ table: FinancingTable) -> [PlanFinding] {
        var findings: [PlanFinding] = []
        for total in table.totals { findings += checkTotal(total, in: table) }
        for check in table.checks {
            for row in table.rows { findings += RuleCheck(check: check, table: table).apply(to: row.asLine) }
            guard check.appliesToTotals else { continue }
            // A total that prints only some columns (a figure quoted elsewhere) is held to the
            // rules on the columns it prints.
            for total in table.totals where check.columns.allSatisfy({ total.cells[$0] != nil }) {
                findings += RuleCheck(check: check, table: table).apply(to: total.asLine)
            }
        }
        return findings.sorted { ($0.mark.line, $0.mark.column, $0.message) < ($1.mark.line, $1.mark.column, $1.message) }
    }

    /// Each amount of a printed total against the sum of the lines it adds up.
    static func checkTotal(_ total: FinancingTable.Total, in table: FinancingTable) -> [PlanFinding] {
        let parts: [TableLine] = total.of.isEmpty
            ? table.rows.map(\.asLine)
            : total.of.compactMap { id in table.rows.first { $0.id == id }?.asLine ?? table.totals.first { $0.id == id }?.asLine }
        var findings: [PlanFinding] = []
        for column in table.columns where !column.isText {
            guard let cell = total.cells[column.id], let printed = cell.amount else { continue }
            let path = "totals[\(total.index)].\(column.id)"
            let what = "\(total.label), « \(column.label) »"
            let unprinted = parts.filter { $0.cells[column.id]?.amount == nil }
            guard let sum = Sum.of(parts.compactMap { $0.cells[column.id]?.amount }) else {
                findings.append(PlanFinding(.error, "\(what) : la somme des lignes dépasse ce que Guichet sait compter exactement", at: cell.mark, path: path, textLine: total.line))
                continue
            }
            let gap = Sum.gap(printed, sum)
            if unprinted.isEmpty {
                guard let gap else { continue }
                findings.append(PlanFinding(.error, "\(what) : total imprimé \(printed.euros), somme des lignes \(sum.euros) (écart \(gap.euros))",
                                            at: cell.mark, path: path, textLine: total.line))
            } else if let gap {
                findings.append(PlanFinding(.warning, "\(what) : total imprimé \(printed.euros), somme des montants imprimés \(sum.euros) (écart \(gap.euros)) ; "
                                            + "\(Self.describe(unprinted, column: column.id)) : l'écart peut leur revenir",
                                            at: cell.mark, path: path, textLine: total.line))
            } else {
                findings.append(PlanFinding(.note, "\(what) : le total imprimé \(printed.euros) est la somme des montants imprimés ; "
                                            + "\(Self.describe(unprinted, column: column.id)) : \(unprinted.count == 1 ? "elle vaut" : "elles valent") donc 0,00 € en tout",
                                            at: cell.mark, path: path, textLine: total.line))
            }
        }
        return findings
    }

    /// « 2 lignes sans montant imprimé (ligne 6832 : « ? », ligne 15170 : vide) ».
    static func describe(_ lines: [TableLine], column: String) -> String {
        let listed = lines.map { line in "ligne \(line.line) : \(line.cells[column].map { $0.printed.isEmpty ? "vide" : "« \($0.printed) »" } ?? "vide")" }
        let count = lines.count == 1 ? "1 ligne sans montant imprimé" : "\(lines.count) lignes sans montant imprimé"
        return "\(count) (\(listed.joined(separator: ", ")))"
    }
}

/// A row or a total, as the checks see it.
struct TableLine {
    let label: String
    let line: Int
    let mark: SourceMark
    /// `rows[3]` or `totals[0]`.
    let path: String
    let cells: [String: FinancingTable.Cell]
}

extension FinancingTable.Row {
    var asLine: TableLine { TableLine(label: label, line: line, mark: mark, path: "rows[\(index)]", cells: cells) }
}

extension FinancingTable.Total {
    var asLine: TableLine { TableLine(label: label, line: line, mark: mark, path: "totals[\(index)]", cells: cells) }
}

/// Exact sums and gaps; nil when they overflow.
enum Sum {
    static func of(_ amounts: [DecimalNumber]) -> DecimalNumber? {
        var sum = DecimalNumber.zero
        for amount in amounts {
            guard let next = try? sum.adding(amount) else { return nil }
            sum = next
        }
        return sum
    }

    /// The absolute difference, or nil when the two are equal (or too far apart to say).
    static func gap(_ a: DecimalNumber, _ b: DecimalNumber) -> DecimalNumber? {
        guard a != b, let difference = try? a.subtracting(b) else { return nil }
        return difference.isNegative ? difference.negated() : difference
    }
}
