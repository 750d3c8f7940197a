import Synchronization

/// Each block of a document as HTML: the element that says what it is, and a class named after
/// its role, which `HTMLStyleSheet` styles.
enum HTMLBlocks {
    static func render(_ block: Block, into html: inout MarkupText) {
        switch block {
        case .heading(let title, let level):
            element(headingTag(level), class: "heading", title, into: &html)
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
            html.raw(literal: "<table class=\"fields\">\n<tbody>\n")
            for field in fields { fieldRow(field, into: &html) }
            html.raw(literal: "</tbody>\n</table>\n")
        case .quotation(let quote, let source):
            // The guillemets are text, so that their spaces are no-break as everywhere else.
            html.raw(literal: "<figure class=\"quotation\">\n<blockquote><p>")
            HTMLRendering.inline("« " + quote + " »", into: &html)
            html.raw(literal: "</p></blockquote>\n<figcaption>— ")
            HTMLRendering.inline(source, into: &html)
            html.raw(literal: "</figcaption>\n</figure>\n")
        case .mention(let title, let paragraphs):
            section("mention", title: title, titleClass: "mentionTitle", paragraphs: paragraphs, paragraphClass: "mentionText", into: &html)
        case .signature(let signature):
            Self.signature(signature, into: &html)
        case .notice(let notice):
            html.raw(literal: "<aside class=\"notice\"><p>")
            HTMLRendering.inline(notice, into: &html)
            html.raw(literal: "</p></aside>\n")
        case .pageBreak:
            html.raw(literal: "<div class=\"pageBreak\"></div>\n")
        case .separator:
            html.raw(literal: "<hr class=\"separator\">\n")
        case .shared(let shared):
            html.raw(bytes: shared.rendered(.html) { blocks in
                var markup = MarkupText(capacity: 8_192)
                for block in blocks { render(block, into: &markup) }
                return markup.utf8
            })
        }
    }

    /// `h1` to `h6`: a heading's level, 1 at least and 6 at most.
    private static func headingTag(_ level: Int) -> StaticString {
        switch min(max(level, 1), 6) {
        case 1: "h1"
        case 2: "h2"
        case 3: "h3"
        case 4: "h4"
        case 5: "h5"
        default: "h6"
        }
    }

    static func className(_ role: ParagraphRole) -> StaticString {
        switch role {
        case .body: "body"
        case .visa: "visa"
        case .considering: "considering"
        case .operative: "operative"
        case .small: "small"
        }
    }

    private static func element(_ tag: StaticString, class name: StaticString, _ text: Text, into html: inout MarkupText) {
        // In pieces, not interpolated, and from static strings: a document has hundreds of elements.
        html.raw(literal: "<")
        html.raw(literal: tag)
        html.raw(literal: " class=\"")
        html.raw(literal: name)
        html.raw(literal: "\">")
        HTMLRendering.inline(text, into: &html)
        html.raw(literal: "</")
        html.raw(literal: tag)
        html.raw(literal: ">\n")
    }

    /// The first line says what the act is and its number; the others, what it is about.
    private static func actTitle(_ lines: [Text], into html: inout MarkupText) {
        guard let first = lines.first else { return }
        html.raw(literal: "<h1 class=\"actTitle\"><span class=\"actKind\">")
        HTMLRendering.inline(first, into: &html)
        html.raw(literal: "</span>")
        for line in lines.dropFirst() {
            html.raw(literal: "<br>\n<span class=\"actSubject\">")
            HTMLRendering.inline(line, into: &html)
            html.raw(literal: "</span>")
        }
        html.raw(literal: "</h1>\n")
    }

