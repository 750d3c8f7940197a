import Platform
import SchemeLanguage
import YAMLReader

/// A cell of an export: its text as written, or its items when the export gives a list as such
/// (the choices of a multiple-choice field, the files of a piece in the API's JSON), and where
/// it stands in the file.
public struct ExportCell: Sendable {
    public let text: String
    /// The items of a list the export itself separates; nil when the cell is one text.
    public let items: [String]?
    public let mark: SourceMark

    public init(text: String, items: [String]? = nil, mark: SourceMark) {
        self.text = text
        self.items = items
        self.mark = mark
    }

    /// Blank: nothing but spaces, or an empty list.
    public var isBlank: Bool {
        if let items { return items.allSatisfy { $0.allSatisfy(\.isWhitespace) } }
        return text.allSatisfy(\.isWhitespace)
    }
}

/// One dossier of an export: its cells by column, and where it starts.
public struct ExportRecord: Sendable {
    public let cells: [String: ExportCell]
    public let mark: SourceMark
    /// What makes the record unreadable as a whole (a CSV line with a field too many), if anything.
    public let problem: String?

    public init(cells: [String: ExportCell], mark: SourceMark, problem: String? = nil) {
        self.cells = cells
        self.mark = mark
        self.problem = problem
    }
}

/// The dossiers of an export of démarches-simplifiées, read from its CSV (the « tableur »
/// export: one column per field, named by the field's label) or from its API's JSON.
public struct ExportTable: Sendable {
    /// How the file was written, so that a report made from it can be written alike.
    public enum Format: Sendable, Equatable {
        case csv(separator: Character, byteOrderMark: Bool)
        case json
    }

    public let file: String
    public let format: Format
    /// The column names, in the file's order (for JSON, in the order first met).
    public let columns: [String]
    /// Names that head more than one column: a mapping cannot tell which is meant.
    public let duplicateColumns: Set<String>
    public let records: [ExportRecord]

    /// Reads the export at `path`: JSON when it starts with `{` or `[`, CSV otherwise.
    public static func read(path: String) -> Result<ExportTable, Diagnostic> {
        let bytes: [UInt8]
        do {
            bytes = try RegularFile.read(path)
        } catch {
            return .failure(Diagnostic(error.reason, at: SourceMark(file: error.path, line: 1, column: 1)))
        }
        let start = bytes.drop { [0x20, 0x09, 0x0A, 0x0D].contains($0) }.first
        if start == UInt8(ascii: "{") || start == UInt8(ascii: "[") { return json(bytes, file: path) }
        return csv(bytes, file: path)
    }

    /// The table of a CSV export: the first record names the columns.
    public static func csv(_ bytes: [UInt8], file: String) -> Result<ExportTable, Diagnostic> {
        let reader: CSVReader
        do {
            reader = try CSVReader(bytes: bytes)
        } catch {
            return .failure(Diagnostic(error.message, at: SourceMark(file: file, line: error.line, column: error.column)))
        }
        guard let header = reader.records.first else {
            return .failure(Diagnostic("l'export est vide : il n'a même pas de ligne d'en-tête", at: SourceMark(file: file, line: 1, column: 1)))
        }
        let columns = header.fields.map { $0.text.trimmingSpaces }
        var seen = Set<String>()
        let duplicates = Set(columns.filter { !seen.insert($0).inserted })
        let records = reader.records.dropFirst().map { record in
            csvRecord(record, columns: columns, file: file)
        }
        return .success(ExportTable(file: file, format: .csv(separator: reader.separator, byteOrderMark: reader.hadByteOrderMark),
                                    columns: columns, duplicateColumns: duplicates, records: records))
    }

    private static func csvRecord(_ record: CSVReader.Record, columns: [String], file: String) -> ExportRecord {
        var cells: [String: ExportCell] = [:]
        for (index, field) in record.fields.enumerated() where index < columns.count {
            // A duplicated name keeps its first column; the mapping refuses to read it anyway.
            if cells[columns[index]] == nil {
                cells[columns[index]] = ExportCell(text: field.text, mark: SourceMark(file: file, line: field.line, column: field.column))
            }
        }
        let mark = SourceMark(file: file, line: record.line, column: 1)
        guard record.fields.count == columns.count else {
            let problem = "cette ligne a \(record.fields.count) champs et l'en-tête \(columns.count) : "
                + "un séparateur de trop ou un guillemet mal placé décale les colonnes ; corrigez la ligne dans l'export"
            return ExportRecord(cells: cells, mark: mark, problem: problem)
        }
        return ExportRecord(cells: cells, mark: mark)
    }

    /// The table of a JSON export of the démarches-simplifiées API (`DSJSON`).
    public static func json(_ bytes: [UInt8], file: String) -> Result<ExportTable, Diagnostic> {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return .failure(Diagnostic("ce fichier JSON n'est pas en UTF-8", at: SourceMark(file: file, line: 1, column: 1)))
        }
        let root: JSONNode
        do {
            root = try JSONReader.parse(text)
        } catch {
            return .failure(Diagnostic("JSON illisible : \(error.message)", at: SourceMark(file: file, line: error.line, column: error.column)))
        }
        return DSJSON.table(root, file: file)
    }

    init(file: String, format: Format, columns: [String], duplicateColumns: Set<String>, records: [ExportRecord]) {
        self.file = file
        self.format = format
        self.columns = columns
        self.duplicateColumns = duplicateColumns
        self.records = records
    }
}

extension String {
    /// Without the spaces (ordinary, no-break, narrow no-break), tabs and line breaks around it.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
