/// A node of a YAML document with the position it was read from.
///
/// Nodes are plain values: sequences and mappings hold their children in
/// arrays, so a node reached through several aliases is shared, not copied.
public struct YAMLNode: Sendable {
    /// What a node holds.
    public enum Content: Sendable {
        /// A scalar, as the text written in the file (after YAML unescaping and folding).
        case scalar(String)
        /// A sequence of nodes.
        case sequence([YAMLNode])
        /// A mapping, with its pairs in document order.
        case mapping([YAMLPair])
    }

    /// What the node holds.
    public var content: Content
    /// The start of the node (its anchor or tag if it has one, else its first character).
    public var mark: SourceMark
    /// The explicit tag if any, else nil. Tags of the YAML core schema are shown in
    /// their short form (`!!str`, `!!int`, …); other tags are kept as written after
    /// libyaml's resolution of tag handles.
    public var tag: String?
    /// True for an unquoted (plain) scalar, so that `yes` and `"yes"` can be told apart.
    public var isPlainScalar: Bool
    /// True for a null: a plain scalar written as nothing, `~`, `null`, `Null` or `NULL`
    /// without a tag other than `!!null`, or any scalar tagged `!!null`.
    public var isNull: Bool

    /// The scalar text, or nil if the node is a sequence or a mapping.
    public var scalar: String? {
        if case .scalar(let text) = content { return text }
        return nil
    }

    /// The items, or nil if the node is not a sequence.
    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The pairs in document order, or nil if the node is not a mapping.
    public var mapping: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// « une valeur simple », « une liste » or « un ensemble de champs », for messages such as
    /// « attendu un ensemble de champs, trouvé une valeur simple ».
    public var kindName: String {
        switch content {
        case .scalar: return Self.scalarName
        case .sequence: return Self.sequenceName
        case .mapping: return Self.mappingName
        }
    }

    /// The French names of the three kinds of node, for the messages of every reader.
    public static let scalarName = "une valeur simple"
    public static let sequenceName = "une liste"
    public static let mappingName = "un ensemble de champs"

    static func isNullScalar(text: String, tag: String?, isPlain: Bool) -> Bool {
        if tag == "!!null" { return true }
        guard isPlain, tag == nil else { return false }
        switch text {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }
}

// The initialisers live in an extension so that the compiler still synthesises the
// memberwise initialiser, which the reader uses on its hot path: unlike a hand-written
// one, it builds the node in place instead of copying it (measured with callgrind).
extension YAMLNode {
    /// Creates a node; `isNull` is derived from the content, the tag and the style.
    public init(content: Content, mark: SourceMark, tag: String? = nil, isPlainScalar: Bool = false) {
        var isNull = false
        if case .scalar(let text) = content {
            isNull = YAMLNode.isNullScalar(text: text, tag: tag, isPlain: isPlainScalar)
        }
        self.init(content: content, mark: mark, tag: tag, isPlainScalar: isPlainScalar, isNull: isNull)
    }
}

/// A key and its value in a mapping. Keys are always scalars.
public struct YAMLPair: Sendable {
    /// The key node (a scalar, with its own mark).
    public var key: YAMLNode
    /// The value node.
    public var value: YAMLNode

    /// Creates a pair.
    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}
