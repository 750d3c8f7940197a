import Synchronization

/// Blocks that many documents of a run hold alike — the mentions every act prints, a scheme's
/// « Vu » — rendered once per format and then appended as bytes (`Block.shared`). A batch that
/// issues thousands of acts otherwise escapes and lays out the same few kilobytes of text again
/// for every act, in each of its formats.
///
/// A renderer may keep its bytes only when they do not depend on where the blocks stand: the
/// Markdown and the HTML of a block never do; the ODT of a table does (its name and automatic
/// styles are numbered through the document), so `hasTables` tells the ODT renderer to lay such
/// blocks out in place instead.
public final class SharedBlocks: Sendable, Equatable {
    /// The formats a shared part is kept in.
    public enum Format: Sendable, Hashable {
        case markdown, html, odt
    }

    /// The blocks, in order: what a renderer lays out when it keeps nothing.
    public let blocks: [Block]
    /// Whether a table or labelled fields are among the blocks (their ODT depends on their place).
    public let hasTables: Bool
    private let rendered = Mutex<[Format: [UInt8]]>([:])
    private let derived = Mutex<[Format: AnyObject & Sendable]>([:])

    public init(_ blocks: [Block]) {
        self.blocks = blocks
        hasTables = blocks.contains { block in
            switch block {
            case .table, .fields: true
            case .shared(let inner): inner.hasTables
            default: false
            }
        }
    }

    /// The blocks' bytes in `format`, made by `render` the first time. `render` must give bytes
    /// that depend on the blocks alone, never on what precedes them in a document.
    public func rendered(_ format: Format, render: ([Block]) -> [UInt8]) -> [UInt8] {
        if let known = rendered.withLock({ $0[format] }) { return known }
        let made = render(blocks)
        rendered.withLock { $0[format] = made }
        return made
    }

    /// A value a renderer works out from the blocks' bytes in `format` (the ODT's checksum of
    /// them), made by `make` the first time and kept with the blocks: it lives as long as they do.
    /// The renderer of `format` is the only one to ask for it, always for one class `Value`.
    public func derived<Value: AnyObject & Sendable>(_ format: Format, make: () -> Value) -> Value {
        // A class's cast is a pointer check; a value of another class is made again, never reused.
        if let known = derived.withLock({ $0[format] }) as? Value { return known }
        let made = make()
        derived.withLock { $0[format] = made }
        return made
    }

    /// The same blocks, whether rendered yet or not.
    public static func == (lhs: SharedBlocks, rhs: SharedBlocks) -> Bool {
        lhs === rhs || lhs.blocks == rhs.blocks
    }
}
