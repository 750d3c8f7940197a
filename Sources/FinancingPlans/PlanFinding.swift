import Platform
import YAMLReader

/// A located finding of `check-plan`: an inconsistency of the table (error), what cannot be
/// checked for want of a printed figure (warning), what a total tells of an illegible cell (note),
/// or a fault of the data file itself.
public struct PlanFinding: Sendable, CustomStringConvertible, Equatable {
    public let severity: MessageKind
    /// Where in the data file: the cell, the row or the field.
    public let mark: SourceMark
    /// The field path in the data file (`rows[3].budget`).
    public let path: String?
    /// The line of the text the finding bears on, if any.
    public let textLine: Int?
    public let message: String

    /// A finding at `mark` (field `path`), bearing on line `textLine` of the text if any.
    public init(_ severity: MessageKind, _ message: String, at mark: SourceMark, path: String? = nil, textLine: Int? = nil) {
        self.severity = severity
        self.message = message
        self.mark = mark
        self.path = path
        self.textLine = textLine
    }

    /// `fichier:ligne:colonne: erreur : ligne 16871 du texte : message [champ]`.
    public var description: String {
        let line = textLine.map { "ligne \($0) du texte : " } ?? ""
        let field = path.map { " [\($0)]" } ?? ""
        return severity.line(line + message + field, at: "\(mark)")
    }
}

/// A data file that cannot be read as a financing table: every problem found in it.
public struct UnreadablePlan: Error, Sendable, CustomStringConvertible {
    public let findings: [PlanFinding]

    public var description: String { findings.map(\.description).joined(separator: "\n") }
}
