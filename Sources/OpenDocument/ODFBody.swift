import Documents

/// A document's blocks as the body of an ODF text: each block in paragraphs of its named style
/// (`ODFStyles`), tables as real `table:table`s. What the named styles cannot carry — a table's
/// width and its columns', its cells' borders, a row kept on one page — goes into automatic
/// styles (`automaticStyles`), which content.xml holds before the body: they are worked out
/// first, from the body's tables (`tables(of:templateMarks:)`), so that the body is then written
/// straight into content.xml (`render(_:templateMarks:tables:into:)`).
struct ODFBody {
    private(set) var xml: PartXML
    /// The widths of the tables the automatic styles were worked out for, in order.
    private let plannedTables: [[Int]?]
    private var tables = 0

    /// A body written into its own buffer, without tables (`ODFSharedBlocks`).
    init() {
        self.init(xml: PartXML(capacity: 65_536), tables: [])
    }

    private init(xml: PartXML, tables: [[Int]?]) {
        self.xml = xml
        plannedTables = tables
    }

    /// Appends the document's body — the letterhead's parts the template has no mark for, then
    /// the blocks — to `xml`, where `{{corps}}` stood in content.xml. `tables` must be
    /// `tables(of: document, templateMarks: marks)`, which the automatic styles were written from.
    static func render(_ document: Document, templateMarks marks: Set<Placeholder>, tables: [[Int]?], into xml: inout PartXML) {
        // The caller's buffer is lent to the body and taken back: written in place, not copied.
        var body = ODFBody(xml: PartXML(capacity: 0), tables: tables)
        swap(&body.xml, &xml)
        if let letterhead = document.letterhead { body.letterhead(letterhead, templateMarks: marks) }
        body.render(document.blocks)
        swap(&body.xml, &xml)
        // Both walks are this file's code, the same for every document: a difference is a bug
        // that the tests of each kind of block find, checked in every build all the same, since
        // it would name styles content.xml lacks.
        precondition(body.tables == tables.count, "the body laid out other tables than its automatic styles were written for")
    }

    /// The widths of the tables the body lays out, in the order `render` numbers them (nil for
    /// one it numbers but does not lay out, without a column): the letterhead's references when
    /// the template has no mark for them, then the blocks' tables and fields, those of shared
    /// blocks included.
    static func tables(of document: Document, templateMarks marks: Set<Placeholder>) -> [[Int]?] {
        var widths: [[Int]?] = []
        if let letterhead = document.letterhead, !marks.contains(.references), !letterhead.references.isEmpty {
            widths.append(ODFTables.fieldWidths)
        }
        collectTables(document.blocks, into: &widths)
        return widths
    }

    private static func collectTables(_ blocks: [Block], into widths: inout [[Int]?]) {
        for block in blocks {
            switch block {
            case .table(let table): widths.append(ODFTables.widths(of: table))
            case .fields(let fields): widths.append(fields.isEmpty ? nil : ODFTables.fieldWidths)
            case .shared(let shared) where shared.hasTables: collectTables(shared.blocks, into: &widths)
            default: break
            }
        }
    }

    /// The automatic styles of a body with `tables`: the definitions of the named styles the
    /// template lacks (`ODTTemplate.missingStyleDefinitions`), the styles every table shares,
    /// then each table's.
    static func automaticStyles(tables: [[Int]?], missingStyles: FixedXML?) -> PartXML {
        var styles = PartXML(capacity: 4_096)
        if let missingStyles { styles.append(missingStyles) }
        styles.append(ODFTables.sharedStyles)
        for (index, widths) in tables.enumerated() {
            if let widths { styles.append(ODFTables.styles(number: index + 1, widths: widths)) }
        }
        return styles
    }

    /// Numbers the next table and gives its widths, checked against the plan the automatic
    /// styles were written from; nil when it is not laid out.
    private mutating func nextTable(_ widths: [Int]?) -> [Int]? {
        tables += 1
        precondition(tables <= plannedTables.count && plannedTables[tables - 1] == widths, "a table the automatic styles do not have")
        return widths
    }

    mutating func render(_ blocks: [Block]) {
        for block in blocks { render(block) }
    }

