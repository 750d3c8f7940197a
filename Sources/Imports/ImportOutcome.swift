import Platform
import SchemeLanguage
import YAMLReader

/// A problem with one dossier: where it is in the export, which column, what was found there,
/// what is wrong and what to do, in French.
public struct ImportProblem: Error, Sendable {
    public let mark: SourceMark
    /// The export's column, when the problem is one cell's.
    public let column: String?
    /// The cell's text, cut short, when it is the problem.
    public let found: String?
    public let message: String
    public let hint: String?

    /// A problem; `found` is cut to 60 characters, as every message quoting a value is.
    public init(mark: SourceMark, column: String? = nil, found: String? = nil, message: String, hint: String? = nil) {
        self.mark = mark
        self.column = column
        self.found = found.map(ScalarParsing.truncated)
        self.message = message
        self.hint = hint
    }
}

/// An application file made from a dossier, ready to be written.
public struct ImportedApplication: Sendable {
    /// The dossier's number on the platform.
    public let dossier: String
    /// The application's reference.
    public let id: String
    /// The file's name: `dossier-NUMBER.yaml`, the number checked to hold only letters, digits,
    /// `-` and `_`, so that nothing read from the export can name another place.
    public let fileName: String
    /// The file's content, which the application decoder has read back without error.
    public let text: String
    public let mark: SourceMark

    public init(dossier: String, id: String, fileName: String, text: String, mark: SourceMark) {
        self.dossier = dossier
        self.id = id
        self.fileName = fileName
        self.text = text
        self.mark = mark
    }
}

/// A dossier that could not become an application file, with every problem found in it.
public struct RejectedDossier: Sendable {
    /// The dossier's number, when it could be read.
    public let dossier: String?
    public let mark: SourceMark
    public let problems: [ImportProblem]

    public init(dossier: String?, mark: SourceMark, problems: [ImportProblem]) {
        self.dossier = dossier
        self.mark = mark
        self.problems = problems
    }
}

/// A dossier left aside because of the state the platform gives it (`states` in the mapping).
public struct SkippedDossier: Sendable {
    public let dossier: String
    public let state: String
    public let mark: SourceMark
}

/// What became of each dossier of an export, in the export's order.
public struct ImportReport: Sendable {
    /// What became of one dossier.
    public enum Entry: Sendable {
        case imported(ImportedApplication)
        case rejected(RejectedDossier)
        case skipped(SkippedDossier)
    }

    public var entries: [Entry]

    /// The application files made, in the export's order.
    public var imported: [ImportedApplication] {
        entries.compactMap { if case .imported(let application) = $0 { application } else { nil } }
    }

    /// The dossiers rejected, in the export's order.
    public var rejected: [RejectedDossier] {
        entries.compactMap { if case .rejected(let dossier) = $0 { dossier } else { nil } }
    }

    /// The dossiers left aside for their state, in the export's order.
    public var skipped: [SkippedDossier] {
        entries.compactMap { if case .skipped(let dossier) = $0 { dossier } else { nil } }
    }
}

extension ImportProblem {
    /// `export.csv:5:12: erreur : dossier n°10234570, colonne « … » : message (trouvé « … ») ; hint`.
    public func description(dossier: String?) -> String {
        var text = dossier.map { "dossier n°\($0)" } ?? "dossier sans numéro lisible"
        if let column { text += ", colonne « \(column) »" }
        text += " : \(message)"
        if let found, !message.contains(found) { text += " (trouvé « \(found) »)" }
        if let hint { text += " ; \(hint)" }
        return MessageKind.error.line(text, at: "\(mark)")
    }
}
