import Platform

/// A JSON document built in memory and printed always the same way: keys in the order given,
/// two spaces of indentation, non-ASCII characters as they are. The same scheme gives the same
/// schema, byte for byte.
public indirect enum JSON: Sendable, Equatable {
    case object([(String, JSON)])
    case array([JSON])
    case string(String)
    case integer(Int)
    /// A number as written (`0.01`), never through binary floating point.
    case number(String)
    case boolean(Bool)
    case null

    /// Two documents are equal when they print the same.
    public static func == (lhs: JSON, rhs: JSON) -> Bool { lhs.text == rhs.text }

    /// The document as text, with a final line break.
    public var text: String {
        var output = ""
        write(to: &output, indent: 0)
        return output + "\n"
    }

    /// The value of `key` in an object.
    public subscript(key: String) -> JSON? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.first { $0.0 == key }?.1
    }

    private func write(to output: inout String, indent: Int) {
        let inner = String(repeating: "  ", count: indent + 1)
        let outer = String(repeating: "  ", count: indent)
        switch self {
        case .object(let pairs) where pairs.isEmpty: output += "{}"
        case .object(let pairs):
            output += "{\n"
            for (index, (key, value)) in pairs.enumerated() {
                output += inner + Self.quoted(key) + ": "
                value.write(to: &output, indent: indent + 1)
                output += index < pairs.count - 1 ? ",\n" : "\n"
            }
            output += outer + "}"
        case .array(let items) where items.isEmpty: output += "[]"
        case .array(let items) where items.allSatisfy(\.isScalar) && items.count <= 12:
            output += "[" + items.map(\.text).map { String($0.dropLast()) }.joined(separator: ", ") + "]"
        case .array(let items):
            output += "[\n"
            for (index, item) in items.enumerated() {
                output += inner
                item.write(to: &output, indent: indent + 1)
                output += index < items.count - 1 ? ",\n" : "\n"
            }
            output += outer + "]"
        case .string(let text): output += Self.quoted(text)
        case .integer(let value): output += String(value)
        case .number(let text): output += text
        case .boolean(let flag): output += flag ? "true" : "false"
        case .null: output += "null"
        }
    }

    private var isScalar: Bool {
        switch self {
        case .object, .array: false
        default: true
        }
    }

    /// A JSON string: quotes, backslashes and control characters escaped (`JSONString`).
    static func quoted(_ text: String) -> String { JSONString.quoted(text) }
}
