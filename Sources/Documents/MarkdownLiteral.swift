/// Texts that Markdown shows as written, appended to the document as they are.
///
/// Escaping a text for Markdown takes three passes over it (`MarkdownText.oneLine`,
/// `MarkdownEscaping.escaped`, and `MarkdownText.cell` in a table) and a string each. Nearly every
/// text of an act needs none of them, so one pass first asks whether the escaping would leave the
/// text unchanged; when it would, its bytes go straight into the document. Any doubt takes the
/// escaping path, so both give the same bytes by construction.
extension MarkdownEscaping {
    /// Whether `bytes`, a text standing at `place`, comes out of `escaped(_:at:)` unchanged and,
    /// `inCell`, out of `MarkdownText.cell` too: no line break, nothing `mustEscape` escapes, no
    /// blank or block marker opening the line, no `|` in a table cell.
    static func isLiteral(_ bytes: UnsafeBufferPointer<UInt8>, at place: Place, inCell: Bool) -> Bool {
        // A byte escaped in this place that the scan below does not stop at: the escaping decides.
        if let extra = place.alsoEscaped, !literalStops.contains(extra) { return false }
        if place.opensLine {
            guard let first = bytes.first, first != 0x20, first != 0x09, lineStartMark(bytes, at: 0) == nil else { return false }
        }
        var index = literalStops.firstIndex(in: bytes, from: 0)
        while index < bytes.count {
            switch bytes[index] {
            // The line breaks `MarkdownText.oneLine` flattens.
            case 0x0A...0x0D: return false
            case 0x85, 0xE2: if UnicodeLineBreaks.isBreak(bytes, at: index) { return false }
            case UInt8(ascii: "|") where inCell: return false
            default: if mustEscape(bytes, at: index, place) { return false }
            }
            index = literalStops.firstIndex(in: bytes, from: index + 1)
        }
        return true
    }

    /// The bytes `isLiteral` looks at closely: those `mustEscape` may escape and those that may
    /// be part of a line break.
    private static let literalStops = ByteSet(Array("\\*`<~[]_&#|".utf8) + [0x85, 0xE2], ranges: [0x0A...0x0D])
}

extension MarkdownText {
    /// Appends bytes the caller has found literal (`MarkdownEscaping.isLiteral`).
    mutating func append(literal bytes: UnsafeBufferPointer<UInt8>) { utf8.append(contentsOf: bytes) }

    /// Appends a text escaped for `place`: what `MarkdownEscaping.escaped(text, at: place)` returns
    /// (made a table cell by `MarkdownText.cell` when `inCell`), without a string when it is literal.
    mutating func append(escaping text: String, at place: MarkdownEscaping.Place, inCell: Bool = false) {
        let literal = text.withUTF8Bytes { bytes in
            guard MarkdownEscaping.isLiteral(bytes, at: place, inCell: inCell) else { return false }
            append(literal: bytes)
            return true
        }
        guard !literal else { return }
        let escaped = MarkdownEscaping.escaped(text, at: place)
        utf8.append(contentsOf: (inCell ? Self.cell(escaped) : escaped).utf8)
    }
}

extension MarkdownRendering {
    /// Appends what `inline(text, at: place)` returns (made a table cell by `MarkdownText.cell`
    /// when `inCell`). Runs whose bytes are literal where they stand go straight into the
    /// document; a code run, two plain runs in a row (escaped together), a strong or emphasised
    /// run with a space at an end (`marked` moves it), or any run that is not literal sends the
    /// whole text through `inline`.
    static func appendInline(_ text: Text, at place: MarkdownEscaping.Place, inCell: Bool = false, into markdown: inout MarkdownText) {
        let start = markdown.utf8.count
        if !appendLiteralRuns(text.runs, at: place, inCell: inCell, into: &markdown) {
            // What the literal runs before it appended goes: the whole text takes the long way.
            markdown.utf8.removeSubrange(start...)
            let inline = inline(text, at: place)
            markdown.append(Array((inCell ? MarkdownText.cell(inline) : inline).utf8))
        }
    }

    /// Appends each run as `inline` would write it, as it is between its markers, while it is
    /// literal where it stands, and returns true when every run was: each run's bytes are read
    /// once, checked and copied. Returns false at the first run `inline` would write otherwise
    /// (see `appendInline`), having appended the runs before it, which the caller takes back.
    private static func appendLiteralRuns(_ runs: [Text.Run], at place: MarkdownEscaping.Place, inCell: Bool,
                                          into markdown: inout MarkdownText) -> Bool {
        var place = place
        var previous: Text.Style?
        for run in runs {
            let literal = run.text.withUTF8Bytes { bytes in
                // No marker for a plain run (a code run is never literal).
                let marker: StaticString?
                switch run.style {
                case .code: return false
                case .plain:
                    guard previous != .plain && MarkdownEscaping.isLiteral(bytes, at: place, inCell: inCell) else { return false }
                    marker = nil
                case .strong, .emphasis:
                    // A blank first byte at the start of a line may leave the line's start to the
                    // next run (`inline`); the escaping path decides then.
                    guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20,
                          !(place.opensLine && first == 0x09),
                          MarkdownEscaping.isLiteral(bytes, at: place.within, inCell: inCell) else { return false }
                    marker = run.style == .strong ? "**" : "*"
                }
                marker?.withUTF8Buffer { markdown.append(literal: $0) }
                markdown.append(literal: bytes)
                marker?.withUTF8Buffer { markdown.append(literal: $0) }
                return true
            }
            guard literal else { return false }
            previous = run.style
            place = place.within
        }
        return true
    }
}
