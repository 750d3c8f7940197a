/// Plain text made literal in CommonMark (and GitHub's Markdown): texts come from rules and
/// applications, and the Markdown of an act is its record, so an applicant named
/// « # *Marc* <b>& Julie</b> » must read as written, not as a heading, an emphasis or HTML.
///
/// What is escaped, with a backslash (CommonMark lets any ASCII punctuation be escaped):
/// - anywhere: `\`, `*`, `` ` ``, `<` and `~` (emphasis, code, raw HTML and autolinks,
///   strikethrough); `_` unless it stands between two ASCII letters or digits, where it can
///   neither open nor close an emphasis (« aide_menage » stays); `&` when it starts what could be
///   an entity (`&amp;`, `&#35;`), so « Marc & Julie » stays; `]` before `(` or `[`, and `[`
///   before `^`, so that no link, image or footnote can close or open — « […] » and « [sic] »
///   stay, since a bracket makes a link only with a reference definition, which the documents
///   never write and a text cannot (a `[` at the start of a line is escaped);
/// - at the start of a line: `#`, `>`, `-`, `+`, `=`, `[` (a heading, a quote, a list item, a
///   setext underline, a thematic break or a link reference definition), and the `.` or `)` after 1 to 9 digits followed by a
///   space or the end (« 2020\\. » would be a numbered item); blanks there are dropped when they
///   would make a code block (a tab, four spaces), since a paragraph ignores them anyway;
/// - in a heading, every `#` (« Objet # » would lose its `#` as a closing sequence); in the lines
///   of an address, every `|` (two lines could make a table).
///
/// Nothing else: French letters, guillemets, « % », « € », « n° », « — », « … », parentheses
/// and digits go as they are. A text with none of the characters above — nearly all of them —
/// is returned as it is after one pass over its UTF-8 bytes.
public enum MarkdownEscaping {
    /// Where a text stands in a Markdown line, which decides what in it could be read as markup.
    public struct Place: Sendable, Equatable {
        /// At the start of a line (a paragraph, a list item, a quoted line), where `#`, `>`,
        /// `-`, `+`, `=` or `1.` would open a block.
        public let opensLine: Bool
        /// An ASCII character escaped wherever it stands in this place, besides the usual ones.
        public let alsoEscaped: UInt8?

        /// Within a line, after markup the renderer wrote (a table cell, inside `**…**`).
        public static let inline = Place(opensLine: false, alsoEscaped: nil)
        /// At the start of a line: a paragraph, a list item, a line of a quote.
        public static let lineStart = Place(opensLine: true, alsoEscaped: nil)
        /// The text of an ATX heading, after `## `.
        public static let heading = Place(opensLine: false, alsoEscaped: UInt8(ascii: "#"))
        /// One of the lines of a block kept apart by hard line breaks (an address, a signature).
        public static let addressLine = Place(opensLine: true, alsoEscaped: UInt8(ascii: "|"))
    }

    /// The text, on one line (`MarkdownText.oneLine`), with what Markdown would read as markup
    /// escaped for `place`.
    public static func escaped(_ text: String, at place: Place) -> String {
        escaped(line: MarkdownText.oneLine(text), at: place)
    }

    /// A text already on one line (`MarkdownText.oneLine`), escaped for `place`.
    static func escaped(line flat: String, at place: Place) -> String {
        var copy = flat
        let result: [UInt8]? = copy.withUTF8 { bytes in
            needsEscaping(bytes, place) ? escapedBytes(bytes, place) : nil
        }
        return result.map { String(decoding: $0, as: UTF8.self) } ?? flat
    }

    private static let backslash = UInt8(ascii: "\\")

