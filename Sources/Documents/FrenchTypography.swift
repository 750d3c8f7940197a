/// French typography for the printed formats (HTML, ODT): the space before « ; », « : », « ! »,
/// « ? » and « » », and the space after « « », become no-break spaces, so that a printed line
/// never starts with a colon or a closing guillemet (« DÉCIDE : » stays whole, « dispositif « Aide
/// … » » does not leave its guillemet at the end of a line). The Markdown keeps the texts as
/// written: it is read as source and diffed.
public enum FrenchTypography {
    /// The text with the spaces around French punctuation made no-break; the text itself when
    /// there is none, found in one pass over its UTF-8 bytes. Works on the bytes: a space is
    /// U+0020 alone, « and » are C2 AB and C2 BB, the no-break space C2 A0.
    public static func nonBreaking(_ text: String) -> String {
        text.withUTF8Bytes { bytes in
            var index = joiningSpace(in: bytes, from: 0)
            guard index < bytes.count else { return text }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 8)
            // Only spaces change: the runs between them are copied whole.
            var copied = 0
            while index < bytes.count {
                result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
                result += [0xC2, 0xA0]
                copied = index + 1
                index = joiningSpace(in: bytes, from: copied)
            }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// Whether the space at `index` becomes a no-break space: it stands before `;`, `:`, `!`,
    /// `?` or `»` (C2 BB), or after `«` (C2 AB).
    public static func joins(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let next = index + 1 < bytes.count ? bytes[index + 1] : 0
        let beforeStop = switch next {
        case UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"), UInt8(ascii: "?"): true
        case 0xC2: index + 2 < bytes.count && bytes[index + 2] == 0xBB
        default: false
        }
        return beforeStop || (index >= 2 && bytes[index - 2] == 0xC2 && bytes[index - 1] == 0xAB)
    }

    /// The bytes `joiningSpace` stops at: the punctuation a space may stand before, the first
    /// byte of « and », and the last byte of « (C2 AB), which a space may follow.
    private static let marks = ByteSet([UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"), UInt8(ascii: "?"), 0xC2, 0xAB])

    /// The index of the first space at or after `start` that becomes no-break (`joins`);
    /// `bytes.count` when there is none. Spaces are frequent and these marks rare, so the scan
    /// skips from mark to mark and looks at the space before it, or after a «. A mark at `mark`
    /// can only make the space at `mark - 1` or `mark + 1` no-break, so the marks are met in the
    /// order of the spaces they make no-break.
    public static func joiningSpace(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var mark = marks.firstIndex(in: bytes, from: max(start - 1, 0))
        while mark < bytes.count {
            if let space = space(joinedBy: mark, in: bytes, from: start) { return space }
            mark = marks.firstIndex(in: bytes, from: mark + 1)
        }
        return bytes.count
    }

    /// The space at or after `start` that the mark at `mark` (one of `marks`) makes no-break:
    /// the space before `;`, `:`, `!`, `?` or `»`, or the one after `«`; nil when there is none.
    static func space(joinedBy mark: Int, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let space = UInt8(ascii: " ")
        if bytes[mark] == 0xAB {
            // « then a space: C2 AB 20.
            if mark > 0, bytes[mark - 1] == 0xC2, mark + 1 < bytes.count, bytes[mark + 1] == space, mark + 1 >= start { return mark + 1 }
        } else if mark > start, bytes[mark - 1] == space,
                  bytes[mark] != 0xC2 || (mark + 1 < bytes.count && bytes[mark + 1] == 0xBB) {
            return mark - 1
        }
        return nil
    }
}
