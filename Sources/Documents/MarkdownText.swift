/// Markdown as every French document of the tool writes it: decisions, orientations, selection
/// reports, scheme explanations and simulation reports. Texts come from rules, applications and
/// reforms, so headings, list items and table cells are flattened to one line, and table cells
/// escape `|`: no text from a file can break the layout around it. What in a text could be read
/// as markup (`*`, `<`, a leading `#`…) is escaped by whoever lays it out, for where it stands
/// (`MarkdownEscaping`, as `MarkdownRendering` does).
///
/// A batch writes a document per application, so everything is appended to one buffer of
/// UTF-8 bytes, and a text that needs no escaping (nearly all of them) is appended as it is
/// after one pass over its bytes.
public struct MarkdownText {
    /// The document so far, in UTF-8.
    public internal(set) var utf8: [UInt8] = []

    public init() {}

    /// With room for `capacity` bytes, so that a long document is not copied as it grows.
    public init(capacity: Int) {
        utf8.reserveCapacity(capacity)
    }

    /// The document so far.
    public var result: String { String(decoding: utf8, as: UTF8.self) }

    /// A line as it is: for text the caller has laid out itself.
    public mutating func line(_ text: String) {
        utf8.append(contentsOf: text.utf8)
        utf8.append(Self.newline)
    }

    /// A line the caller writes through `content`, then a line feed.
    mutating func line(_ content: (inout MarkdownText) -> Void) {
        content(&self)
        utf8.append(Self.newline)
    }

    /// An empty line: what ends a paragraph, a list or a table in Markdown.
    public mutating func blank() { utf8.append(Self.newline) }

    /// Markdown already laid out and escaped, such as a section every decision of a scheme shares.
    public mutating func append(_ markdown: [UInt8]) { utf8.append(contentsOf: markdown) }

    private mutating func append(_ text: String) { text.withUTF8Bytes { utf8.append(contentsOf: $0) } }

    private static let newline = UInt8(ascii: "\n")

    /// "## Title", then a blank line.
    public mutating func heading(_ title: String, level: Int = 2) {
        heading(level: level) { $0.append(Self.oneLine(title)) }
    }

    /// A heading whose title, on one line, the caller writes through `title`.
    mutating func heading(level: Int, _ title: (inout MarkdownText) -> Void) {
        for _ in 0..<level { utf8.append(UInt8(ascii: "#")) }
        utf8.append(UInt8(ascii: " "))
        title(&self)
        utf8.append(Self.newline)
        utf8.append(Self.newline)
    }

    /// "- item" for each item, then a blank line; nothing for no item.
    public mutating func list(_ items: [String]) {
        guard !items.isEmpty else { return }
        for item in items {
            utf8.append(UInt8(ascii: "-"))
            utf8.append(UInt8(ascii: " "))
            append(Self.oneLine(item))
            utf8.append(Self.newline)
        }
        blank()
    }

    /// "1. item", "2. item"…, then a blank line; nothing for no item.
    public mutating func numbered(_ items: [String]) {
        guard !items.isEmpty else { return }
        for (position, item) in items.enumerated() { line("\(position + 1). " + Self.oneLine(item)) }
        blank()
    }

    /// A titled list, left out when it has no item.
    public mutating func section(_ title: String, bullets: [String], level: Int = 2) {
        guard !bullets.isEmpty else { return }
        heading(title, level: level)
        list(bullets)
    }

    /// A table: the header, its separator, one line a row (every cell escaped), then a blank line.
    public mutating func table(_ header: [String], _ rows: [[String]]) {
        tableHeader(columns: header.count) { column, text in text.append(Self.cell(header[column])) }
        for cells in rows { row(cells) }
        blank()
    }

    /// One table line; an empty cell stays one space wide ("| | Aujourd'hui |").
    public mutating func row(_ cells: [String]) {
        row(cells: cells.count) { column, text in text.append(Self.cell(cells[column])) }
    }

    /// A table's header line, whose cells the caller writes through `cell` (column, text), and
    /// the separator line under it.
    mutating func tableHeader(columns: Int, _ cell: (Int, inout MarkdownText) -> Void) {
        row(cells: columns, cell)
        utf8.append(UInt8(ascii: "|"))
        for _ in 0..<columns { append("---|") }
        utf8.append(Self.newline)
    }

    /// One table line of `cells` cells, each written by the caller through `cell` (column,
    /// text), already made safe for a cell; an empty cell stays one space wide.
    mutating func row(cells: Int, _ cell: (Int, inout MarkdownText) -> Void) {
        utf8.append(UInt8(ascii: "|"))
        for column in 0..<cells {
            utf8.append(UInt8(ascii: " "))
            let start = utf8.count
            cell(column, &self)
            if utf8.count > start { utf8.append(UInt8(ascii: " ")) }
            utf8.append(UInt8(ascii: "|"))
        }
        utf8.append(Self.newline)
    }

    /// Text made safe inside a table cell: `|` escaped, every line break a space.
    public static func cell(_ text: String) -> String {
        switch Escapes(text) {
        case .none: text
        case .bars: text.replacing("|", with: "\\|")
        case .lineBreaks: oneLineSlowly(text).replacing("|", with: "\\|")
        }
    }

    /// Line breaks (`\r\n`, `\r`, `\n`, and Unicode's line and paragraph separators) as one space
    /// each: Swift reads `\r\n` as a single character.
    public static func oneLine(_ text: String) -> String {
        Escapes(text) == .lineBreaks ? oneLineSlowly(text) : text
    }

    private static func oneLineSlowly(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }

    /// What a text holds that a table cell or a line must escape, found in one pass over its
    /// UTF-8 bytes. A character is a line break (`Character.isNewline`) when its first scalar is
    /// U+000A to U+000D, U+0085, U+2028 or U+2029: none of them joins a grapheme with what
    /// precedes it, so looking for these scalars finds exactly the characters `isNewline` finds.
    enum Escapes: Equatable {
        /// Nothing to escape: the text goes as it is.
        case none
        /// `|`, and no line break.
        case bars
        /// At least one line break (and perhaps `|`).
        case lineBreaks

        init(_ text: String) {
            self = text.withUTF8Bytes(Escapes.scan)
        }

        /// The bytes the scan looks at closely: line breaks, `|`, the last byte of U+0085 (not
        /// its first, C2, which « », and the no-break space start too) and the first byte of
        /// U+2028 and U+2029.
        private static let marks = ByteSet([UInt8(ascii: "|"), 0x85, 0xE2], ranges: [0x0A...0x0D])

        private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Escapes {
            var found = Escapes.none
            let end = bytes.count
            var index = marks.firstIndex(in: bytes, from: 0)
            while index < end {
                let byte = bytes[index]
                switch byte {
                case 0x0A...0x0D: return .lineBreaks
                case UInt8(ascii: "|"): found = .bars
                case 0x85, 0xE2: if UnicodeLineBreaks.isBreak(bytes, at: index) { return .lineBreaks }
                default: break
                }
                index = marks.firstIndex(in: bytes, from: index + 1)
            }
            return found
        }
    }
}
