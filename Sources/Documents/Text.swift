/// Running text with its emphasis: plain runs, strong runs (an amount decided, a verdict),
/// emphasised runs (a title) and code (a fingerprint). Texts come from rules and applications,
/// so they are never parsed for markup: emphasis is only what the builder of a document says.
public struct Text: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    /// How a run is set off from the text around it; what it looks like is each renderer's.
    public enum Style: Sendable, Equatable {
        case plain, strong, emphasis, code
    }

    /// A run of text in one style.
    public struct Run: Sendable, Equatable {
        /// Its style.
        public var style: Style
        /// Its text, as written: never parsed for markup, escaped by each renderer.
        public var text: String

        public init(_ style: Style, _ text: String) {
            self.style = style
            self.text = text
        }
    }

    /// The runs in order, none empty: set once, so that a text never holds an empty run a
    /// renderer would have to skip.
    public private(set) var runs: [Run]

    public init(_ text: String) { runs = text.isEmpty ? [] : [Run(.plain, text)] }
    public init(runs: [Run]) { self.runs = runs.filter { !$0.text.isEmpty } }
    public init(stringLiteral value: String) { self.init(value) }

    /// A text in bold: an amount decided, a verdict.
    public static func strong(_ text: String) -> Text { Text(runs: [Run(.strong, text)]) }
    /// A text in italics: a title.
    public static func emphasis(_ text: String) -> Text { Text(runs: [Run(.emphasis, text)]) }
    /// A text in a fixed-width font, never broken into words: a fingerprint, an identifier.
    public static func code(_ text: String) -> Text { Text(runs: [Run(.code, text)]) }

    /// The text without its emphasis.
    public var plain: String { runs.map(\.text).joined() }
    /// Whether the text has no run, hence no character.
    public var isEmpty: Bool { runs.isEmpty }

    /// The runs of both texts, in order: how a sentence is put together from plain and strong parts.
    public static func + (lhs: Text, rhs: Text) -> Text { Text(runs: lhs.runs + rhs.runs) }
    /// The text followed by a plain string.
    public static func + (lhs: Text, rhs: String) -> Text { lhs + Text(rhs) }
    /// A plain string followed by the text.
    public static func + (lhs: String, rhs: Text) -> Text { Text(lhs) + rhs }
    /// Appends a text's runs.
    public static func += (lhs: inout Text, rhs: Text) { lhs = lhs + rhs }

    /// Texts joined by a separator.
    public static func joined(_ texts: [Text], separator: String) -> Text {
        var result = Text(runs: [])
        for (index, text) in texts.enumerated() {
            if index > 0 { result += Text(separator) }
            result += text
        }
        return result
    }
}
