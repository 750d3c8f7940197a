/// The dossiers an import rejected, as a CSV for the instructor: one line per problem, with the
/// dossier, its place in the export, the column, what was found, what is wrong and what to do.
///
/// Written as a French spreadsheet opens it directly: UTF-8 with its byte order mark, `;`
/// between fields, CRLF line ends. A cell that a spreadsheet would take for a formula (starting
/// with `=`, `+`, `-`, `@`, a tab or a carriage return) is prefixed with `'`: the values come
/// from dossiers anyone could file.
public enum RejectsFile {
    /// The file's name in the output folder.
    public static let name = "rejets.csv"

    /// The CSV of the rejected dossiers, one line per problem, in the export's order.
    public static func csv(_ rejected: [RejectedDossier]) -> String {
        var lines = [["Dossier", "Ligne", "Colonne", "Valeur trouvée", "Erreur", "À faire"].map(cell).joined(separator: ";")]
        for dossier in rejected {
            for problem in dossier.problems {
                let fields = [dossier.dossier ?? "", "\(problem.mark.line)", problem.column ?? "", problem.found ?? "",
                              problem.message, problem.hint ?? ""]
                lines.append(fields.map(cell).joined(separator: ";"))
            }
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    /// A field, quoted when it must be, defused when a spreadsheet would run it.
    static func cell(_ text: String) -> String {
        var value = text
        if let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return value }
        return "\"" + value.replacing("\"", with: "\"\"") + "\""
    }
}
