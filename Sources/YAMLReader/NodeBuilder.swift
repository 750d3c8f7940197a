import CYAML

/// Turns libyaml events into one ``YAMLNode`` tree per document, enforcing the
/// reader's limits and rules (scalar keys, no duplicate keys, known aliases).
///
/// State is kept in explicit stacks rather than by recursion so that depth is
/// bounded by ``YAMLDocumentReader/Limits/maxDepth`` alone, and everything is
/// emptied at the end of each document so nothing accumulates over a stream.
/// The event loop lives here, not in the reader class, so that the whole loop
/// runs inside one exclusive access instead of one dynamic check per event.
struct NodeBuilder: ~Copyable {
    /// An open sequence or mapping.
    struct Frame {
        var isMapping: Bool
        /// Index in `nodes` of the first child.
        var start: Int
        /// Index in `keyPrints` of the first key's fingerprint.
        var keyStart: Int
        var mark: SourceMark
        var tag: String?
        var anchor: String?
        /// Nodes in this subtree, aliases counted at their full size; used to
        /// charge alias expansions so a "billion laughs" document is refused early.
        var nodeCount = 1
        /// Key positions, built only once a mapping is too large for a linear scan.
        var keyMarks: [String: SourceMark]?
    }

    /// Beyond this many keys a dictionary beats scanning the fingerprints of earlier keys.
    static let linearKeyScanLimit = 64

    let file: String
    /// The interned name of `file`, so that marks are made without a lookup.
    let fileID: UInt32
    let limits: YAMLDocumentReader.Limits
    let input: SourceProbe
    /// The lines of the file before the input's first byte, when it is read from a place.
    let firstLine: Int
    /// Finished children of all open containers, in order.
    var nodes = NodeStack()
    /// The innermost open container, kept out of `parents` so the per-event
    /// bookkeeping touches a plain field rather than an array element.
    var current: Frame?
    /// The containers enclosing `current`, outermost first.
    var parents: [Frame] = []
    /// Cheap fingerprints of the keys of all open mappings, so that looking for a
    /// duplicate compares integers and only compares text on a likely match.
    var keyPrints: [UInt64] = []
    var anchors: [String: (node: YAMLNode, count: Int)] = [:]
    var aliasExpansions = 0
    var root: YAMLNode?
    /// Where the current document began (its `---`, or its first node when implicit).
    private(set) var documentMark: SourceMark
    /// Whether the stream held anything at all, to tell an empty file from one with only comments.
    private(set) var sawAnyInput = false

    init(file: String, limits: YAMLDocumentReader.Limits, input: SourceProbe, firstLine: Int = 0) {
        self.file = file
        self.firstLine = firstLine
        fileID = SourceFileNames.shared.id(file)
        self.limits = limits
        self.input = input
        documentMark = SourceMark(file: file, line: firstLine + 1, column: 1)
        parents.reserveCapacity(16)
        keyPrints.reserveCapacity(64)
    }

    func mark(_ m: yaml_mark_t) -> SourceMark {
        SourceMark(fileID: fileID, line: firstLine + Int(m.line) + 1, column: Int(m.column) + 1)
    }

    /// Pulls events until the end of a document (returning it) or of the stream (returning nil).
    mutating func nextDocument(parser: UnsafeMutablePointer<yaml_parser_t>,
                               event: UnsafeMutablePointer<yaml_event_t>) throws(YAMLError) -> YAMLNode? {
        while true {
            guard yaml_parser_parse(parser, event) != 0 else {
                throw ParserDiagnostics.error(from: parser, input: input, file: file, firstLine: firstLine)
            }
            defer { yaml_event_delete(event) }
            switch event.pointee.type {
            case YAML_SCALAR_EVENT:
                try addScalar(event)
            case YAML_MAPPING_START_EVENT:
                try startContainer(event, isMapping: true)
            case YAML_SEQUENCE_START_EVENT:
                try startContainer(event, isMapping: false)
            case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                endContainer()
            case YAML_ALIAS_EVENT:
                try addAlias(event)
            case YAML_DOCUMENT_START_EVENT:
                reset()
                documentMark = mark(event.pointee.start_mark)
            case YAML_DOCUMENT_END_EVENT:
                return finishDocument()
            case YAML_STREAM_END_EVENT:
                sawAnyInput = event.pointee.start_mark.index > 0
                return nil
            default:
                break  // STREAM-START and NO-EVENT carry nothing to build.
            }
        }
    }

    /// The finished document; the builder is left empty for the next one.
    private mutating func finishDocument() -> YAMLNode {
        var document = root.take() ?? YAMLNode(content: .scalar(""), mark: documentMark, tag: nil,
                                               isPlainScalar: true, isNull: true)
        // libyaml places an empty document at the *next* token; its own `---` is more useful.
        if document.isNull, document.tag == nil, document.scalar == "" { document.mark = documentMark }
        reset()
        return document
    }

    /// Forgets the current document (at its end or after an error).
    mutating func reset() {
        root = nil
        current = nil
        if !parents.isEmpty { parents.removeAll(keepingCapacity: true) }
        if !keyPrints.isEmpty { keyPrints.removeAll(keepingCapacity: true) }
        if keyPrints.capacity > 4096 { keyPrints = [] }
        if !anchors.isEmpty { anchors.removeAll() }
        aliasExpansions = 0
        nodes.reset()
    }
}
