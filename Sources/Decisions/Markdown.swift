/// Markdown as every French document of the tool writes it: decisions, orientations, selection
/// reports, scheme explanations and simulation reports. Texts come from rules, applications and
/// reforms, so headings, list items and table cells are flattened to one line, and table cells
/// escape `|`: no text from a file can break the layout around it.
public struct MarkdownText {
    public private(set) var result = ""

    public init() {}

    /// A line as it is: for text the caller has laid out itself.
    public mutating func line(_ text: String) {
        result += text
        result += "\n"
    }

    public mutating func blank() { result += "\n" }

    /// "## Title", then a blank line.
    public mutating func heading(_ title: String, level: Int = 2) {
        line(String(repeating: "#", count: level) + " " + Self.oneLine(title))
        blank()
    }

    /// "- item" for each item, then a blank line; nothing for no item.
    public mutating func list(_ items: [String]) {
        guard !items.isEmpty else { return }
        for item in items { line("- " + Self.oneLine(item)) }
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
        row(header)
        line("|" + String(repeating: "---|", count: header.count))
        for cells in rows { row(cells) }
        blank()
    }

    /// One table line; an empty cell stays one space wide ("| | Aujourd'hui |").
    public mutating func row(_ cells: [String]) {
        line("|" + cells.map { cell in
            let escaped = Self.cell(cell)
            return escaped.isEmpty ? " " : " \(escaped) "
        }.joined(separator: "|") + "|")
    }

    /// Text made safe inside a table cell: `|` escaped, every line break a space.
    public static func cell(_ text: String) -> String {
        oneLine(text).replacing("|", with: "\\|")
    }

    /// Line breaks (`\r\n`, `\r`, `\n`, and Unicode's line and paragraph separators) as one space
    /// each: Swift reads `\r\n` as a single character.
    static func oneLine(_ text: String) -> String {
        guard text.contains(where: \.isNewline) else { return text }
        return String(text.map { $0.isNewline ? " " : $0 })
    }
}
