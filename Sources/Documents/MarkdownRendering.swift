/// A document as Markdown, for review and diffs: the structure kept (headings, tables, quotes),
/// the look left to whoever reads it. The ODT and HTML versions are what a person signs and prints.
///
/// The Markdown of an act is its record, so every text from a file is escaped for where it
/// stands (`MarkdownEscaping`): a name, an address or a motive reads as written, never as a
/// heading, an emphasis, a link or HTML; the markup is only what the document's blocks say.
public enum MarkdownRendering {
    /// The Markdown's bytes, as a batch writes them to a file and hashes them (the act's record).
    public static func utf8(_ document: Document) -> [UInt8] {
        var text = MarkdownText(capacity: 16_384)
        render(document, into: &text)
        return text.utf8
    }

    /// The Markdown as a string, for tests and for reading.
    public static func string(_ document: Document) -> String {
        String(decoding: utf8(document), as: UTF8.self)
    }

    /// Appends the document to `text`, so that a caller can add to it or reuse one buffer.
    public static func render(_ document: Document, into text: inout MarkdownText) {
        if let letterhead = document.letterhead { render(letterhead, into: &text) }
        for block in document.blocks { render(block, into: &text) }
    }

    private static func render(_ letterhead: Letterhead, into text: inout MarkdownText) {
        text.heading(escaped(letterhead.authority, .heading), level: 1)
        lines(letterhead.sender, into: &text)
        if !letterhead.references.isEmpty { fields(letterhead.references, into: &text) }
        lines(letterhead.addressee, into: &text)
    }

    private static func render(_ block: Block, into text: inout MarkdownText) {
        switch block {
        case .heading(let title, let level):
            text.heading(inline(title, at: .heading), level: level)
        case .actTitle(let lines):
            guard let first = lines.first else { return }
            text.heading(inline(first, at: .heading), level: 2)
            for line in lines.dropFirst() {
                text.line("**\(inline(line, at: .inline))**")
                text.blank()
            }
        case .paragraph(let paragraph, let role):
            text.line(role == .operative ? "**\(inline(paragraph, at: .inline))**" : inline(paragraph))
            text.blank()
        case .article(let label, let paragraphs), .mention(let label, let paragraphs):
            text.heading(escaped(label, .heading), level: 3)
            for paragraph in paragraphs {
                text.line(inline(paragraph))
                text.blank()
            }
        case .list(let items):
            text.list(items.map { inline($0) })
        case .numbered(let items):
            text.numbered(items.map { inline($0) })
        case .table(let table):
            text.table(table.header.map(cell), table.rows.map { $0.map(cell) })
        case .fields(let fields):
            Self.fields(fields, into: &text)
        case .quotation(let quote, let source):
            text.line("> « \(inline(quote, at: .inline)) »")
            text.line(">")
            text.line("> — \(inline(source, at: .inline))")
            text.blank()
        case .signature(let signature):
            Self.signature(signature, into: &text)
        case .notice(let notice):
            text.line("> \(inline(notice))")
            text.blank()
        case .pageBreak:
            break
        case .separator:
            text.line("---")
            text.blank()
        case .shared(let shared):
            text.append(shared.rendered(.markdown) { blocks in
                var markdown = MarkdownText(capacity: 4_096)
                for block in blocks { render(block, into: &markdown) }
                return markdown.utf8
            })
        }
    }

    private static func escaped(_ text: String, _ place: MarkdownEscaping.Place) -> String {
        MarkdownEscaping.escaped(text, at: place)
    }

    /// A table cell: within a line (`MarkdownText.cell` then escapes `|`).
    private static func cell(_ text: Text) -> String { inline(text, at: .inline) }

    private static func fields(_ fields: [Field], into text: inout MarkdownText) {
        text.table(["", ""], fields.map { [escaped($0.label, .inline), cell($0.value)] })
    }

    /// Lines kept apart by a hard line break (a backslash at the end of the line).
    private static func lines(_ lines: [String], into text: inout MarkdownText) {
        guard !lines.isEmpty else { return }
        for (index, line) in lines.enumerated() {
            text.line(escaped(line, .addressLine) + (index == lines.count - 1 ? "" : "\\"))
        }
        text.blank()
    }

    private static func signature(_ signature: Signature, into text: inout MarkdownText) {
        text.line(escaped(signature.placeAndDate, .lineStart))
        text.blank()
        if let missing = signature.missing {
            text.line("**\(escaped(missing, .inline))**")
            text.blank()
            return
        }
        lines(signature.title + ["", "(signature)", ""] + [signature.name].compactMap { $0 }, into: &text)
    }
}
