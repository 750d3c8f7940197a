/// Text made safe to show on a terminal.
///
/// Application files come from outside: an id or a value may hold escape sequences that clear
/// the screen, move the cursor or retitle the window, a carriage return or a line break that
/// forges an error line, or bidirectional controls that show text in another order than it is.
/// Every such character is shown as a visible escape (`\e`, `\n`, `\u{202E}`), never sent raw.
public enum TerminalText {
    /// `text` with its control characters escaped. With `keepingLineBreaks`, line feeds and
    /// tabs pass through, for documents that are multi-line by design (a table, a report).
    public static func escaped(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepingLineBreaks) }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if needsEscape(scalar, keepingLineBreaks) {
                result += visible(scalar)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The first control character of `text` (as `escaped` would show it), or nil: for readers
    /// that refuse such text outright. With `allowingLineBreaks`, line feeds and tabs are fine.
    public static func firstControl(in text: String, allowingLineBreaks: Bool) -> Unicode.Scalar? {
        text.unicodeScalars.first { needsEscape($0, allowingLineBreaks) }
    }

    private static func needsEscape(_ scalar: Unicode.Scalar, _ keepingLineBreaks: Bool) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: !keepingLineBreaks
        case 0x00..<0x20, 0x7F, 0x80..<0xA0: true
        // Bidirectional embeddings, overrides and isolates; the line and paragraph separators.
        case 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }

    private static func visible(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": "\\n"
        case "\r": "\\r"
        case "\t": "\\t"
        case "\u{1B}": "\\e"
        default: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
        }
    }
}
