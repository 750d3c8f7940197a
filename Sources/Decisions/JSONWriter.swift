import Platform
import SchemeLanguage

/// A small JSON writer whose output depends only on the calls made: keys are written in the
/// order given, so a decision's JSON is byte-identical from one run to the next. It appends
/// UTF-8 bytes to one buffer: a decision holds hundreds of short keys and values, and a batch
/// writes one per application. Public for the service, whose responses wrap decisions.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    private var indent = 0
    /// Whether the innermost object or array already holds a value (a comma goes before the
    /// next); `enclosing` keeps the same for the levels around it. Apart, so that the value
    /// written most often, a key and its value, reads and sets a plain flag.
    private var hasValues = false
    private var enclosing: [Bool] = []
    /// For a fragment: the first value starts the buffer, without a line break before it.
    private var bare = false

    /// `capacity`: the bytes the document is expected to take, so that it is not copied as it grows.
    public init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
        enclosing.reserveCapacity(8)
    }

    /// The depth of the value written next: 0 at the top, 1 inside the top object…
    var depth: Int { indent }

    /// One value (written by `body`, without a key) as it reads at `depth` inside a document,
    /// for documents that all hold it: `fragment(_:_:)` then appends it as it is.
    static func fragment(depth: Int, _ body: (inout JSONWriter) -> Void) -> JSONFragment {
        var writer = JSONWriter()
        writer.indent = depth
        writer.bare = true
        body(&writer)
        return JSONFragment(depth: depth, bytes: writer.bytes)
    }

    /// A value written beforehand, after its key: as it is at the depth it was made for, and
    /// indented further at a deeper one (a decision inside a service's response).
    mutating func fragment(_ key: JSONKey?, _ fragment: JSONFragment) {
        precondition(fragment.depth <= indent, "a JSON fragment is written at the depth it was made for, or deeper")
        separate(key)
        guard fragment.depth < indent else {
            bytes.append(contentsOf: fragment.bytes)
            return
        }
        // A line break in JSON text is never inside a string, which escapes its own.
        let extra = 2 * (indent - fragment.depth)
        for byte in fragment.bytes {
            bytes.append(byte)
            if byte == UInt8(ascii: "\n") { bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: extra)) }
        }
    }

    /// What was written, as text.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    public mutating func object(_ key: JSONKey? = nil, _ body: (inout JSONWriter) -> Void) {
        open(key, UInt8(ascii: "{"))
        body(&self)
        close(UInt8(ascii: "}"))
    }

    public mutating func array(_ key: JSONKey? = nil, _ body: (inout JSONWriter) -> Void) {
        open(key, UInt8(ascii: "["))
        body(&self)
        close(UInt8(ascii: "]"))
    }

    public mutating func string(_ key: JSONKey?, _ value: String?) {
        separate(key)
        if let value { JSONString.append(value, to: &bytes) } else { word("null") }
    }

    /// The string `parts` joined by `separator`, written without joining them first.
    public mutating func string(_ key: JSONKey?, joining parts: [String], separator: String) {
        separate(key)
        bytes.append(UInt8(ascii: "\""))
        for (index, part) in parts.enumerated() {
            if index > 0 { JSONString.appendEscaped(separator, to: &bytes) }
            JSONString.appendEscaped(part, to: &bytes)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// A date as `LocalDate.description` writes it (`2020-09-28`), its digits written straight
    /// into the buffer rather than through a string padded part by part.
    public mutating func date(_ key: JSONKey?, _ value: LocalDate?) {
        separate(key)
        guard let value else { return word("null") }
        // `LocalDate` holds years 1 to 9999 alone: four digits each.
        bytes.append(UInt8(ascii: "\""))
        digits(value.year, count: 4)
        bytes.append(UInt8(ascii: "-"))
        digits(value.month, count: 2)
        bytes.append(UInt8(ascii: "-"))
        digits(value.day, count: 2)
        bytes.append(UInt8(ascii: "\""))
    }

    /// `value`'s last `count` decimal digits, padded with zeros.
    private mutating func digits(_ value: Int, count: Int) {
        var divisor = 1
        for _ in 1..<count { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }

    public mutating func bool(_ key: JSONKey?, _ value: Bool) {
        separate(key)
        word(value ? "true" : "false")
    }

    public mutating func number(_ key: JSONKey?, _ value: Int?) {
        separate(key)
        if let value { bytes.append(contentsOf: String(value).utf8) } else { word("null") }
    }

    /// A line break after the last value, as a file ends.
    public mutating func endLine() { bytes.append(UInt8(ascii: "\n")) }

    private mutating func open(_ key: JSONKey?, _ bracket: UInt8) {
        separate(key)
        bytes.append(bracket)
        indent += 1
        enclosing.append(hasValues)
        hasValues = false
    }

    private mutating func close(_ bracket: UInt8) {
        let hadElements = hasValues
        hasValues = enclosing.removeLast()
        indent -= 1
        if hadElements { newline() }
        bytes.append(bracket)
    }

    /// The comma after the previous element, the line and indentation of this one, and its key.
    private mutating func separate(_ key: JSONKey?) {
        if bare {
            bare = false
            return
        }
        if hasValues { bytes.append(UInt8(ascii: ",")) }
        hasValues = true
        if indent > 0 { newline() }
        guard let key else { return }
        bytes.append(UInt8(ascii: "\""))
        switch key.spelling {
        case .literal(let literal): append(literal, count: literal.utf8CodeUnitCount)
        case .text(let text): JSONString.appendEscaped(text, to: &bytes)
        }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
    }

    /// A line break, then two spaces a level: copied from one literal in one block, rather than
    /// byte by byte (a decision writes some six hundred of them).
    private mutating func newline() {
        let count = 1 + 2 * indent
        let breakAndSpaces: StaticString = "\n                                                                "
        guard count <= breakAndSpaces.utf8CodeUnitCount else {
            bytes.append(UInt8(ascii: "\n"))
            bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
            return
        }
        append(breakAndSpaces, count: count)
    }

    /// The first `count` bytes of `literal`, in one block.
    private mutating func append(_ literal: StaticString, count: Int) {
        // Sound: a string literal is stored as UTF-8 bytes (`hasPointerRepresentation`), of
        // which the caller reads no more than it holds.
        bytes.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: count))
    }

    /// `null`, `true` or `false`: copied from the literal's own bytes, with neither a shared
    /// array to reach nor a reference count to change (a decision writes dozens of `null`);
    /// byte by byte, which for four or five bytes costs less than a block copy.
    private mutating func word(_ literal: StaticString) {
        literal.withUTF8Buffer { for byte in $0 { bytes.append(byte) } }
    }

    static func quoted(_ value: String) -> String { JSONString.quoted(value) }
}

/// The key of a value. Most are written in the code (`"amount"`): plain ASCII, copied as they
/// are, without the scan for characters to escape that a key made at run time (a step's id,
/// `JSONKey(id)`) takes.
public struct JSONKey: ExpressibleByStringLiteral, Sendable {
    enum Spelling: Sendable {
        case literal(StaticString)
        case text(String)
    }

    let spelling: Spelling

    public init(stringLiteral literal: StaticString) {
        assert(literal.hasPointerRepresentation && UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
            .allSatisfy { $0 >= 0x20 && $0 < 0x80 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") },
               "a key written in the code is plain ASCII, which JSON writes as it is")
        spelling = .literal(literal)
    }

    /// A key made at run time, escaped as JSON requires.
    public init(_ text: String) {
        spelling = .text(text)
    }
}

/// A JSON value written once, for every document that holds it at the same depth: the
/// source of a criterion, the scheme's own block.
struct JSONFragment: Sendable, Equatable {
    let depth: Int
    let bytes: [UInt8]
}
