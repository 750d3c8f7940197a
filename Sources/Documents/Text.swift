/// Running text with its emphasis: plain runs, strong runs (an amount decided, a verdict),
/// emphasised runs (a title) and code (a fingerprint). Texts come from rules and applications,
/// so they are never parsed for markup: emphasis is only what the builder of a document says.
public struct Text: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    public enum Style: Sendable, Equatable {
        case plain, strong, emphasis, code
    }

    /// A run of text in one style.
    public struct Run: Sendable, Equatable {
        public var style: Style
        public var text: String

        public init(_ style: Style, _ text: String) {
            self.style = style
            self.text = text
        }
    }

    public private(set) var runs: [Run]

    public init(_ text: String) { runs = text.isEmpty ? [] : [Run(.plain, text)] }
    public init(runs: [Run]) { self.runs = runs.filter { !$0.text.isEmpty } }
    public init(stringLiteral value: String) { self.init(value) }

    public static func strong(_ text: String) -> Text { Text(runs: [Run(.strong, text)]) }
    public static func emphasis(_ text: String) -> Text { Text(runs: [Run(.emphasis, text)]) }
    public static func code(_ text: String) -> Text { Text(runs: [Run(.code, text)]) }

    /// The text without its emphasis.
    public var plain: String { runs.map(\.text).joined() }
    public var isEmpty: Bool { runs.isEmpty }

    public static func + (lhs: Text, rhs: Text) -> Text { Text(runs: lhs.runs + rhs.runs) }
    public static func + (lhs: Text, rhs: String) -> Text { lhs + Text(rhs) }
    public static func + (lhs: String, rhs: Text) -> Text { Text(lhs) + rhs }
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
