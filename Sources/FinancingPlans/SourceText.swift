import Platform

/// The lines of the text a table's data file cites, to check that each printed figure is where
/// the file says: a transcription is only worth its lines.
public struct SourceText: Sendable {
    public let path: String
    let lines: [Substring]

    /// The text file `table.text` names, read from the data file's folder; nil when none is named.
    public static func load(for table: FinancingTable) throws(FileSystemError) -> SourceText? {
        guard let text = table.text else { return nil }
        let folder = table.file.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let path = text.hasPrefix("/") || folder.isEmpty ? text : "\(folder)/\(text)"
        let bytes = try RegularFile.read(path)
        return SourceText(path: path, lines: String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false))
    }

    /// Each cell whose printed value is not on the line it cites, and each line beyond the text.
    public func transcriptionFaults(in table: FinancingTable) -> [PlanFinding] {
        var faults: [PlanFinding] = []
        let lines = table.rows.map(\.asLine) + table.totals.map(\.asLine)
        for line in lines {
            for column in table.columns {
                guard let cell = line.cells[column.id] else { continue }
                let number = cell.line ?? line.line
                guard number <= self.lines.count else {
                    faults.append(PlanFinding(.error, "le texte \(path) n'a que \(self.lines.count) lignes : corrigez le numéro de ligne",
                                              at: cell.line == nil ? line.mark : cell.mark, path: line.path))
                    continue
                }
                let printedLine = String(self.lines[number - 1]).withoutSpaces
                var figure = cell.printed.trimmingSpaces
                if figure.hasSuffix("€") { figure = String(figure.dropLast()) }
                figure = figure.withoutSpaces
                guard !figure.isEmpty, figure != "-", !printedLine.contains(figure) else { continue }
                faults.append(PlanFinding(.error, "« \(cell.printed) » ne figure pas sur cette ligne du texte (\(path)) : recopiez la valeur imprimée, ou corrigez le numéro de ligne",
                                          at: cell.mark, path: "\(line.path).\(column.id)", textLine: number))
            }
        }
        return faults
    }
}
