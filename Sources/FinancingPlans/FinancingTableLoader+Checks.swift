import ExactDecimal
import YAMLReader

extension FinancingTableLoader {
    /// The rules the rows keep: `sum` (a column is the sum of others), `at-most` and `at-least`
    /// (a column against a rate of another: a funder's share, own funds, a matching rule).
    static func readChecks(_ top: MappingReader, columns: Set<String>, _ problems: ProblemLog) -> [FinancingTable.Check] {
        guard let node = top.value("checks") else { return [] }
        guard let items = node.sequence else {
            problems.add("« checks » doit être \(YAMLNode.sequenceName), pas \(node.kindName)", at: node.mark, path: "checks")
            return []
        }
        return items.enumerated().compactMap { index, item in
            guard let fields = MappingReader(item, path: "checks[\(index)]", problems: problems, what: "une règle") else { return nil }
            fields.rejectUnknown(allowing: ["id", "label", "rule", "total", "parts", "value", "bound", "rate", "lines", "summary", "scope"])
            guard let id = fields.text("id"), let label = fields.text("label"), let kind = fields.text("rule") else { return nil }
            let known = { (key: String, name: String?) -> String? in
                guard let name else { return nil }
                guard columns.contains(name) else {
                    problems.add("« \(name) » ne nomme aucune colonne du tableau", at: fields.value(key)?.mark ?? item.mark, path: fields.path(key))
                    return nil
                }
                return name
            }
            let scope = fields.text("scope", required: false)
            if let scope, scope != "rows" {
                problems.add("portée « \(scope) » inconnue : « rows » pour les lignes seules, ou rien pour les lignes et les totaux",
                             at: fields.value("scope")!.mark, path: fields.path("scope"))
            }
            let rule: FinancingTable.Check.Rule
            switch kind {
            case "sum":
                let parts = fields.identifiers("parts")
                guard let total = known("total", fields.text("total")), !parts.isEmpty,
                      parts.allSatisfy({ known("parts", $0) != nil }) else { return nil }
                rule = .sum(total: total, parts: parts)
            case "at-most", "at-least":
                guard let value = known("value", fields.text("value")), let bound = known("bound", fields.text("bound")),
                      let rate = readRate(fields) else { return nil }
                rule = kind == "at-most" ? .atMost(value: value, bound: bound, rate: rate) : .atLeast(value: value, bound: bound, rate: rate)
            default:
                problems.add("règle « \(kind) » inconnue : sum, at-most ou at-least", at: fields.value("rule")!.mark, path: fields.path("rule"))
                return nil
            }
            return FinancingTable.Check(id: id, label: label, rule: rule, lines: fields.text("lines", required: false),
                                        appliesToTotals: scope == nil, mark: item.mark)
        }
    }

    /// « 20 % » as 0,20; 100 % when absent.
    static func readRate(_ fields: MappingReader) -> DecimalNumber? {
        guard let text = fields.text("rate", required: false) else { return .one }
        var body = text.trimmingSpaces
        if body.hasSuffix("%") { body = String(body.dropLast()).trimmingSpaces }
        guard text.contains("%"), let percent = DecimalNumber(parsing: body), !percent.isNegative,
              percent.scale + 2 <= DecimalNumber.maxScale else {
            fields.problems.add("« \(text) » n'est pas un taux : écrivez-le en pourcentage (« 20 % »)", at: fields.value("rate")!.mark, path: fields.path("rate"))
            return nil
        }
        return DecimalNumber(significand: percent.significand, scale: percent.scale + 2)
    }
}
