import CYAML

extension NodeBuilder {
    mutating func addScalar(_ event: UnsafePointer<yaml_event_t>) throws(YAMLError) {
        let data = event.pointee.data.scalar
        let length = Int(data.length)
        let start = mark(event.pointee.start_mark)
        guard length <= limits.maxScalarBytes else {
            throw YAMLError(
                message: "scalar of \(length) bytes exceeds the limit of \(limits.maxScalarBytes) bytes; "
                    + "split the value or move it to a separate file",
                mark: start)
        }
        let bytes = UnsafeBufferPointer(start: data.value, count: length)
        let text = String(decoding: bytes, as: UTF8.self)
        try enterParent(key: text, kind: "a scalar", at: start, count: 1)
        let tag = data.tag.map(Self.tagName)
        let isPlain = data.style == YAML_PLAIN_SCALAR_STYLE
        let isNull = tag == nil ? isPlain && Self.isNullSpelling(bytes) : tag == "!!null"
        place(YAMLNode(content: .scalar(text), mark: start, tag: tag, isPlainScalar: isPlain, isNull: isNull),
              anchor: data.anchor.map(Self.string), count: 1)
    }

    mutating func addAlias(_ event: UnsafePointer<yaml_event_t>) throws(YAMLError) {
        let name = Self.string(event.pointee.data.alias.anchor)
        let at = mark(event.pointee.start_mark)
        guard let (node, count) = anchors[name] else {
            throw unknownAliasError(name, at: at)
        }
        aliasExpansions += count
        guard aliasExpansions <= limits.maxAliasExpansion else {
            throw YAMLError(
                message: "too many alias expansions (billion laughs?): aliases in this document "
                    + "stand for more than \(limits.maxAliasExpansion) nodes; use fewer nested aliases",
                mark: at)
        }
        try enterParent(key: node.scalar, kind: node.kindName, at: at, count: count)
        place(node, anchor: nil, count: count)
    }

    mutating func startContainer(_ event: UnsafePointer<yaml_event_t>, isMapping: Bool) throws(YAMLError) {
        let at = mark(event.pointee.start_mark)
        if let parent = frames.last, parent.isMapping, (nodes.count - parent.start) % 2 == 0 {
            throw Self.nonScalarKeyError(isMapping ? "a mapping" : "a sequence", at: at)
        }
        guard frames.count < limits.maxDepth else {
            throw YAMLError(
                message: "nesting is deeper than the limit of \(limits.maxDepth) levels; flatten the structure",
                mark: at)
        }
        let anchor: UnsafeMutablePointer<yaml_char_t>?
        let tag: UnsafeMutablePointer<yaml_char_t>?
        if isMapping {
            anchor = event.pointee.data.mapping_start.anchor
            tag = event.pointee.data.mapping_start.tag
        } else {
            anchor = event.pointee.data.sequence_start.anchor
            tag = event.pointee.data.sequence_start.tag
        }
        frames.append(Frame(isMapping: isMapping, start: nodes.count, mark: at,
                            tag: tag.map(Self.tagName), anchor: anchor.map(Self.string)))
    }

    mutating func endContainer() throws(YAMLError) {
        let frame = frames.removeLast()
        let content: YAMLNode.Content = frame.isMapping
            ? .mapping(nodes.popMapping(from: frame.start))
            : .sequence(nodes.popSequence(from: frame.start))
        // A container in key position was refused when it started, so only the count matters here.
        try enterParent(key: nil, kind: "", at: frame.mark, count: frame.nodeCount)
        place(YAMLNode(content: content, mark: frame.mark, tag: frame.tag,
                       isPlainScalar: false, isNull: frame.tag == "!!null"),
              anchor: frame.anchor, count: frame.nodeCount)
    }

    /// Makes a finished node the next child of the open container, or the document root,
    /// and remembers it under its anchor. The node is stored first and the anchor copy
    /// read back, because the optimiser otherwise copies every node to serve the rare anchor.
    @inline(__always)
    private mutating func place(_ node: consuming YAMLNode, anchor: String?, count: Int) {
        if frames.isEmpty {
            root = node
        } else {
            nodes.push(node)
        }
        if let anchor { anchors[anchor] = (frames.isEmpty ? root! : nodes.top, count) }
    }

    /// Charges `count` nodes to the open container and, when the next child is a
    /// key, checks it: scalar (`key` is its text, nil for a collection) and not seen before.
    /// Runs before the node is built so the common path copies nothing.
    private mutating func enterParent(key: String?, kind: String, at mark: SourceMark,
                                      count: Int) throws(YAMLError) {
        let top = frames.count - 1
        guard top >= 0 else { return }
        if frames[top].isMapping, (nodes.count - frames[top].start) % 2 == 0 {
            guard let key else { throw Self.nonScalarKeyError(kind, at: mark) }
            try checkDuplicate(key, at: mark, frame: top)
        }
        frames[top].nodeCount += count
    }

    /// Refuses a key already present in the mapping.
    private mutating func checkDuplicate(_ text: String, at mark: SourceMark, frame top: Int) throws(YAMLError) {
        if frames[top].keyMarks == nil {
            var i = frames[top].start
            while i < nodes.count {
                if case .scalar(let other) = nodes[i].content, other == text {
                    throw Self.duplicateKeyError(text, first: nodes[i].mark, at: mark)
                }
                i += 2
            }
            if (nodes.count - frames[top].start) / 2 < Self.linearKeyScanLimit { return }
            frames[top].keyMarks = indexKeys(from: frames[top].start)
        }
        if let first = frames[top].keyMarks!.updateValue(mark, forKey: text) {
            throw Self.duplicateKeyError(text, first: first, at: mark)
        }
    }

    private func indexKeys(from start: Int) -> [String: SourceMark] {
        var index: [String: SourceMark] = [:]
        index.reserveCapacity(Self.linearKeyScanLimit * 4)
        var i = start
        while i < nodes.count {
            if case .scalar(let text) = nodes[i].content { index[text] = nodes[i].mark }
            i += 2
        }
        return index
    }

    /// True when an open container carries this anchor, i.e. an alias to its own ancestor.
    func isOpenAnchor(_ name: String) -> Bool {
        frames.contains { $0.anchor == name }
    }
}
