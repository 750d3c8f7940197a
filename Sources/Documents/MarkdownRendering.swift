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
        text.heading(level: 1) { $0.append(escaping: letterhead.authority, at: .heading) }
        lines(letterhead.sender, into: &text)
        if !letterhead.references.isEmpty { fields(letterhead.references, into: &text) }
        lines(letterhead.addressee, into: &text)
    }

    private static func render(_ block: Block, into text: inout MarkdownText) {
        switch block {
        case .heading(let title, let level):
            text.heading(level: level) { appendInline(title, at: .heading, into: &$0) }
        case .actTitle(let lines):
            guard let first = lines.first else { return }
            text.heading(level: 2) { appendInline(first, at: .heading, into: &$0) }
            for line in lines.dropFirst() {
                text.line { strong(line, into: &$0) }
                text.blank()
            }
        case .paragraph(let paragraph, let role):
            text.line { role == .operative ? strong(paragraph, into: &$0) : appendInline(paragraph, at: .lineStart, into: &$0) }
            text.blank()
        case .article(let label, let paragraphs), .mention(let label, let paragraphs):
            text.heading(level: 3) { $0.append(escaping: label, at: .heading) }
            for paragraph in paragraphs {
                text.line { appendInline(paragraph, at: .lineStart, into: &$0) }
                text.blank()
            }
        case .list(let items):
            text.list(items.map { inline($0) })
        case .numbered(let items):
            text.numbered(items.map { inline($0) })
        case .table(let table):
            text.tableHeader(columns: table.header.count) { appendInline(table.header[$0], at: .inline, inCell: true, into: &$1) }
            for row in table.rows {
                text.row(cells: row.count) { appendInline(row[$0], at: .inline, inCell: true, into: &$1) }
            }
            text.blank()
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

    /// `**text**`, the text escaped within the line.
    private static func strong(_ text: Text, into markdown: inout MarkdownText) {
        markdown.append(strongMarker)
        appendInline(text, at: .inline, into: &markdown)
        markdown.append(strongMarker)
    }

    private static let strongMarker = Array("**".utf8)
    /// A backslash at the end of a line: a hard line break.
    private static let hardBreak = Array("\\".utf8)

    private static func escaped(_ text: String, _ place: MarkdownEscaping.Place) -> String {
        MarkdownEscaping.escaped(text, at: place)
    }

    private static func fields(_ fields: [Field], into text: inout MarkdownText) {
        text.tableHeader(columns: 2) { _, _ in }
        for field in fields {
            text.row(cells: 2) { column, cell in
                if column == 0 {
                    cell.append(escaping: field.label, at: .inline, inCell: true)
                } else {
                    appendInline(field.value, at: .inline, inCell: true, into: &cell)
                }
            }
        }
        text.blank()
    }

    /// Lines kept apart by a hard line break (a backslash at the end of the line).
    private static func lines(_ lines: [String], into text: inout MarkdownText) {
        guard !lines.isEmpty else { return }
        for (index, line) in lines.enumerated() {
            text.line { markdown in
                markdown.append(escaping: line, at: .addressLine)
                if index < lines.count - 1 { markdown.append(hardBreak) }
            }
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
