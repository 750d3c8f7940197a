/// French typography for the printed formats (HTML, ODT): the space before « ; », « : », « ! »,
/// « ? » and « » », and the space after « « », become no-break spaces, so that a printed line
/// never starts with a colon or a closing guillemet (« DÉCIDE : » stays whole, « dispositif « Aide
/// … » » does not leave its guillemet at the end of a line). The Markdown keeps the texts as
/// written: it is read as source and diffed.
public enum FrenchTypography {
    public static let noBreakSpace: Character = "\u{00A0}"

    /// The text with the spaces around French punctuation made no-break; the text itself when
    /// there is none, found in one pass over its UTF-8 bytes.
    public static func nonBreaking(_ text: String) -> String {
        guard needsWork(text) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        var previous: Character?
        var pendingSpace = false
        for character in text {
            if pendingSpace {
                pendingSpace = false
                result.append(closesOrStops(character) ? noBreakSpace : " ")
            }
            if character == " " && previous != "«" {
                pendingSpace = true
            } else if character == " " {
                result.append(noBreakSpace)
            } else {
                result.append(character)
            }
            previous = character
        }
        if pendingSpace { result.append(" ") }
        return result
    }

    private static func closesOrStops(_ character: Character) -> Bool {
        character == ";" || character == ":" || character == "!" || character == "?" || character == "»"
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
