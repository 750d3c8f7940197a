import Documents
import Evaluator
import ExactDecimal
import SchemeLanguage

/// The months of a schedule as a decision prints them.
public struct ScheduleTable: Sendable {
    public struct Row: Sendable {
        /// "2020-11".
        public let month: String
        /// "novembre 2020".
        public let frenchMonth: String
        public let cells: [String]
        public let canonical: [String?]
        public let paid: String
        public let paidCanonical: String?
    }

    public let stepIDs: [String]
    public let columns: [String]
    public let rows: [Row]
    public let asked: Int?
    public let maxMonths: Int?
    /// "mars 2021", the first month not paid because the stop condition held.
    public let stoppedAt: String?
    public let stoppedAtCanonical: String?
    public let stopReason: String?
    public let total: DecimalNumber?

    init?(_ evaluation: Evaluation) {
        guard let definition = evaluation.scheme.schedule, let result = evaluation.schedule else { return nil }
        stepIDs = definition.steps.map(\.id)
        columns = definition.steps.map(\.label)
        rows = result.months.map { month in
            let cells = definition.steps.indices.map { index in
                month.steps[index].map { FrenchFormat.value($0, type: definition.steps[index].expression.type) } ?? "—"
            }
            return Row(month: month.month.yearMonth, frenchMonth: month.month.frenchMonth, cells: cells,
                       canonical: month.steps.map { $0.map(FrenchFormat.canonical) },
                       paid: month.paid.map(FrenchFormat.money) ?? "—",
                       paidCanonical: month.paid.map(FrenchFormat.moneyCanonical))
        }
        asked = result.asked
        maxMonths = result.maxMonths
        stoppedAt = result.stoppedAt?.frenchMonth
        stoppedAtCanonical = result.stoppedAt?.yearMonth
        stopReason = result.stoppedAt == nil ? nil : definition.stopReason
        total = result.total
    }

    /// What limited the months paid, in French.
    var notes: [String] {
        var notes: [String] = []
        if let asked, let maxMonths, asked > maxMonths {
            notes.append("Durée demandée : \(asked) mois ; le dispositif prend en charge \(maxMonths) mois au plus.")
        }
        if let stoppedAt, let stopReason {
            notes.append("Aucun versement à compter de \(stoppedAt) : \(stopReason)")
        }
        if let total {
            notes.append("Total sur \(rows.count) mois : \(FrenchFormat.money(total)).")
        }
        return notes
    }

    /// The months as a table: each step's value, then the amount paid.
    var table: Table {
        Table(header: (["Mois"] + columns + ["Montant versé"]).map { Text($0) },
              rows: rows.map { row in ([row.frenchMonth] + row.cells).map { Text($0) } + [.strong(row.paid)] })
    }

    func render(into text: inout MarkdownText) {
        text.heading("Échéancier mensuel")
        MarkdownDecision.table(table, into: &text)
        text.list(notes)
    }

    func render(into json: inout JSONWriter) {
        json.object("schedule") { json in
            json.number("asked_months", asked)
            json.number("max_months", maxMonths)
            json.number("paid_months", rows.count)
            json.string("stopped_at", stoppedAtCanonical)
            json.string("stop_reason", stopReason)
            json.array("months") { json in
                for row in rows {
                    json.object { json in
                        json.string("month", row.month)
                        json.object("steps") { json in
                            for (index, id) in stepIDs.enumerated() { json.string(JSONKey(id), row.canonical[index]) }
                        }
                        json.string("paid", row.paidCanonical)
                    }
                }
            }
            json.string("total", total.map(FrenchFormat.moneyCanonical))
        }
    }
}
