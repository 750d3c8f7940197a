/// One XML part of a template (content.xml, styles.xml) cut, once, where the renderer writes: at
/// its marks (`{{titre}}`…), at the paragraph that holds `{{corps}}`, and, in content.xml, where
/// the automatic styles go. Rendering then only puts bytes end to end.
///
/// LibreOffice may split a mark typed by hand across elements (`<text:span>{{ti</text:span>tre}}`)
/// when the author changed its formatting half-way: the mark is still found, its first piece of
/// text gets the value and the rest of its text is dropped, the elements around kept, so that the
/// XML stays balanced.
struct TemplatePart: Sendable {
    enum Piece: Sendable {
        /// The template's XML, with its CRC-32 (`PartXML`).
        case literal(FixedXML)
        case mark(Placeholder)
        /// The renderer's automatic styles; `wrapped` when the template has no
        /// `<office:automatic-styles>` element to put them in.
        case automaticStyles(wrapped: Bool)
    }

    let pieces: [Piece]
    /// The bytes of the literal pieces: what every rendering of the part holds at least.
    let literalCount: Int
    /// The marks the part holds.
    let marks: Set<Placeholder>

    /// - Parameters:
    ///   - name: the part's name in the archive, for the errors.
    ///   - isContent: whether this is content.xml, the only part where `{{corps}}` and the
    ///     automatic styles may go.
    init(xml: [UInt8], name: String, template: String, isContent: Bool) throws(ODTTemplateError) {
        let xml = Namespaces.declared(in: xml)
        var cuts = try Self.marks(in: xml, name: name, template: template)
        let found = Set(cuts.compactMap { cut -> Placeholder? in if case .mark(let mark) = cut.piece { mark } else { nil } })
        if isContent {
            guard found.contains(.body) else { throw .missingBody(template) }
            cuts.append(try Self.automaticStylesCut(in: xml, template: template))
            cuts.sort { $0.range.lowerBound < $1.range.lowerBound }
        } else if found.contains(.body) {
            throw ODTTemplateError(template: template, part: name,
                                   reason: "le repère {{corps}} ne peut figurer que dans le corps du texte (content.xml), pas dans un en-tête ou un pied de page")
        }
        var pieces: [Piece] = []
        var position = 0
        for cut in cuts {
            if cut.range.lowerBound > position { pieces.append(.literal(FixedXML(Array(xml[position..<cut.range.lowerBound])))) }
            pieces.append(cut.piece)
            position = cut.range.upperBound
        }
        if position < xml.count { pieces.append(.literal(FixedXML(Array(xml[position...])))) }
        self.pieces = pieces
        literalCount = pieces.reduce(0) { count, piece in if case .literal(let xml) = piece { count + xml.bytes.count } else { count } }
        marks = found
    }

    /// Appends the part with the values written in: `value` writes each mark's XML,
    /// `automaticStyles` the definitions of the automatic styles (without their
    /// `<office:automatic-styles>` element). Written straight where it goes (an archive's entry).
    func render(into result: inout PartXML, automaticStyles: PartXML? = nil, value: (Placeholder, inout PartXML) -> Void) {
        for piece in pieces {
            switch piece {
            case .literal(let xml): result.append(xml)
            case .mark(let mark): value(mark, &result)
            case .automaticStyles(let wrapped):
                if wrapped { result.raw(literal: "<office:automatic-styles>") }
                if let automaticStyles { result.append(automaticStyles) }
                if wrapped { result.raw(literal: "</office:automatic-styles>") }
            }
        }
    }

    private typealias Cut = (range: Range<Int>, piece: Piece)

