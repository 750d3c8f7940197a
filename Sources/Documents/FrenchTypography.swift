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
        guard needsWork(text) else { return text }
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 8)
        for (index, byte) in bytes.enumerated() {
            guard byte == UInt8(ascii: " ") else {
                result.append(byte)
                continue
            }
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
            let beforeStop = switch next {
            case UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"), UInt8(ascii: "?"): true
            case 0xC2: index + 2 < bytes.count && bytes[index + 2] == 0xBB
            default: false
            }
            let afterOpening = index >= 2 && bytes[index - 2] == 0xC2 && bytes[index - 1] == 0xAB
            if beforeStop || afterOpening {
                result += [0xC2, 0xA0]
            } else {
                result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Whether a space stands before `;`, `:`, `!`, `?`, `»` (C2 BB) or after `«` (C2 AB).
    private static func needsWork(_ text: String) -> Bool {
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"), UInt8(ascii: "?"), 0xC2:
                if previous == UInt8(ascii: " ") { return true }
            case UInt8(ascii: " "):
                if previous == 0xAB && beforePrevious == 0xC2 { return true }
            default: break
            }
            beforePrevious = previous
            previous = byte
        }
        return false
    }
}
