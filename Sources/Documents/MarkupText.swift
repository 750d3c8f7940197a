/// XML or HTML being written as UTF-8 bytes: markup the renderer lays out itself goes as it is
/// (`raw`), texts from rules and applications go escaped (`text`), so that no text from a file
/// can open an element, close one or end an attribute. Shared by the HTML rendering and the
/// OpenDocument module, whose content.xml is XML as well.
///
/// A batch writes a document per application, so the common case — a text with nothing to
/// escape — is appended as it is after one pass over its bytes.
public struct MarkupText {
    /// The markup so far, in UTF-8.
    public private(set) var utf8: [UInt8] = []

    public init(capacity: Int = 16_384) {
        utf8.reserveCapacity(capacity)
    }

    /// The markup so far.
    public var result: String { String(decoding: utf8, as: UTF8.self) }

    /// Markup as it is: for tags and attributes the renderer writes itself.
    public mutating func raw(_ markup: String) {
        // A copy of contiguous bytes, not the generic append of a `String.UTF8View`: the
        // renderers write thousands of tags per document.
        markup.withUTF8Bytes { utf8.append(contentsOf: $0) }
    }

    /// Markup the renderer spells out in its code (a tag, an attribute): the same bytes as
    /// `raw(_:)`, without a `String`'s reference counting and its check for contiguous bytes,
    /// which cost more than copying a short tag. The renderers write hundreds of tags a document.
    public mutating func raw(literal markup: StaticString) {
        markup.withUTF8Buffer { utf8.append(contentsOf: $0) }
    }

    /// Markup already laid out, as bytes.
    public mutating func raw(bytes: [UInt8]) { utf8.append(contentsOf: bytes) }

    /// Markup already laid out, as part of a larger array of bytes.
    public mutating func raw(bytes: ArraySlice<UInt8>) { utf8.append(contentsOf: bytes) }

    /// Writes `bytes` over as many already written at `offset`: a length or a checksum known only
    /// once what follows it is written (a ZIP entry's header before its data). The length of the
    /// whole never changes.
    public mutating func overwrite(at offset: Int, with bytes: [UInt8]) {
        precondition(offset >= 0 && offset + bytes.count <= utf8.count, "overwriting bytes not yet written")
        utf8.replaceSubrange(offset..<(offset + bytes.count), with: bytes)
    }

    /// A text, escaped: `&`, `<`, `>` and `"` become entities, so that the text can stand in an
    /// element or in a double-quoted attribute; the control characters XML 1.0 forbids (all of
    /// C0 but tab, line feed and carriage return, and U+FFFE, U+FFFF) are left out, since a
    /// single one makes the whole file unreadable. Line breaks stay: what they become is the
    /// format's choice (`<br>`, `<text:line-break/>`), made before the text gets here.
    public mutating func text(_ text: String) {
        text.withUTF8Bytes { bytes in
            if Self.needsEscaping(bytes) {
                appendEscaped(bytes)
            } else {
                utf8.append(contentsOf: bytes)
            }
        }
    }

    /// A text with French typography (`FrenchTypography.nonBreaking`), escaped as `text(_:)`
    /// escapes it: the same bytes as `text(FrenchTypography.nonBreaking(text))`, written in one
    /// pass without building the intermediate string. Escaping never touches a space, and the
    /// spaces that become no-break are chosen on the text as written, as `nonBreaking` chooses them.
    public mutating func frenchText(_ text: String) {
        if !plainFrenchLine(text) { frenchTextEscaping(text) }
    }

    /// `frenchText` the longer way, for a text with something to escape: its French spaces
    /// found, then each stretch between them escaped.
    mutating func frenchTextEscaping(_ text: String) {
        text.withUTF8Bytes { bytes in
            var index = FrenchTypography.joiningSpace(in: bytes, from: 0)
            let escaping = Self.needsEscaping(bytes)
            var copied = 0
            while index < bytes.count {
                append(UnsafeBufferPointer(rebasing: bytes[copied..<index]), escaping: escaping)
                appendNoBreakSpace()
                copied = index + 1
                index = FrenchTypography.joiningSpace(in: bytes, from: copied)
            }
            append(UnsafeBufferPointer(rebasing: bytes[copied...]), escaping: escaping)
        }
    }

    /// Appends `text` as `frenchText` does and returns true when the text is one line with
    /// nothing to escape, nearly every text: then one pass over its bytes finds its French
    /// spaces. Otherwise appends nothing and returns false, and the caller lays the text out
    /// (its lines, its escapes) the longer way.
    public mutating func plainFrenchLine(_ text: String) -> Bool {
        text.withUTF8Bytes { bytes in
            let start = utf8.count
            var copied = 0
            var stop = Self.plainLineStops.firstIndex(in: bytes, from: 0)
            while stop < bytes.count {
                switch bytes[stop] {
                case UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"), UInt8(ascii: "?"), 0xC2, 0xAB:
                    if let space = FrenchTypography.space(joinedBy: stop, in: bytes, from: copied) {
                        utf8.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<space]))
                        appendNoBreakSpace()
                        copied = space + 1
                    }
                case 0x85 where !UnicodeLineBreaks.isBreak(bytes, at: stop), 0xE2 where !UnicodeLineBreaks.isBreak(bytes, at: stop):
                    break
                default:
                    // A byte to escape, a control character or a line break.
                    utf8.removeSubrange(start...)
                    return false
                }
                stop = Self.plainLineStops.firstIndex(in: bytes, from: stop + 1)
            }
            utf8.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return true
        }
    }

    /// The bytes `plainFrenchLine` looks at: French punctuation (`FrenchTypography`), the bytes
    /// `escaped` holds, every C0 control but the tab (line breaks among them) and the bytes that
    /// may be part of U+0085, U+2028 or U+2029.
    private static let plainLineStops = ByteSet([UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"), UInt8(ascii: "?"), 0xC2, 0xAB,
                                                 UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), 0xEF, 0x85, 0xE2],
                                                ranges: [0x00...0x08, 0x0A...0x1F])

    /// U+00A0, C2 A0 in UTF-8: two bytes appended, not an array of them made and copied.
    private mutating func appendNoBreakSpace() {
        utf8.append(0xC2)
        utf8.append(0xA0)
    }

    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, escaping: Bool) {
        if escaping { appendEscaped(bytes) } else { utf8.append(contentsOf: bytes) }
    }

    /// The bytes that make a text need escaping: `&`, `<`, `>`, `"`, the C0 controls but tab,
    /// line feed and carriage return, and EF, which may start U+FFFE or U+FFFF (checked slowly).
    private static let escaped = ByteSet([UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), 0xEF],
                                         ranges: [0x00...0x08, 0x0B...0x0C, 0x0E...0x1F])

    private static func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        escaped.firstIndex(in: bytes, from: 0) < bytes.count
    }

    private mutating func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>) {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "&"): raw("&amp;")
            case UInt8(ascii: "<"): raw("&lt;")
            case UInt8(ascii: ">"): raw("&gt;")
            case UInt8(ascii: "\""): raw("&quot;")
            case 0x00...0x1F where byte != 0x09 && byte != 0x0A && byte != 0x0D: break
            // U+FFFE and U+FFFF are EF BF BE and EF BF BF in UTF-8.
            case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE:
                index += 2
            default: utf8.append(byte)
            }
            index += 1
        }
    }
}
