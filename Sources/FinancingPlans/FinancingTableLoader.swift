import ExactDecimal
import Platform
import YAMLReader

/// Reads a financing table's data file (`Rules/plans/*.yaml`, format in `Rules/plans/README.md`),
/// every problem located with its field path.
public enum FinancingTableLoader {
    /// Reads the file at `path`.
    public static func load(path: String) -> Result<FinancingTable, UnreadablePlan> {
        do {
            return load(root: try YAMLDocumentReader.singleDocument(path: path), file: path)
        } catch {
            return .failure(UnreadablePlan(findings: [PlanFinding(.error, error.message, at: error.mark)]))
        }
    }

    /// Reads a table from YAML text, as if from `file`.
    public static func load(text: String, file: String) -> Result<FinancingTable, UnreadablePlan> {
        do {
            return load(root: try YAMLDocumentReader.singleDocument(text: text, file: file), file: file)
        } catch {
            return .failure(UnreadablePlan(findings: [PlanFinding(.error, error.message, at: error.mark)]))
        }
    }

    static func load(root: YAMLNode, file: String) -> Result<FinancingTable, UnreadablePlan> {
        let problems = ProblemLog()
        guard let top = MappingReader(root, path: "", problems: problems, what: "un tableau de financement") else {
            return .failure(UnreadablePlan(findings: problems.findings))
        }
        top.rejectUnknown(allowing: ["title", "text", "lines", "columns", "rows", "totals", "checks"])
        let title = top.text("title") ?? ""
        let columns = readColumns(top, problems)
        let ids = Set(columns.map(\.id))
        let rows = readLines(top, "rows", columns: columns, problems).map { line in
            FinancingTable.Row(id: line.id, label: line.label, line: line.line, mark: line.mark, index: line.index, cells: line.cells)
        }
        let totals = readLines(top, "totals", columns: columns, problems).map { line in
            FinancingTable.Total(id: line.id, label: line.label, line: line.line, mark: line.mark, index: line.index, of: line.of, cells: line.cells)
        }
        let checks = readChecks(top, columns: ids, problems)
        checkReferences(rows: rows, totals: totals, top: top, problems)
        guard problems.findings.isEmpty else { return .failure(UnreadablePlan(findings: problems.findings)) }
        return .success(FinancingTable(file: file, title: title, text: top.text("text", required: false),
                                       columns: columns, rows: rows, totals: totals, checks: checks))
    }

    private static func readColumns(_ top: MappingReader, _ problems: ProblemLog) -> [FinancingTable.Column] {
        guard let node = top.value("columns"), let items = node.sequence, !items.isEmpty else {
            problems.add("« columns » doit lister les colonnes du tableau ({id: …, label: …})", at: top.value("columns")?.mark ?? top.node.mark, path: "columns")
            return []
        }
        var seen: Set<String> = []
        return items.enumerated().compactMap { index, item in
            guard let fields = MappingReader(item, path: "columns[\(index)]", problems: problems, what: "une colonne") else { return nil }
            fields.rejectUnknown(allowing: ["id", "label", "type"])
            guard let id = fields.text("id"), let label = fields.text("label") else { return nil }
            if ["id", "label", "line", "of"].contains(id) || !seen.insert(id).inserted {
                problems.add("identifiant de colonne « \(id) » déjà pris : choisissez-en un autre", at: item.mark, path: fields.path("id"))
            }
            let type = fields.text("type", required: false)
            if let type, type != "text" {
                problems.add("type « \(type) » inconnu : une colonne est de montants (sans type) ou de mots (type: text)", at: item.mark, path: fields.path("type"))
            }
            return FinancingTable.Column(id: id, label: label, isText: type == "text")
        }
    }

    private struct Line {
        let id: String, label: String, line: Int, mark: SourceMark, index: Int, of: [String]
        let cells: [String: FinancingTable.Cell]
    }

