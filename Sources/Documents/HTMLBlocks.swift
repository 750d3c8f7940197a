import Synchronization

/// Each block of a document as HTML: the element that says what it is, and a class named after
/// its role, which `HTMLStyleSheet` styles.
enum HTMLBlocks {
    static func render(_ block: Block, into html: inout MarkupText) {
        switch block {
        case .heading(let title, let level):
            let tag = "h\(min(max(level, 1), 6))"
            element(tag, class: "heading", title, into: &html)
        case .actTitle(let lines):
            actTitle(lines, into: &html)
        case .paragraph(let text, let role):
            element("p", class: className(role), text, into: &html)
        case .article(let label, let paragraphs):
            section("article", title: label, titleClass: "articleLabel", paragraphs: paragraphs, paragraphClass: "body", into: &html)
        case .list(let items):
            list("ul", class: "list", items, into: &html)
        case .numbered(let items):
            list("ol", class: "numbered", items, into: &html)
        case .table(let table):
            Self.table(table, into: &html)
        case .fields(let fields):
            html.raw("<table class=\"fields\">\n<tbody>\n")
            for field in fields { fieldRow(field, into: &html) }
            html.raw("</tbody>\n</table>\n")
        case .quotation(let quote, let source):
            // The guillemets are text, so that their spaces are no-break as everywhere else.
            html.raw("<figure class=\"quotation\">\n<blockquote><p>")
            HTMLRendering.inline("« " + quote + " »", into: &html)
            html.raw("</p></blockquote>\n<figcaption>— ")
            HTMLRendering.inline(source, into: &html)
            html.raw("</figcaption>\n</figure>\n")
        case .mention(let title, let paragraphs):
            section("mention", title: title, titleClass: "mentionTitle", paragraphs: paragraphs, paragraphClass: "mentionText", into: &html)
        case .signature(let signature):
            Self.signature(signature, into: &html)
        case .notice(let notice):
            html.raw("<aside class=\"notice\"><p>")
            HTMLRendering.inline(notice, into: &html)
            html.raw("</p></aside>\n")
        case .pageBreak:
            html.raw("<div class=\"pageBreak\"></div>\n")
        case .separator:
            html.raw("<hr class=\"separator\">\n")
        case .shared(let shared):
            html.raw(bytes: shared.rendered(.html) { blocks in
                var markup = MarkupText(capacity: 8_192)
                for block in blocks { render(block, into: &markup) }
                return markup.utf8
            })
        }
    }

    static func className(_ role: ParagraphRole) -> String {
        switch role {
        case .body: "body"
        case .visa: "visa"
        case .considering: "considering"
        case .operative: "operative"
        case .small: "small"
        }
    }

    private static func element(_ tag: String, class name: String, _ text: Text, into html: inout MarkupText) {
        // In pieces, not interpolated: a document has hundreds of elements.
        html.raw("<")
        html.raw(tag)
        html.raw(" class=\"")
        html.raw(name)
        html.raw("\">")
        HTMLRendering.inline(text, into: &html)
        html.raw("</")
        html.raw(tag)
        html.raw(">\n")
    }

    /// The first line says what the act is and its number; the others, what it is about.
    private static func actTitle(_ lines: [Text], into html: inout MarkupText) {
        guard let first = lines.first else { return }
        html.raw("<h1 class=\"actTitle\"><span class=\"actKind\">")
        HTMLRendering.inline(first, into: &html)
        html.raw("</span>")
        for line in lines.dropFirst() {
            html.raw("<br>\n<span class=\"actSubject\">")
            HTMLRendering.inline(line, into: &html)
            html.raw("</span>")
        }
        html.raw("</h1>\n")
    }

    /// A titled section — an article, a mention —: `<section class="kind">`, its title, then
    /// its paragraphs, each part with the class the style sheet gives it.
    private static func section(_ kind: String, title: String, titleClass: String, paragraphs: [Text], paragraphClass: String,
                                into html: inout MarkupText) {
        html.raw("<section class=\"")
        html.raw(kind)
        html.raw("\">\n<h2 class=\"")
        html.raw(titleClass)
        html.raw("\">")
        html.text(HTMLRendering.oneLine(title))
        html.raw("</h2>\n")
        for paragraph in paragraphs { element("p", class: paragraphClass, paragraph, into: &html) }
        html.raw("</section>\n")
    }