    mutating func render(_ block: Block) {
        switch block {
        case .heading(let title, let level):
            let level = max(level, 1)
            let style = ODFStyles.headings[min(level, ODFStyles.headings.count) - 1]
            xml.raw(literal: "<text:h text:style-name=\"")
            xml.raw(style.name)
            xml.raw(literal: "\" text:outline-level=\"")
            xml.raw(String(level))
            xml.raw(literal: "\">")
            xml.write { ODFInline.text(title, into: &$0) }
            xml.raw(literal: "</text:h>")
        case .actTitle(let lines):
            actTitle(lines)
        case .paragraph(let text, let role):
            paragraph(text, style: Self.style(of: role))
        case .article(let label, let paragraphs):
            paragraph(Text(label), style: ODFStyles.article)
            for text in paragraphs { paragraph(text, style: ODFStyles.articleText) }
        case .list(let items):
            list(items, style: ODFStyles.bullets)
        case .numbered(let items):
            list(items, style: ODFStyles.numbers)
        case .table(let table):
            if let widths = nextTable(ODFTables.widths(of: table)) { ODFTables.table(table, number: tables, widths: widths, into: &xml) }
        case .fields(let fields):
            if nextTable(fields.isEmpty ? nil : ODFTables.fieldWidths) != nil { ODFTables.fields(fields, number: tables, into: &xml) }
        case .quotation(let quote, let source):
            paragraph("« " + quote + " »", style: ODFStyles.quotation)
            paragraph("— " + source, style: ODFStyles.quotationSource)
        case .mention(let title, let paragraphs):
            paragraph(Text(title), style: ODFStyles.mentionTitle)
            for text in paragraphs { paragraph(text, style: ODFStyles.mention) }
        case .signature(let signature):
            self.signature(signature)
        case .notice(let notice):
            paragraph(notice, style: ODFStyles.notice)
        case .pageBreak:
            empty(ODFStyles.pageBreak)
        case .separator:
            empty(ODFStyles.separator)
        case .shared(let shared):
            // A table's name and styles are numbered through the document: laid out in place.
            guard !shared.hasTables else { return render(shared.blocks) }
            xml.append(ODFSharedBlocks.xml(of: shared))
        }
    }

    static func style(of role: ParagraphRole) -> ODFStyle {
        switch role {
        case .body: ODFStyles.body
        case .visa: ODFStyles.visa
        case .considering: ODFStyles.considering
        case .operative: ODFStyles.operative
        case .small: ODFStyles.small
        }
    }

    mutating func paragraph(_ text: Text, style: ODFStyle) {
        xml.raw(literal: "<text:p ")
        xml.raw(style.styleNameAttribute)
        xml.write { ODFInline.text(text, into: &$0) }
        xml.raw(literal: "</text:p>")
    }

    private mutating func empty(_ style: ODFStyle) {
        xml.raw(literal: "<text:p text:style-name=\"")
        xml.raw(style.name)
        xml.raw(literal: "\"/>")
    }

    /// One centred paragraph: the act's kind and number in capitals, then what it is about.
    private mutating func actTitle(_ lines: [Text]) {
        guard let first = lines.first else { return }
        xml.raw(literal: "<text:p ")
        xml.raw(ODFStyles.actTitle.styleNameAttribute)
        xml.raw(literal: "<text:span ")
        xml.raw(ODFStyles.actKind.styleNameAttribute)
        xml.write { ODFInline.text(first, into: &$0) }
        xml.raw(literal: "</text:span>")
        for line in lines.dropFirst() {
            xml.raw(literal: "<text:line-break/>")
            xml.write { ODFInline.text(line, into: &$0) }
        }
        xml.raw(literal: "</text:p>")
    }

    private mutating func list(_ items: [Text], style: ODFStyle) {
        guard !items.isEmpty else { return }
        xml.raw(literal: "<text:list ")
        xml.raw(style.styleNameAttribute)
        for item in items {
            xml.raw(literal: "<text:list-item>")
            paragraph(item, style: ODFStyles.listItem)
            xml.raw(literal: "</text:list-item>")
        }
        xml.raw(literal: "</text:list>")
    }

    /// Place and date, then the signatory's title and, after room to sign, the name, all kept
    /// on one page; or, when no signatory is named, what is missing, in bold.
    private mutating func signature(_ signature: Signature) {
        paragraph(Text(signature.placeAndDate), style: ODFStyles.placeAndDate)
        if let missing = signature.missing {
            paragraph(.strong(missing), style: ODFStyles.signature)
            return
        }
        if !signature.title.isEmpty {
            xml.raw(literal: "<text:p ")
            xml.raw(ODFStyles.signature.styleNameAttribute)
            xml.write { ODFInline.lines(signature.title, into: &$0) }
            xml.raw(literal: "</text:p>")
        }
        paragraph(Text(signature.name ?? ""), style: ODFStyles.signatory)
    }

    /// The letterhead's parts the template has no mark for, at the top of the body.
    private mutating func letterhead(_ letterhead: Letterhead, templateMarks marks: Set<Placeholder>) {
        if !marks.contains(.authority) { paragraph(.strong(letterhead.authority), style: ODFStyles.letterhead) }
        if !marks.contains(.sender), !letterhead.sender.isEmpty { lines(letterhead.sender) }
        if !marks.contains(.references), !letterhead.references.isEmpty, nextTable(ODFTables.fieldWidths) != nil {
            ODFTables.fields(letterhead.references, number: tables, into: &xml)
        }
        if !marks.contains(.addressee), !letterhead.addressee.isEmpty { lines(letterhead.addressee) }
    }

    private mutating func lines(_ lines: [String]) {
        xml.raw(literal: "<text:p ")
        xml.raw(ODFStyles.letterhead.styleNameAttribute)
        xml.write { ODFInline.lines(lines, into: &$0) }
        xml.raw(literal: "</text:p>")
    }
}