    /// The rows or the totals: each an id, a label, its line of the text, and its cells.
    private static func readLines(_ top: MappingReader, _ key: String, columns: [FinancingTable.Column], _ problems: ProblemLog) -> [Line] {
        guard let node = top.value(key) else {
            if key == "rows" { problems.add("« rows » doit lister les lignes du tableau", at: top.node.mark, path: key) }
            return []
        }
        guard let items = node.sequence else {
            problems.add("« \(key) » doit être \(YAMLNode.sequenceName), pas \(node.kindName)", at: node.mark, path: key)
            return []
        }
        let allowed = Set(["id", "label", "line"] + (key == "totals" ? ["of"] : []) + columns.map(\.id))
        return items.enumerated().compactMap { index, item in
            guard let fields = MappingReader(item, path: "\(key)[\(index)]", problems: problems, what: "une ligne du tableau") else { return nil }
            fields.rejectUnknown(allowing: allowed)
            guard let id = fields.text("id"), let label = fields.text("label"), let line = fields.line() else { return nil }
            var cells: [String: FinancingTable.Cell] = [:]
            for column in columns {
                guard let value = fields.value(column.id) else { continue }
                var printed = value.isNull ? "" : value.scalar
                var cellLine: Int?
                if value.mapping != nil, let placed = MappingReader(value, path: fields.path(column.id), problems: problems, what: "une valeur") {
                    placed.rejectUnknown(allowing: ["value", "line"])
                    printed = placed.text("value")
                    cellLine = placed.line()
                }
                guard let printed else {
                    if value.mapping == nil {
                        problems.add("une valeur imprimée est attendue (« 676 000 € », ou {value: …, line: …}), pas \(value.kindName)",
                                     at: value.mark, path: fields.path(column.id))
                    }
                    continue
                }
                cells[column.id] = cell(printed, column: column, at: value.mark, path: fields.path(column.id), line: cellLine ?? line, problems)
                    .placed(on: cellLine)
            }
            return Line(id: id, label: label, line: line, mark: item.mark, index: index, of: fields.identifiers("of"), cells: cells)
        }
    }

    private static func cell(_ printed: String, column: FinancingTable.Column, at mark: SourceMark, path: String,
                             line: Int, _ problems: ProblemLog) -> FinancingTable.Cell {
        guard !column.isText else { return FinancingTable.Cell(printed: printed, amount: nil, mark: mark, line: nil) }
        switch PrintedAmount(printed) {
        case .amount(let value): return FinancingTable.Cell(printed: printed, amount: value, mark: mark, line: nil)
        case .noFigure: return FinancingTable.Cell(printed: printed, amount: nil, mark: mark, line: nil)
        case .unreadable:
            problems.add("« \(printed) » ne se lit pas comme un montant : écrivez-le comme le texte l'imprime (« 676 000 € »), ou « ? » s'il est illisible",
                         at: mark, path: path, textLine: line)
            return FinancingTable.Cell(printed: printed, amount: nil, mark: mark, line: nil)
        }
    }

    /// Ids are unique; a total adds up rows or totals that exist.
    private static func checkReferences(rows: [FinancingTable.Row], totals: [FinancingTable.Total], top: MappingReader, _ problems: ProblemLog) {
        var seen: Set<String> = []
        for (id, mark, path) in rows.map({ ($0.id, $0.mark, "rows[\($0.index)].id") }) + totals.map({ ($0.id, $0.mark, "totals[\($0.index)].id") })
        where !seen.insert(id).inserted {
            problems.add("identifiant « \(id) » déjà pris par une autre ligne : chaque ligne et chaque total a le sien", at: mark, path: path)
        }
        for total in totals {
            for (index, id) in total.of.enumerated() where !seen.contains(id) || id == total.id {
                problems.add("« \(id) » ne nomme ni une ligne ni un autre total du tableau", at: total.mark, path: "totals[\(total.index)].of[\(index)]")
            }
        }
    }
}

extension FinancingTable.Cell {
    func placed(on line: Int?) -> FinancingTable.Cell {
        FinancingTable.Cell(printed: printed, amount: amount, mark: mark, line: line)
    }
}
