/// How an application file written by the program (a dossier imported from an export, a
/// questionnaire's answers) writes a text, so that nothing in it can change the file's
/// structure: a double-quoted YAML scalar, with `\` and `"` escaped and every character YAML
/// would take as a line break or refuse as unprintable written as an escape (`\u000A`). A name
/// such as `Commune "X": {a: b}` stays one scalar, read back exactly.
public enum YAMLScalar {
    /// `text` as a double-quoted YAML scalar.
    public static func quoted(_ text: String) -> String {
        var result = "\""
        result.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            // The usual escapes, as a person reading the file knows them.
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if needsEscape(scalar) {
                    result += "\\u" + hex(scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// C0 and C1 controls, DEL, the Unicode line and paragraph separators (which YAML reads as
    /// line breaks), the byte order mark and the non-characters YAML refuses.
    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
