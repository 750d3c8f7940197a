import Testing

extension CommandLine {
    /// Runs `guichet ARGUMENTS` in `directory` as a user would and expects it to end with
    /// `status`, the failure naming the command and what it printed on its error output;
    /// returns what it printed.
    @discardableResult
    public static func expecting(_ status: Int32 = 0, _ arguments: [String], in directory: String, timeout: Double = 120,
                                 sourceLocation: SourceLocation = #_sourceLocation) throws -> (output: String, errors: String) {
        let finished = try CommandLine.run(arguments, in: directory, timeout: timeout)
        #expect(finished.status == status, "guichet \(arguments.prefix(2).joined(separator: " ")): \(finished.stderr)", sourceLocation: sourceLocation)
        return (finished.stdout, finished.stderr)
    }
}

extension String {
    /// The text with its no-break spaces (thousands, « n° », before « : ») read as spaces, so
    /// that a test writes the figures it expects with ordinary ones.
    public var withPlainSpaces: String {
        replacing("\u{202F}", with: " ").replacing("\u{A0}", with: " ")
    }
}
