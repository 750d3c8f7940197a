/// A small JSON writer whose output depends only on the calls made: keys are written in the
/// order given, so a decision's JSON is byte-identical from one run to the next.
struct JSONWriter {
    private(set) var text = ""
    private var indent = 0
    private var needsComma = [false]

    mutating func object(_ key: String? = nil, _ body: (inout JSONWriter) -> Void) {
        open(key, "{")
        body(&self)
        close("}")
    }

    mutating func array(_ key: String? = nil, _ body: (inout JSONWriter) -> Void) {
        open(key, "[")
        body(&self)
        close("]")
    }

    mutating func string(_ key: String?, _ value: String?) {
        element(key, value.map(JSONWriter.quoted) ?? "null")
    }

    mutating func bool(_ key: String?, _ value: Bool) {
        element(key, value ? "true" : "false")
    }

    mutating func number(_ key: String?, _ value: Int?) {
        element(key, value.map(String.init) ?? "null")
    }

    private mutating func element(_ key: String?, _ literal: String) {
        separate()
        if let key { text += JSONWriter.quoted(key) + ": " }
        text += literal
    }

    private mutating func open(_ key: String?, _ bracket: String) {
        element(key, bracket)
        indent += 1
        needsComma.append(false)
    }

    private mutating func close(_ bracket: String) {
        let hadElements = needsComma.removeLast()
        indent -= 1
        if hadElements { newline() }
        text += bracket
    }

    private mutating func separate() {
        if needsComma[needsComma.count - 1] { text += "," }
        if !needsComma.isEmpty, indent > 0 { newline() }
        needsComma[needsComma.count - 1] = true
    }

    private mutating func newline() {
        text += "\n" + String(repeating: "  ", count: indent)
    }

    static func quoted(_ value: String) -> String { JSONString.quoted(value) }
}

/// JSON string literals, escaped as RFC 8259 requires.
public enum JSONString {
    public static func quoted(_ value: String) -> String {
        var result = ""
        append(value, to: &result)
        return result
    }

    /// Appends `value` as a JSON string literal, without building intermediate strings.
    public static func append(_ value: String, to result: inout String) {
        result.append("\"")
        // Most texts need no escape: one pass over the bytes says so.
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            result.append(value)
            result.append("\"")
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        result.append("\"")
    }
}