    private static func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>, _ place: Place) -> Bool {
        if place.opensLine {
            let (end, isCode) = indentation(bytes)
            if isCode || lineStartMark(bytes, at: end) != nil { return true }
        }
        if let extra = place.alsoEscaped, !candidates.contains(extra) {
            return bytes.indices.contains { mustEscape(bytes, at: $0, place) }
        }
        var index = candidates.firstIndex(in: bytes, from: 0)
        while index < bytes.count {
            if mustEscape(bytes, at: index, place) { return true }
            index = candidates.firstIndex(in: bytes, from: index + 1)
        }
        return false
    }

    /// The bytes `mustEscape` may answer yes for, in any place: every other byte goes as it is.
    private static let candidates = ByteSet(Array("\\*`<~[]_&#|".utf8))

    private static func escapedBytes(_ bytes: UnsafeBufferPointer<UInt8>, _ place: Place) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 8)
        var index = 0
        if place.opensLine {
            let (end, isCode) = indentation(bytes)
            if !isCode { result.append(contentsOf: bytes[..<end]) }
            index = end
            if let mark = lineStartMark(bytes, at: index) {
                result.append(contentsOf: bytes[index..<mark])
                result.append(backslash)
                index = mark
            }
        }
        while index < bytes.count {
            if mustEscape(bytes, at: index, place) { result.append(backslash) }
            result.append(bytes[index])
            index += 1
        }
        return result
    }

    /// The text without its leading blanks when they would make an indented code block; as it
    /// is otherwise.
    static func droppingIndentation(_ text: String) -> String {
        var copy = text
        let drop = copy.withUTF8 { bytes in
            let (end, isCode) = indentation(bytes)
            return isCode ? end : 0
        }
        return drop == 0 ? text : String(decoding: text.utf8.dropFirst(drop), as: UTF8.self)
    }

    /// Where the blanks at the start of a line end, and whether they make an indented code block
    /// (a tab, or four spaces or more): then they are dropped, since a paragraph, a list item or a
    /// heading ignores its leading blanks anyway; fewer are kept.
    private static func indentation(_ bytes: UnsafeBufferPointer<UInt8>) -> (end: Int, isCode: Bool) {
        var end = 0
        var isCode = false
        while end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x09 {
            if bytes[end] == 0x09 || end == 3 { isCode = true }
            end += 1
        }
        return (end, isCode)
    }

    /// Where a backslash goes at the start of a line (`start` is its first non-blank byte): before
    /// `#`, `>`, `-`, `+`, `=`, `[`, or before the `.` or `)` of « 12. » or « 3) » followed by a blank
    /// or the end. The characters escaped anywhere are left to `mustEscape`.
    static func lineStartMark(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        switch bytes[start] {
        case UInt8(ascii: "#"), UInt8(ascii: ">"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "="), UInt8(ascii: "["):
            return start
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            var index = start
            while index < bytes.count, index - start < 10, isDigit(bytes[index]) { index += 1 }
            guard index - start <= 9, index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ")") else { return nil }
            let next = index + 1
            return next == bytes.count || bytes[next] == 0x20 || bytes[next] == 0x09 ? index : nil
        default:
            return nil
        }
    }

    /// Whether the byte at `index` takes a backslash wherever it stands.
    static func mustEscape(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ place: Place) -> Bool {
        let byte = bytes[index]
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "*"), UInt8(ascii: "`"), UInt8(ascii: "<"), UInt8(ascii: "~"):
            return true
        case UInt8(ascii: "]"):
            return index + 1 < bytes.count && (bytes[index + 1] == UInt8(ascii: "(") || bytes[index + 1] == UInt8(ascii: "["))
        case UInt8(ascii: "["):
            return index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "^")
        case UInt8(ascii: "_"):
            return !(index > 0 && isAlphanumeric(bytes[index - 1]) && index + 1 < bytes.count && isAlphanumeric(bytes[index + 1]))
        case UInt8(ascii: "&"):
            return startsEntity(bytes, at: index)
        default:
            return byte == place.alsoEscaped
        }
    }

    /// Whether `&` at `index` starts `&name;`, `&#digits;` or `&#xhex;`, which CommonMark would
    /// read as a character.
    private static func startsEntity(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        var next = index + 1
        if next < bytes.count, bytes[next] == UInt8(ascii: "#") { next += 1 }
        let start = next
        while next < bytes.count, isAlphanumeric(bytes[next]) { next += 1 }
        return next > start && next < bytes.count && bytes[next] == UInt8(ascii: ";")
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isDigit(byte) || ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z"))
    }
}
