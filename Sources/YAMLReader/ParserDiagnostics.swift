import CYAML

/// Turns libyaml's terse error fields into a located, actionable ``YAMLError``.
enum ParserDiagnostics {
    /// `firstLine` counts the lines of the file before the input's first byte (a document read
    /// again from its place, `DocumentPlace`): libyaml counts its lines from the input's start.
    static func error(from parser: UnsafeMutablePointer<yaml_parser_t>, input: SourceProbe, file: String,
                      firstLine: Int = 0) -> YAMLError {
        let p = parser.pointee
        let problem = p.problem.map { String(cString: $0) } ?? "unknown error"
        switch p.error {
        case YAML_MEMORY_ERROR:
            return YAMLError(message: "out of memory while parsing YAML", mark: mark(p.problem_mark, file, firstLine))
        case YAML_READER_ERROR:
            return readerError(problem, offset: Int(p.problem_offset), value: Int(p.problem_value),
                               input: input, file: file, firstLine: firstLine)
        default:
            return syntaxError(problem, parser: p, input: input, file: file, firstLine: firstLine)
        }
    }

    private static func mark(_ m: yaml_mark_t, _ file: String, _ firstLine: Int) -> SourceMark {
        SourceMark(file: file, line: firstLine + Int(m.line) + 1, column: Int(m.column) + 1)
    }

    /// Decoding errors come with a byte offset only, so the line and column are recomputed.
    private static func readerError(_ problem: String, offset: Int, value: Int,
                                    input: SourceProbe, file: String, firstLine: Int) -> YAMLError {
        let (line, column) = input.position(ofByte: offset)
        let at = SourceMark(file: file, line: firstLine + line + 1, column: column + 1)
        let message: String
        switch problem {
        case "input error":
            message = "cannot read the file (input error); check that it is a readable regular file"
        case "control characters are not allowed":
            message = "control character \(hex(value, prefix: "U+")) is not allowed in YAML; "
                + "remove it (is this a binary file?)"
        default:
            let encoding = problem.contains("UTF-16") || problem.contains("surrogate") ? "UTF-16" : "UTF-8"
            let detail = value >= 0 && encoding == "UTF-8" ? " (byte \(hex(value, prefix: "0x")))" : ""
            message = "the text is not valid \(encoding): \(problem)\(detail); save the file as UTF-8 "
                + "(is this a binary file?)"
        }
        return YAMLError(message: message, mark: at)
    }

    private static func syntaxError(_ problem: String, parser p: yaml_parser_t,
                                    input: SourceProbe, file: String, firstLine: Int) -> YAMLError {
        let at = p.problem_mark
        let context = p.context.map { String(cString: $0) }
        var message = problem
        if let context {
            let started = p.context_mark
            // libyaml often repeats the problem position as the context start; saying it twice is noise.
            message = started.line == at.line && started.column == at.column
                ? "\(context): \(problem)"
                : "\(context) (started at line \(firstLine + Int(started.line) + 1), column \(started.column + 1)): \(problem)"
        }
        let place = (line: Int(at.line), column: Int(at.column))
        if let hint = hint(problem: problem, context: context ?? "", input: input, at: place) {
            message += "; " + hint
        }
        return YAMLError(message: message, mark: mark(at, file, firstLine))
    }

    /// What to do about the most common mistakes, phrased for people editing rule files by hand.
    private static func hint(problem: String, context: String, input: SourceProbe,
                             at place: (line: Int, column: Int)) -> String? {
        // Rescanning the source is only worth it for the messages that depend on it.
        var atEnd: Bool { input.isBlank(fromLine: place.line, column: place.column) }
        if problem.contains("tab character") || (problem.contains("cannot start any token")
            && input.leadByte(line: place.line, column: place.column) == UInt8(ascii: "\t")) {
            return "tab characters cannot be used for indentation in YAML; indent with spaces"
        }
        if context.contains("quoted scalar"), problem.contains("end of stream") {
            return "the text ends inside a quoted value; add the closing quote"
        }
        if context.contains("flow sequence") {
            return atEnd ? "the text ends before the sequence is closed; add the missing ']'"
                : "separate the items with ',' and close the sequence with ']'"
        }
        if context.contains("flow mapping") {
            return atEnd ? "the text ends before the mapping is closed; add the missing '}'"
                : "separate the entries with ',' and close the mapping with '}'"
        }
        if problem.contains("end of stream") {
            return "the text ends too early; check for a missing closing quote or bracket"
        }
        if problem.contains("cannot start any token") {
            return "characters such as '@' and '`' cannot start a plain value; put the value in quotes"
        }
        if problem.contains("mapping values are not allowed") {
            return "a ': ' inside a value starts a new key; put the value in quotes or fix the indentation"
        }
        if problem.contains("did not find expected key") || problem.contains("did not find expected '-'") {
            return "check the indentation: items of the same mapping or sequence must start in the same column"
        }
        if problem.contains("could not find expected ':'") {
            return "a key must be followed by ':' on the same line; check the indentation or quote the text"
        }
        return nil
    }

    private static func hex(_ value: Int, prefix: String) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return prefix + String(repeating: "0", count: max(0, (prefix == "U+" ? 4 : 2) - digits.count)) + digits
    }
}
