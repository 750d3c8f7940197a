import Documents
import Evaluator
import ExactDecimal
import SchemeLanguage

/// The authority's table of an allocation (`kind: allocation`): one row per establishment, one
/// column per part (`part: true`) and the total, then the sum of each column. Built as a batch
/// goes, from each evaluation; written as Markdown beside the notices.
public struct AllocationTable: Sendable {
    public struct Row: Sendable {
        public let id: String
        public let establishment: String
        /// Each part's value, in the order of the columns; nil when it could not be computed.
        public let parts: [DecimalNumber?]
        public let total: DecimalNumber?
    }

    public let scheme: Scheme
    /// The steps that are parts, in the order of the rules, the total aside.
    let columns: [Int]
    public private(set) var rows: [Row] = []

    /// `summary`: only the parts the total reads directly (the allocations themselves, not the
    /// components they are computed from), for a table that fits a page.
    public init(scheme: Scheme, summary: Bool = false) {
        self.scheme = scheme
        guard let amount = scheme.amount else { columns = []; return }
        let read = Set(amount.steps[amount.result].expression.stepIndices)
        columns = amount.partIndices.filter { !summary || read.contains($0) }
    }

    /// Adds an establishment's evaluation; one of another scheme is ignored.
    public mutating func add(_ evaluation: Evaluation) {
        guard evaluation.scheme.id == scheme.id else { return }
        let steps = evaluation.amount?.steps
        rows.append(Row(id: evaluation.application.id, establishment: evaluation.application.applicant.name,
                        parts: columns.map { steps?[$0]?.decimal }, total: evaluation.amount?.final))
    }

    /// The sum of each part and of the totals over the establishments whose value is known, or
    /// nil when a sum would overflow.
    public func sums() -> (parts: [DecimalNumber], total: DecimalNumber)? {
        do {
            var parts = [DecimalNumber](repeating: .zero, count: columns.count)
            var total = DecimalNumber.zero
            for row in rows {
                for (index, value) in row.parts.enumerated() { if let value { parts[index] = try parts[index].adding(value) } }
                if let value = row.total { total = try total.adding(value) }
            }
            return (parts, total)
        } catch {
            return nil
        }
    }

    /// One row per establishment, one column per part and the total, then the sums in bold.
    public func table() -> Table {
        let labels = columns.map { scheme.amount!.steps[$0].label }
        let resultLabel = scheme.amount.map { $0.steps[$0.result].label } ?? "Total"
        let money: (DecimalNumber?) -> Text = { Text($0.map(FrenchFormat.money) ?? "non calculable") }
        var body = rows.map { row in [Text(row.id), Text(row.establishment)] + row.parts.map(money) + [money(row.total)] }
        if let sums = sums() {
            body.append([.strong("Total"), ""] + sums.parts.map { .strong(FrenchFormat.money($0)) } + [.strong(FrenchFormat.money(sums.total))])
        }
        return Table(header: (["Référence", "Établissement"] + labels + [resultLabel]).map { Text($0) }, rows: body)
    }

    /// The table as a French Markdown document: a simulation says so at its top and its end.
    public func markdown(simulation: Bool, referenceDate: LocalDate) -> String {
        var text = MarkdownText(capacity: 4_096 + rows.count * 512)
        let notice = "\(DecisionRecord.simulationNotice) : les dotations ne sont pas notifiées"
        if simulation { text.line("> **\(notice).**"); text.blank() }
        text.heading(scheme.authority.name, level: 1)
        text.heading("Tableau des dotations : \(scheme.title)")
        let computed = rows.filter { $0.total != nil }.count
        text.line("Dotations calculées le \(referenceDate.frenchLong) pour \(FrenchFormat.count(rows.count, "établissement"))"
                  + (computed < rows.count ? ", dont \(FrenchFormat.count(rows.count - computed)) dont le calcul est incomplet (voir sa fiche)." : "."))
        text.blank()
        MarkdownDecision.table(table(), into: &text)
        text.line("Chaque part est détaillée, étape par étape et avec le texte qui la fonde, dans la fiche de l'établissement. Une part déduite (contribution, prélèvements, pénalité) figure en montant positif.")
        text.blank()
        if simulation { text.line("---"); text.blank(); text.line("**\(notice).**") }
        return String(decoding: text.utf8, as: UTF8.self)
    }
}
