/// A position in a source file, 1-based line and column (column counted in characters as libyaml does, +1).
///
/// Every node produced by ``YAMLDocumentReader`` carries the mark of its first
/// character, so that later stages (loading rules, evaluating applications) can
/// point their own error messages at the exact place in the file.
public struct SourceMark: Hashable, Sendable, CustomStringConvertible {
    /// The name of the source, usually a path as given to the reader.
    public var file: String
    /// The 1-based line number.
    public var line: Int
    /// The 1-based column number, counted in Unicode characters (not bytes).
    public var column: Int

    /// Creates a mark from a file name and 1-based line and column numbers.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The mark as `file:line:column`, the form editors and terminals recognise as a link.
    public var description: String {
        "\(file):\(line):\(column)"
    }
}