    /// Every mark outside the tags, with, for `{{corps}}`, the whole paragraph that holds it.
    private static func marks(in xml: [UInt8], name: String, template: String) throws(ODTTemplateError) -> [Cut] {
        var cuts: [Cut] = []
        var index = 0
        while index < xml.count {
            let byte = xml[index]
            if byte == UInt8(ascii: "<") {
                index = Bytes.endOfTag(xml, from: index)
                continue
            }
            guard byte == UInt8(ascii: "{"), let (text, spelled) = markText(in: xml, at: index) else {
                index += 1
                continue
            }
            guard let mark = Placeholder(rawValue: spelled) else {
                throw ODTTemplateError(template: template, part: name,
                                       reason: "repère inconnu {{\(spelled)}} ; les repères sont \(Placeholder.known)")
            }
            if mark == .body {
                guard !cuts.contains(where: { if case .mark(.body) = $0.piece { true } else { false } }) else {
                    throw ODTTemplateError(template: template, part: name, reason: "le repère {{corps}} figure plusieurs fois ; il doit être unique")
                }
                // The paragraph goes whole: a mark before {{corps}} in it goes with it.
                let whole = try paragraph(around: text, in: xml, name: name, template: template)
                cuts.removeAll { whole.contains($0.range.lowerBound) }
                cuts.append((whole, .mark(.body)))
                index = whole.upperBound
            } else {
                cuts.append((text[0], .mark(mark)))
                cuts += text.dropFirst().map { ($0, .literal(FixedXML([]))) }
                index = text.last!.upperBound
            }
        }
        return cuts
    }

    /// The pieces of text of a mark starting at `start` (`{{`, letters, `}}`), with the elements
    /// between them skipped, and its name; nil when what starts there is no mark.
    private static func markText(in xml: [UInt8], at start: Int) -> (text: [Range<Int>], name: String)? {
        var pieces: [Range<Int>] = []
        var spelled: [UInt8] = []
        var pieceStart = start
        var index = start
        while index < xml.count, spelled.count < 40 {
            let byte = xml[index]
            if byte == UInt8(ascii: "<") {
                // A mark never spans paragraphs.
                if Bytes.matches(Array("<text:p".utf8), in: xml, at: index) || Bytes.matches(Array("</text:p".utf8), in: xml, at: index)
                    || Bytes.matches(Array("<text:h".utf8), in: xml, at: index) || Bytes.matches(Array("</text:h".utf8), in: xml, at: index) { return nil }
                if pieceStart < index { pieces.append(pieceStart..<index) }
                index = Bytes.endOfTag(xml, from: index)
                pieceStart = index
                continue
            }
            spelled.append(byte)
            index += 1
            let count = spelled.count
            if count <= 2 {
                guard byte == UInt8(ascii: "{") else { return nil }
            } else if count >= 5 && spelled[count - 2] == UInt8(ascii: "}") && byte == UInt8(ascii: "}") {
                pieces.append(pieceStart..<index)
                return (pieces, String(decoding: spelled[2..<(count - 2)], as: UTF8.self))
            } else if !Self.isNameByte(byte) {
                return nil
            }
        }
        return nil
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "}"): true
        default: false
        }
    }

    /// The paragraph (`text:p` or `text:h`) that holds the mark, from its opening tag to its closing one.
    private static func paragraph(around text: [Range<Int>], in xml: [UInt8], name: String, template: String) throws(ODTTemplateError) -> Range<Int> {
        let start = text[0].lowerBound
        let openings = ["<text:p ", "<text:p>", "<text:h ", "<text:h>"].compactMap { Bytes.findLast($0, in: xml, before: start) }
        guard let open = openings.max() else {
            throw ODTTemplateError(template: template, part: name, reason: "le repère {{corps}} doit former un paragraphe à lui seul")
        }
        let heading = xml[open + 6] == UInt8(ascii: "h")
        guard let close = Bytes.find(heading ? "</text:h>" : "</text:p>", in: xml, from: text.last!.upperBound) else {
            throw ODTTemplateError(template: template, part: name, reason: "le paragraphe du repère {{corps}} n'est pas fermé")
        }
        return open..<(close + 9)
    }

    /// Where the renderer's automatic styles go: at the end of the template's own, or, when it
    /// has none, in a new element before the body.
    private static func automaticStylesCut(in xml: [UInt8], template: String) throws(ODTTemplateError) -> Cut {
        if let end = Bytes.find("</office:automatic-styles>", in: xml) {
            return (end..<end, .automaticStyles(wrapped: false))
        }
        if let empty = Bytes.find("<office:automatic-styles/>", in: xml) {
            return (empty..<(empty + 26), .automaticStyles(wrapped: true))
        }
        guard let body = Bytes.find("<office:body", in: xml) else {
            throw ODTTemplateError(template: template, part: "content.xml", reason: "l'élément office:body manque ; ce n'est pas le contenu d'un document OpenDocument")
        }
        return (body..<body, .automaticStyles(wrapped: true))
    }
}
