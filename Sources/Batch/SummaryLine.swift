import Decisions

/// One line of JSON per application: what a spreadsheet or a script needs from a batch.
public enum SummaryLine {
    public static func render(_ entry: BatchEntry) -> String {
        var line = "{\"file\":\(quoted(entry.mark.file)),\"line\":\(entry.mark.line)"
        line += ",\"id\":\(entry.id.map(quoted) ?? "null")"
        line += ",\"scheme\":\(entry.schemeID.map(quoted) ?? "null")"
        line += ",\"outcome\":\(entry.outcome.map { quoted($0.rawValue) } ?? "null")"
        line += ",\"amount\":\(entry.amount.map { quoted(FrenchFormat.moneyCanonical($0)) } ?? "null")"
        let errors = entry.diagnostics.map { quoted($0.description) }
        line += ",\"errors\":[\(errors.joined(separator: ","))]}"
        return line
    }

    private static func quoted(_ text: String) -> String { JSONString.quoted(text) }
}