    /// A titled section — an article, a mention —: `<section class="kind">`, its title, then
    /// its paragraphs, each part with the class the style sheet gives it.
    private static func section(_ kind: StaticString, title: String, titleClass: StaticString, paragraphs: [Text],
                                paragraphClass: StaticString, into html: inout MarkupText) {
        html.raw(literal: "<section class=\"")
        html.raw(literal: kind)
        html.raw(literal: "\">\n<h2 class=\"")
        html.raw(literal: titleClass)
        html.raw(literal: "\">")
        html.text(HTMLRendering.oneLine(title))
        html.raw(literal: "</h2>\n")
        for paragraph in paragraphs { element("p", class: paragraphClass, paragraph, into: &html) }
        html.raw(literal: "</section>\n")
    }

    private static func list(_ tag: StaticString, class name: StaticString, _ items: [Text], into html: inout MarkupText) {
        guard !items.isEmpty else { return }
        html.raw(literal: "<")
        html.raw(literal: tag)
        html.raw(literal: " class=\"")
        html.raw(literal: name)
        html.raw(literal: "\">\n")
        for item in items { element("li", class: "item", item, into: &html) }
        html.raw(literal: "</")
        html.raw(literal: tag)
        html.raw(literal: ">\n")
    }

    /// A table whose header repeats on each printed page (`<thead>`), with its columns' relative widths.
    private static func table(_ table: Table, into html: inout MarkupText) {
        html.raw(literal: "<table class=\"table\">\n")
        html.raw(bytes: columns(table.widths))
        html.raw(literal: "<thead>\n<tr>")
        for cell in table.header {
            html.raw(literal: "<th scope=\"col\">")
            HTMLRendering.inline(cell, into: &html)
            html.raw(literal: "</th>")
        }
        html.raw(literal: "</tr>\n</thead>\n<tbody>\n")
        for row in table.rows {
            // A cell's closing tag and the next one's opening go as one piece: a table of the
            // annex has dozens of cells.
            for (index, cell) in row.enumerated() {
                html.raw(literal: index == 0 ? "<tr><td>" : "</td><td>")
                HTMLRendering.inline(cell, into: &html)
            }
            html.raw(literal: row.isEmpty ? "<tr></tr>\n" : "</td></tr>\n")
        }
        html.raw(literal: "</tbody>\n</table>\n")
    }

    /// `<colgroup>` with a `<col>` of each column's width, and its line break: the same for the
    /// same widths, so made once for them (a batch lays out the same few tables in every act).
    private static func columns(_ widths: [Int]) -> [UInt8] {
        if let known = colgroups.withLock({ $0[widths] }) { return known }
        var markup = MarkupText(capacity: 256)
        markup.raw(literal: "<colgroup>")
        for width in percentages(widths) { markup.raw("<col style=\"width: \(width)%\">") }
        markup.raw(literal: "</colgroup>\n")
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
        html.raw(literal: "<tr><th scope=\"row\">")
        html.text(HTMLRendering.oneLine(field.label))
        html.raw(literal: "</th><td>")
        HTMLRendering.inline(field.value, into: &html)
        html.raw(literal: "</td></tr>\n")
    }

    /// Place and date, the signatory's title, room to sign, the name; or, when no signatory is
    /// named, what is missing, in bold.
    private static func signature(_ signature: Signature, into html: inout MarkupText) {
        html.raw(literal: "<div class=\"signature\">\n<p class=\"placeAndDate\">")
        html.text(HTMLRendering.oneLine(signature.placeAndDate))
        html.raw(literal: "</p>\n")
        if let missing = signature.missing {
            html.raw(literal: "<p class=\"missing\"><strong>")
            html.text(missing)
            html.raw(literal: "</strong></p>\n</div>\n")
            return
        }
        if !signature.title.isEmpty {
            html.raw(literal: "<p class=\"signatoryTitle\">")
            HTMLRendering.lines(signature.title, into: &html)
            html.raw(literal: "</p>\n")
        }
        if let name = signature.name {
            html.raw(literal: "<p class=\"signatoryName\">")
            html.text(HTMLRendering.oneLine(name))
            html.raw(literal: "</p>\n")
        }
        html.raw(literal: "</div>\n")
    }
}
