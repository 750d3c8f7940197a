/// The figures the values of a scheme's parameters may be written as (`40 000 €`, `40 000,00 €`,
/// `50 %`), each with the parameter whose value it is: a text of the scheme that writes one out
/// should name the parameter instead (`{plafond_inscrit}`), so that a decision states the value
/// it applied.
///
/// Loading a scheme checks each of its texts against every figure, and every command loads the
/// rules: the figures are worked out once per scheme, and a text is first searched as bytes,
/// the search by characters (the one that decides) running only where the bytes hold a figure.
public struct ParameterFigures: Sendable {
    private struct Figure: Sendable {
        let text: String
        /// `text` in UTF-8, or nil when a character of it might be written otherwise (another
        /// canonically equivalent form): then the search by bytes cannot rule it out.
        let bytes: [UInt8]?
        let parameter: String
    }

    /// In the order met: parameters, their versions, the forms of each value.
    private let figures: [Figure]

    public init(_ parameters: [Parameter]) {
        var figures: [Figure] = []
        for parameter in parameters {
            for version in parameter.versions {
                for figure in Self.figures(of: version.value) {
                    figures.append(Figure(text: figure, bytes: Self.searchable(figure) ? Array(figure.utf8) : nil, parameter: parameter.id))
                }
            }
        }
        self.figures = figures
    }

    /// The figures `text` writes out (outside « » quotations), each with the parameters it could
    /// name, in the figures' order.
    public func writtenValues(in text: String) -> [(figure: String, names: [String])] {
        guard !figures.isEmpty else { return [] }
        var prose = Prose(text)
        var found: [String: [String]] = [:]
        for figure in figures where prose.writes(figure.text, bytes: figure.bytes) {
            found[figure.text, default: []].append(figure.parameter)
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

    /// Whether each character of `figure` is one of those a figure is written with (ASCII, « € »),
    /// none of which has another canonically equivalent form, nor is a no-break space: where the
    /// characters of a text hold the figure, its bytes then hold the figure's bytes.
    private static func searchable(_ figure: String) -> Bool {
        figure.unicodeScalars.allSatisfy { $0.isASCII || $0 == "€" }
    }
}

/// A text without its « » quotations (a quotation is the deliberation's own words), searched
/// for figures as it reads with its no-break spaces as spaces.
private struct Prose {
    /// The text without its quotations.
    private let unquoted: String
    /// `unquoted` in UTF-8, every no-break space (U+00A0, U+202F) a space.
    private let bytes: [UInt8]
    /// `unquoted` with its no-break spaces as spaces, by characters: the text the figures are
    /// looked for in, made when the bytes hold one.
    private var spaced: String?

    init(_ text: String) {
        unquoted = Self.unquoted(text)
        bytes = Self.spacedBytes(unquoted)
    }

    /// The UTF-8 of `text`, each U+00A0 (C2 A0) and U+202F (E2 80 AF) a space: in valid UTF-8
    /// these bytes are those scalars and nothing else.
    private static func spacedBytes(_ text: String) -> [UInt8] {
        let utf8 = Array(text.utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            if byte == 0xC2, index + 1 < utf8.count, utf8[index + 1] == 0xA0 {
                bytes.append(UInt8(ascii: " "))
                index += 2
            } else if byte == 0xE2, index + 2 < utf8.count, utf8[index + 1] == 0x80, utf8[index + 2] == 0xAF {
                bytes.append(UInt8(ascii: " "))
                index += 3
            } else {
                bytes.append(byte)
                index += 1
            }
        }
        return bytes
    }

    /// Whether the text writes `figure` as a whole number. A match by characters is one by bytes
    /// (`ParameterFigures.searchable`), and every no-break space the characters turn into a space
    /// is one in `bytes`: bytes without the figure mean no figure.
    mutating func writes(_ figure: String, bytes figureBytes: [UInt8]?) -> Bool {
        if let figureBytes, !Self.contains(bytes, figureBytes) { return false }
        if spaced == nil { spaced = unquoted.replacing("\u{202F}", with: " ").replacing("\u{A0}", with: " ") }
        return Self.contains(spaced!, figure)
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

    private static func contains(_ bytes: [UInt8], _ figure: [UInt8]) -> Bool {
        guard let first = figure.first, figure.count <= bytes.count else { return figure.isEmpty }
        var start = 0
        let last = bytes.count - figure.count
        while start <= last {
            guard let found = bytes[start...last].firstIndex(of: first) else { return false }
            if bytes[found..<(found + figure.count)].elementsEqual(figure) { return true }
            start = found + 1
        }
        return false
    }

    /// The text without its « » quotations; the text itself when it has none (neither
    /// character, whose only form is its own scalar, is in it).
    private static func unquoted(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "«" || $0 == "»" }) else { return text }
        // The characters outside quotations, copied by runs rather than one by one.
        var result = "", depth = 0
        var run = text.startIndex
        for index in text.indices {
            let character = text[index]
            guard character == "«" || character == "»" else { continue }
            if depth == 0 { result += text[run..<index] }
            depth = character == "«" ? depth + 1 : max(0, depth - 1)
            run = text.index(after: index)
        }
        if depth == 0 { result += text[run...] }
        return result
    }
}
