/// A document laid out as blocks, independent of the format it is delivered in: the acts are
/// built once as a `Document`, then rendered as Markdown for review and diffs
/// (`MarkdownRendering`), as self-contained HTML with print CSS (`HTMLRendering`), and as an
/// OpenDocument text from the authority's template (the `OpenDocument` module).
///
/// A document says what each part *is* (a visa, a considérant, an article, a signature), never
/// how it looks: the look is the renderer's, and for ODT the template's styles.
public struct Document: Sendable, Equatable {
    /// The document's title, as a window, a tab or a file's metadata show it.
    public var title: String
    /// The authority and its service at the top of the first page; nil for a document that has none.
    public var letterhead: Letterhead?
    /// The document's parts, in reading order: what each renderer lays out, one after the other.
    public var blocks: [Block]

    public init(title: String, letterhead: Letterhead? = nil, blocks: [Block] = []) {
        self.title = title
        self.letterhead = letterhead
        self.blocks = blocks
    }

    /// Adds a part at the end: the act builders write a document from top to bottom.
    public mutating func append(_ block: Block) { blocks.append(block) }
    /// Adds parts at the end, in their order.
    public mutating func append(contentsOf blocks: [Block]) { self.blocks += blocks }
}

/// The top of the first page: who writes, and the references a reply quotes.
public struct Letterhead: Sendable, Equatable {
    /// "Département du Pas-de-Calais".
    public var authority: String
    /// The service and the agent in charge, one line each ("Direction des sports", "Affaire
    /// suivie par : …").
    public var sender: [String]
    /// Labelled references: the application's, the act's, the date.
    public var references: [Field]
    /// The addressee's block, for a letter: name and address lines.
    public var addressee: [String]

    public init(authority: String, sender: [String] = [], references: [Field] = [], addressee: [String] = []) {
        self.authority = authority
        self.sender = sender
        self.references = references
        self.addressee = addressee
    }
}

/// A label and its value, as in a document's table of references.
public struct Field: Sendable, Equatable {
    /// What the value is (« N/Réf. », « Objet »), plain: a label is never emphasised.
    public var label: String
    /// The value, which may carry emphasis (an amount in bold).
    public var value: Text

    public init(_ label: String, _ value: Text) {
        self.label = label
        self.value = value
    }
}

/// One part of a document.
public enum Block: Sendable, Equatable {
    /// A section heading; level 1 is the document's own title.
    case heading(Text, level: Int)
    /// The act's title, centred: its kind and number, then what it is about, one line each
    /// ("DÉCISION n° …", "portant attribution d'une aide …").
    case actTitle([Text])
    /// A paragraph of running text, in a role that gives it its style.
    case paragraph(Text, role: ParagraphRole = .body)
    /// An article of an act: "Article 1er", then its paragraphs.
    case article(label: String, paragraphs: [Text])
    /// A bulleted list.
    case list([Text])
    /// A numbered list.
    case numbered([Text])
    /// A table with a header row.
    case table(Table)
    /// Labelled values, laid out as a two-column table without header. The acts do not use it
    /// today (their references are the letterhead's); every renderer covers it and is tested.
    case fields([Field])
    /// A passage of a text, quoted, with where it comes from. The acts quote their texts within
    /// the considérants today; every renderer covers it and is tested.
    case quotation(Text, source: Text)
    /// A titled mention the law requires (routes of appeal, personal data, algorithmic
    /// processing): small print after the body of the act.
    case mention(title: String, paragraphs: [Text])
    /// The place, the date, the signatory's title and name.
    case signature(Signature)
    /// A notice in a frame at the top: what the document is (a simulation, a draft), or that it was notified.
    case notice(Text)
    /// What follows starts on a new page (an annex).
    case pageBreak
    /// A thin line closing the document before its technical footer.
    case separator
    /// Blocks many documents of a run hold alike, laid out once per format (`SharedBlocks`):
    /// each renderer gives them exactly the bytes it would give the blocks themselves.
    case shared(SharedBlocks)
}

/// What a paragraph is in an act, which decides its style: the renderers and the ODT template
/// give each role its look.
public enum ParagraphRole: String, Sendable, Equatable, CaseIterable {
    /// Running text.
    case body
    /// « Vu … ; »
    case visa
    /// « Considérant que … ; »
    case considering
    /// The acting body's name before the visas, or « DÉCIDE : », « ARRÊTE : », centred.
    case operative
    /// Small print: a footer, the document's fingerprints.
    case small
}

/// A table: header cells, then rows of cells; `widths` are relative column widths.
public struct Table: Sendable, Equatable {
    /// The header row, repeated at the top of each printed page.
    public var header: [Text]
    /// The rows; a row shorter than the header is filled with empty cells.
    public var rows: [[Text]]
    /// Each column's share of the width (a width below 1 counts as 1), so that a long text
    /// column gets room and a number column does not.
    public var widths: [Int]

    public init(header: [Text], rows: [[Text]], widths: [Int]? = nil) {
        self.header = header
        self.rows = rows
        self.widths = widths ?? Array(repeating: 1, count: header.count)
    }
}

/// The signature block: « Fait à …, le … », the signatory's title, name, and the mention of a
/// delegation; `missing` when the deployment names no signatory, said in bold instead.
public struct Signature: Sendable, Equatable {
    /// « Fait à Arras, le 14 décembre 2020 »: where and when the act is signed.
    public var placeAndDate: String
    /// The signatory's title and delegation, one line each (« Pour le Président … », « et par
    /// délégation, », « La Vice-présidente … »).
    public var title: [String]
    /// The signatory's name, below the room to sign; nil when the title says enough.
    public var name: String?
    /// What the deployment lacks to sign (« Signataire non renseigné … »): printed in bold
    /// instead of the title and name, so that an unsignable act cannot pass for a signed one.
    public var missing: String?

    public init(placeAndDate: String, title: [String], name: String?, missing: String? = nil) {
        self.placeAndDate = placeAndDate
        self.title = title
        self.name = name
        self.missing = missing
    }
}
