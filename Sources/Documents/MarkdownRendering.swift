/// A document as Markdown, for review and diffs: the structure kept (headings, tables, quotes),
/// the look left to whoever reads it. The ODT and HTML versions are what a person signs and prints.
public enum MarkdownRendering {
    public static func utf8(_ document: Document) -> [UInt8] {
        var text = MarkdownText(capacity: 16_384)
        render(document, into: &text)
        return text.utf8
    }

    public static func string(_ document: Document) -> String {
        String(decoding: utf8(document), as: UTF8.self)
    }

    public static func render(_ document: Document, into text: inout MarkdownText) {
        if let letterhead = document.letterhead { render(letterhead, into: &text) }
        for block in document.blocks { render(block, into: &text) }
    }

    private static func render(_ letterhead: Letterhead, into text: inout MarkdownText) {
        text.heading(letterhead.authority, level: 1)
        lines(letterhead.sender, into: &text)
        if !letterhead.references.isEmpty { fields(letterhead.references, into: &text) }
        lines(letterhead.addressee, into: &text)
    }

    private static func render(_ block: Block, into text: inout MarkdownText) {
        switch block {
        case .heading(let title, let level):
            text.heading(inline(title), level: level)
        case .actTitle(let lines):
            guard let first = lines.first else { return }
            text.heading(inline(first), level: 2)
            for line in lines.dropFirst() {
                text.line("**\(inline(line))**")
                text.blank()
            }
        case .paragraph(let paragraph, let role):
            let line = inline(paragraph)
            text.line(role == .operative ? "**\(line)**" : line)
            text.blank()
        case .article(let label, let paragraphs):
            text.heading(label, level: 3)
            for paragraph in paragraphs {
                text.line(inline(paragraph))
                text.blank()
            }
        case .list(let items):
            text.list(items.map(inline))
        case .numbered(let items):
            text.numbered(items.map(inline))
        case .table(let table):
            text.table(table.header.map(inline), table.rows.map { $0.map(inline) })
        case .fields(let fields):
            Self.fields(fields, into: &text)
        case .quotation(let quote, let source):
            text.line("> « \(inline(quote)) »")
            text.line(">")
            text.line("> — \(inline(source))")
            text.blank()
        case .mention(let title, let paragraphs):
            text.heading(title, level: 3)
            for paragraph in paragraphs {
                text.line(inline(paragraph))
                text.blank()
            }
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
        }
    }

    private static func fields(_ fields: [Field], into text: inout MarkdownText) {
        text.table(["", ""], fields.map { [$0.label, inline($0.value)] })
    }

    /// Lines kept apart by a hard line break (a backslash at the end of the line).
    private static func lines(_ lines: [String], into text: inout MarkdownText) {
        guard !lines.isEmpty else { return }
        for (index, line) in lines.enumerated() {
            text.line(MarkdownText.oneLine(line) + (index == lines.count - 1 ? "" : "\\"))
        }
        text.blank()
    }

    private static func signature(_ signature: Signature, into text: inout MarkdownText) {
        text.line(signature.placeAndDate)
        text.blank()
        if let missing = signature.missing {
            text.line("**\(missing)**")
            text.blank()
            return
        }
        lines(signature.title + ["", "(signature)", ""] + [signature.name].compactMap { $0 }, into: &text)
    }

    /// Runs as Markdown: `**strong**`, `*emphasis*`, `` `code` ``, every line break a space.
    public static func inline(_ text: Text) -> String {
        var result = ""
        for run in text.runs {
            let flat = MarkdownText.oneLine(run.text)
            switch run.style {
            case .plain: result += flat
            case .strong: result += marked(flat, "**")
            case .emphasis: result += marked(flat, "*")
            case .code: result += marked(flat, "`")
            }
        }
        return result
    }

    /// `**text**` with the spaces around the text kept outside the markers, where CommonMark
    /// needs them: `**Objet : **` would not be bold.
    private static func marked(_ text: String, _ marker: String) -> String {
        let leading = text.prefix { $0 == " " }
        let trailing = text.dropFirst(leading.count).reversed().prefix { $0 == " " }
        let core = text.dropFirst(leading.count).dropLast(trailing.count)
        guard !core.isEmpty else { return text }
        return leading + marker + core + marker + String(trailing)
    }
}
