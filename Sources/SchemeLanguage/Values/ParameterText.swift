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
        guard text.utf8.contains(UInt8(ascii: "{")) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        scan(text, literal: { result += $0 }, name: { name in value(String(name)) })
        return result
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
    /// with the parameters it could name: they should be written `{name}`.
    public static func writtenValues(in text: String, parameters: [Parameter]) -> [(figure: String, names: [String])] {
        let prose = unquoted(text).replacing("\u{202F}", with: " ").replacing("\u{A0}", with: " ")
        var found: [String: [String]] = [:]
        for parameter in parameters {
            for version in parameter.versions {
                for figure in figures(of: version.value) where contains(prose, figure) {
                    found[figure, default: []].append(parameter.id)
                }
            }
        }
        return found.keys.sorted().map { ($0, found[$0]!.uniqued()) }
    }

    /// The ways a text may write a money or rate value: `40 000 €`, `40 000,00 €`, `50 %`.
    private static func figures(of value: Value) -> [String] {
        switch value {
        case .money(let amount):
            let cents = FrenchFormat.money(amount).replacing("\u{202F}", with: " ").replacing("\u{A0}", with: " ")
            let whole = cents.hasSuffix(",00 €") ? [String(cents.dropLast(5)) + " €"] : []
            return [cents] + whole
        case .rate:
            return [FrenchFormat.value(value, type: .rate).replacing("\u{202F}", with: " ").replacing("\u{A0}", with: " ")]
        default:
            return []
        }
    }

    /// Whether `figure` stands in `text` as a whole number (`40 000 €` in « de 140 000 € » does not).
    private static func contains(_ text: String, _ figure: String) -> Bool {
        var rest = text[...]
        while let range = rest.firstRange(of: figure) {
            let before = rest[..<range.lowerBound].last
            if !(before?.isNumber ?? false) && before != "," { return true }
            rest = rest[range.upperBound...]
        }
        return false
    }

    /// The text without its « » quotations: a quotation is the deliberation's own words.
    private static func unquoted(_ text: String) -> String {
        var result = "", depth = 0
        for character in text {
            if character == "«" { depth += 1 } else if character == "»" { depth = max(0, depth - 1) } else if depth == 0 { result.append(character) }
        }
        return result
    }
}
