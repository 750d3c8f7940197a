import Platform

/// Texts of a scheme that state a parameter's value name it between braces
/// (« plafond annuel de {plafond_inscrit} »), so that a decision prints the value it computed
/// with, under a reform too, and no figure of the rules is written twice.
public enum ParameterText {
    /// The names written between braces, in order.
    public static func names(in text: String) -> [String] {
        var names: [String] = []
        scan(text, literal: { _ in }, name: { names.append(String($0)); return nil })
        return names
    }

    /// The text with each parameter it names written at its latest value: for a document about
    /// the scheme itself (`explain`), not about one application.
    public static func fillLatest(_ text: String, of scheme: Scheme) -> String {
        fill(text) { name in
            guard let parameter = scheme.parameters.first(where: { $0.id == name }), let value = parameter.versions.last?.value else { return nil }
            return FrenchFormat.value(value, type: parameter.type)
        }
    }

    /// The text with each `{name}` replaced by `value(name)`; a name it does not know is left.
    /// A scan rather than a regular expression: it runs for every text of every decision.
    public static func fill(_ text: String, _ value: (String) -> String?) -> String {
        guard mayName(text) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        scan(text, literal: { result += $0 }, name: { name in value(String(name)) })
        return result
    }

    /// Whether `text` holds a `{`: most texts name nothing, and every text of every decision is
    /// looked at, so the bytes are searched by the C library rather than one by one.
    private static func mayName(_ text: String) -> Bool {
        let brace = Int32(UInt8(ascii: "{"))
        // Sound: memchr reads `buffer.count` bytes from its start, all inside the buffer.
        return text.utf8.withContiguousStorageIfAvailable { buffer in
            guard let start = buffer.baseAddress else { return false }
            return memchr(start, brace, buffer.count) != nil
        } ?? text.utf8.contains(UInt8(ascii: "{"))
    }

    /// Walks a text: `literal` receives what is not a `{name}`; `name` receives each name and
    /// returns its replacement, or nil to keep the braces as written. A name is a lower-case
    /// letter then lower-case letters, digits, underscores and dots (an input's id,
    /// `college.effectifs`), all ASCII: the walk is over the
    /// text's UTF-8 bytes, never its characters, since it runs for every text of every decision.
    private static func scan(_ text: String, literal: (Substring) -> Void, name: (Substring) -> String?) {
        let utf8 = text.utf8
        var literalStart = utf8.startIndex
        var index = utf8.startIndex
        while let open = utf8[index...].firstIndex(of: UInt8(ascii: "{")) {
            let nameStart = utf8.index(after: open)
            var close = nameStart
            while close != utf8.endIndex, isNameByte(utf8[close]) || utf8[close] == UInt8(ascii: ".") { close = utf8.index(after: close) }
            guard nameStart != close, isLetter(utf8[nameStart]), close != utf8.endIndex, utf8[close] == UInt8(ascii: "}") else {
                index = nameStart
                continue
            }
            literal(text[literalStart..<open])
            let after = utf8.index(after: close)
            literal(Substring(name(text[nameStart..<close]) ?? String(text[open..<after])))
            literalStart = after
            index = after
        }
        literal(text[literalStart...])
    }

    private static func isLetter(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
    }

    /// The figures a text writes out (outside « » quotations) that are a parameter's value, each
    /// with the parameters it could name: they should be written `{name}`. A loader checking
    /// many texts of one scheme works the figures out once (`ParameterFigures`).
    public static func writtenValues(in text: String, parameters: [Parameter]) -> [(figure: String, names: [String])] {
        ParameterFigures(parameters).writtenValues(in: text)
    }
}