    private static func list(_ tag: String, class name: String, _ items: [Text], into html: inout MarkupText) {
        guard !items.isEmpty else { return }
        html.raw("<\(tag) class=\"\(name)\">\n")
        for item in items { element("li", class: "item", item, into: &html) }
        html.raw("</\(tag)>\n")
    }

    /// A table whose header repeats on each printed page (`<thead>`), with its columns' relative widths.
    private static func table(_ table: Table, into html: inout MarkupText) {
        html.raw("<table class=\"table\">\n")
        html.raw(bytes: columns(table.widths))
        html.raw("<thead>\n<tr>")
        for cell in table.header {
            html.raw("<th scope=\"col\">")
            HTMLRendering.inline(cell, into: &html)
            html.raw("</th>")
        }
        html.raw("</tr>\n</thead>\n<tbody>\n")
        for row in table.rows {
            html.raw("<tr>")
            for cell in row {
                html.raw("<td>")
                HTMLRendering.inline(cell, into: &html)
                html.raw("</td>")
            }
            html.raw("</tr>\n")
        }
        html.raw("</tbody>\n</table>\n")
    }

    /// `<colgroup>` with a `<col>` of each column's width, and its line break: the same for the
    /// same widths, so made once for them (a batch lays out the same few tables in every act).
    private static func columns(_ widths: [Int]) -> [UInt8] {
        if let known = colgroups.withLock({ $0[widths] }) { return known }
        var markup = MarkupText(capacity: 256)
        markup.raw("<colgroup>")
        for width in percentages(widths) { markup.raw("<col style=\"width: \(width)%\">") }
        markup.raw("</colgroup>\n")
        colgroups.withLock { if $0.count < 1_000 { $0[widths] = markup.utf8 } }
        return markup.utf8
    }

    private static let colgroups = Mutex<[[Int]: [UInt8]]>([:])

    /// Relative widths as percentages with two decimals ("33.33"), computed on integers so that
    /// the same widths always print alike; a width below 1 counts as 1.
    static func percentages(_ widths: [Int]) -> [String] {
        let weights = widths.map { max($0, 1) }
        let total = weights.reduce(0, +)
        guard total > 0 else { return [] }
        return weights.map { weight in
            let hundredths = weight * 10_000 / total
            let cents = hundredths % 100
            return "\(hundredths / 100).\(cents < 10 ? "0" : "")\(cents)"
        }
    }

    static func fieldRow(_ field: Field, into html: inout MarkupText) {
        html.raw("<tr><th scope=\"row\">")
        html.text(HTMLRendering.oneLine(field.label))
        html.raw("</th><td>")
        HTMLRendering.inline(field.value, into: &html)
        html.raw("</td></tr>\n")
    }

    /// Place and date, the signatory's title, room to sign, the name; or, when no signatory is
    /// named, what is missing, in bold.
    private static func signature(_ signature: Signature, into html: inout MarkupText) {
        html.raw("<div class=\"signature\">\n<p class=\"placeAndDate\">")
        html.text(HTMLRendering.oneLine(signature.placeAndDate))
        html.raw("</p>\n")
        if let missing = signature.missing {
            html.raw("<p class=\"missing\"><strong>")
            html.text(missing)
            html.raw("</strong></p>\n</div>\n")
            return
        }
        if !signature.title.isEmpty {
            html.raw("<p class=\"signatoryTitle\">")
            HTMLRendering.lines(signature.title, into: &html)
            html.raw("</p>\n")
        }
        if let name = signature.name {
            html.raw("<p class=\"signatoryName\">")
            html.text(HTMLRendering.oneLine(name))
            html.raw("</p>\n")
        }
        html.raw("</div>\n")
    }
}
