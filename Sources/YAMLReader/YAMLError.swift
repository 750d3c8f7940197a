import Platform

/// An error found while reading YAML: unreadable file, malformed text, or a
/// structure the reader refuses (duplicate keys, excessive nesting, …).
public struct YAMLError: Error, Sendable, CustomStringConvertible {
    /// A French sentence saying what is wrong and, when possible, what to do about it.
    public var message: String
    /// Where the problem was found.
    public var mark: SourceMark

    /// Creates an error with a message and the position it refers to.
    public init(message: String, mark: SourceMark) {
        self.message = message
        self.mark = mark
    }

    /// The error in the conventional compiler form `fichier:ligne:colonne: erreur : message`.
    public var description: String {
        MessageKind.error.line(message, at: "\(mark)")
    }
}
