import ExactDecimal
import Platform
import YAMLReader

/// One declared rule applied to one row or total.
struct RuleCheck {
    let check: FinancingTable.Check
    let table: FinancingTable

    func apply(to line: TableLine) -> [PlanFinding] {
        switch check.rule {
        case .sum(let total, let parts): sum(total: total, parts: parts, on: line)
        case .atMost(let value, let bound, let rate): compare(value, bound, rate, atMost: true, on: line)
        case .atLeast(let value, let bound, let rate): compare(value, bound, rate, atMost: false, on: line)
        }
    }

    private func label(_ column: String) -> String { "« \(table.column(column)?.label ?? column) »" }

    /// « ; règle « … » (lignes 13765 à 13769 du texte) ».
    private var rule: String {
        let lines = check.lines.map { lines in
            let several = lines.contains("-") || lines.contains(",")
            return " (\(several ? "lignes" : "ligne") \(lines.replacing("-", with: " à ")) du texte)"
        }
        return " ; règle « \(check.label) »" + (lines ?? "")
    }

    /// « « A », « B » et « C » ».
    private func list(_ columns: [String]) -> String {
        let labels = columns.map(label)
        guard labels.count > 1 else { return labels.joined() }
        return labels.dropLast().joined(separator: ", ") + " et " + labels[labels.count - 1]
    }

    private func heading(_ line: TableLine) -> String { "\(line.label) : " }

    private func sum(total: String, parts: [String], on line: TableLine) -> [PlanFinding] {
        let place = line.cells[total]?.mark ?? line.mark
        let path = "\(line.path).\(total)"
        guard let printed = line.cells[total]?.amount else {
            return [unverifiable(line, missing: [total], place: place, path: path)]
        }
        let missing = parts.filter { line.cells[$0]?.amount == nil }
        guard missing.isEmpty else { return [unverifiable(line, missing: missing, place: place, path: path)] }
        let amounts = parts.compactMap { line.cells[$0]?.amount }
        guard let computed = Sum.of(amounts) else {
            return [PlanFinding(.error, heading(line) + "la somme dépasse ce que Guichet sait compter exactement", at: place, path: path, textLine: line.line)]
        }
        guard let gap = Sum.gap(printed, computed) else { return [] }
        let terms = amounts.map(\.euros).joined(separator: " + ")
        let names = list(parts)
        return [PlanFinding(.error, heading(line) + "\(label(total)) imprimé \(printed.euros), somme de \(names) \(computed.euros) (\(terms)) (écart \(gap.euros))" + rule,
                            at: place, path: path, textLine: line.line)]
    }

    private func compare(_ value: String, _ bound: String, _ rate: DecimalNumber, atMost: Bool, on line: TableLine) -> [PlanFinding] {
        let place = line.cells[value]?.mark ?? line.mark
        let path = "\(line.path).\(value)"
        let missing = [value, bound].filter { line.cells[$0]?.amount == nil }
        guard missing.isEmpty, let amount = line.cells[value]?.amount, let base = line.cells[bound]?.amount else {
            return [unverifiable(line, missing: missing, place: place, path: path)]
        }
        guard let limit = try? base.multiplied(by: rate) else {
            return [PlanFinding(.error, heading(line) + "le produit dépasse ce que Guichet sait compter exactement", at: place, path: path, textLine: line.line)]
        }
        let kept = atMost ? !(limit < amount) : !(amount < limit)
        guard !kept, let gap = Sum.gap(amount, limit) else { return [] }
        let share = rate == .one ? label(bound) : "\(Self.percent(rate)) de \(label(bound))"
        let relation = atMost ? "au-dessus de" : "au-dessous de"
        let message = "\(label(value)) \(amount.euros) \(relation) \(share), soit \(limit.euros) (écart \(gap.euros))"
        return [PlanFinding(.error, heading(line) + message + rule, at: place, path: path, textLine: line.line)]
    }

    /// A rule that an unprinted figure leaves unchecked: said, never guessed.
    private func unverifiable(_ line: TableLine, missing: [String], place: SourceMark, path: String) -> PlanFinding {
        let cells = missing.map { column in
            let printed = line.cells[column].map { $0.printed.isEmpty ? "vide" : "« \($0.printed) »" } ?? "vide"
            return "\(label(column)) (\(printed))"
        }
        return PlanFinding(.warning, heading(line) + "règle non vérifiable, faute de montant imprimé pour " + cells.joined(separator: " et ") + rule,
                           at: place, path: path, textLine: line.line)
    }

    /// « 20 % », « 100 % », « 12,5 % ».
    static func percent(_ rate: DecimalNumber) -> String {
        let hundred = (try? rate.multipliedByHundred()) ?? rate
        return hundred.frenchFormatted() + " %"
    }
}
