import Decisions
import Platform
import SchemeLanguage

/// One line of JSON per application: what a spreadsheet or a script needs from a batch.
public enum SummaryLine {
    /// Writes `summary.jsonl` in the output folder, a line per entry, as it goes: a batch of a
    /// million applications never holds the whole text. The file appears only once complete.
    public static func write(_ entries: some Sequence<BatchEntry>, to output: OutputFolder) throws(FileSystemError) {
        let file = try StreamingFile(path: output.path("summary.jsonl"))
        for entry in entries { file.write(line: render(entry)) }
        try file.commit()
    }

    public static func render(_ entry: BatchEntry) -> String {
        var line = ""
        line.reserveCapacity(160)
        line += "{\"file\":"
        JSONString.append(entry.mark.file, to: &line)
        line += ",\"line\":"
        line += String(entry.mark.line)
        field("id", entry.id, into: &line)
        field("scheme", entry.schemeID, into: &line)
        field("outcome", entry.outcome?.rawValue, into: &line)
        field("amount", entry.amount.map(FrenchFormat.moneyCanonical), into: &line)
        line += ",\"errors\":["
        for (position, diagnostic) in entry.diagnostics.enumerated() {
            if position > 0 { line += "," }
            JSONString.append(diagnostic.description, to: &line)
        }
        line += "]}"
        return line
    }

    private static func field(_ name: String, _ value: String?, into line: inout String) {
        line += ",\""
        line += name
        line += "\":"
        if let value { JSONString.append(value, to: &line) } else { line += "null" }
    }
}
