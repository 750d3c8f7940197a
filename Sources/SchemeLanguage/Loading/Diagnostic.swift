import Platform
import YAMLReader

/// A located problem in a scheme or an application file: what, where, and what to do.
public struct Diagnostic: Error, Sendable, CustomStringConvertible, Equatable {
    public let mark: SourceMark
    /// The field path, such as `eligibility[2].when` or `facts.projet.depense_eligible_ht`.
    public let path: String?
    public let message: String
    public let severity: Severity

    /// An error stops what it concerns; a warning lets it go on, and says what may be off; a
    /// note says what is no fault. Printed as « erreur », « avertissement », « note ».
    public typealias Severity = MessageKind

    public init(_ message: String, at mark: SourceMark, path: String? = nil, severity: Severity = .error) {
        self.message = message
        self.mark = mark
        self.path = path
        self.severity = severity
    }

    public init(_ error: YAMLError) {
        self.init(error.message, at: error.mark)
    }

    /// `fichier:ligne:colonne: erreur : message [champ]`, the form editors and CI logs understand.
    public var description: String {
        let location = path.map { " [\($0)]" } ?? ""
        return severity.line(message + location, at: "\(mark)")
    }
}

/// Collects every problem of a file, so that one run shows them all rather than the first.
public final class DiagnosticLog {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public var isEmpty: Bool { diagnostics.isEmpty }

    public func error(_ message: String, at mark: SourceMark, path: String? = nil) {
        diagnostics.append(Diagnostic(message, at: mark, path: path))
    }

    public func append(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }
}

/// All the problems found in one file.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
