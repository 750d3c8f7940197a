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
            guard needsWork(bytes) else { return text }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 8)
            // Only spaces change: the runs between them are copied whole.
            var copied = 0
            var index = spaces.firstIndex(in: bytes, from: 0)
            while index < bytes.count {
                if joins(bytes, at: index) {
                    result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
                    result += [0xC2, 0xA0]
                    copied = index + 1
                }
                index = spaces.firstIndex(in: bytes, from: index + 1)
            }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return String(decoding: result, as: UTF8.self)
        }
    }

    private static let spaces = ByteSet([UInt8(ascii: " ")])

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

    /// The bytes `needsWork` stops at: the punctuation a space may stand before, the first byte
    /// of « and », and the last byte of « (C2 AB), which a space may follow.
    private static let marks = ByteSet([UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"), UInt8(ascii: "?"), 0xC2, 0xAB])

    /// Whether a space stands before `;`, `:`, `!`, `?`, `»` (C2 BB) — or any C2 character — or
    /// after `«` (C2 AB). Only the bytes of `marks` are looked at closely.
    static func needsWork(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let space = UInt8(ascii: " ")
        var index = marks.firstIndex(in: bytes, from: 0)
        while index < bytes.count {
            if bytes[index] == 0xAB {
                if index > 0, bytes[index - 1] == 0xC2, index + 1 < bytes.count, bytes[index + 1] == space { return true }
            } else if index > 0, bytes[index - 1] == space {
                return true
            }
            index = marks.firstIndex(in: bytes, from: index + 1)
        }
        return false
    }
}
