import CYAML
import ExactDecimal

extension NodeBuilder {
    mutating func addScalar(_ event: UnsafePointer<yaml_event_t>) throws(YAMLError) {
        let data = event.pointee.data.scalar
        let length = Int(data.length)
        let start = mark(event.pointee.start_mark)
        guard length <= limits.maxScalarBytes else {
            throw YAMLError(
                message: "valeur de \(Self.french(length)) octets, au-delà de la limite de \(Self.french(limits.maxScalarBytes)) octets : "
                    + "scindez la valeur ou placez-la dans un fichier à part",
                mark: start)
        }
        let bytes = UnsafeBufferPointer(start: data.value, count: length)
        let text = String(decoding: bytes, as: UTF8.self)
        if current != nil {
            if expectsKey { try checkKey(text, print: Self.fingerprint(bytes), at: start) }
            current!.nodeCount += 1
        }
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
                message: "trop d'alias développés (une attaque « billion laughs » ?) : les alias de ce document "
                    + "représentent plus de \(Self.french(limits.maxAliasExpansion)) nœuds ; imbriquez moins d'alias",
                mark: at)
        }
        if current != nil {
            if expectsKey {
                guard let text = node.scalar else { throw Self.nonScalarKeyError(node.kindName, at: at) }
                try checkKey(text, print: Self.fingerprint(text), at: at)
            }
            current!.nodeCount += count
        }
        place(node, anchor: nil, count: count)
    }

    mutating func startContainer(_ event: UnsafePointer<yaml_event_t>, isMapping: Bool) throws(YAMLError) {
        let at = mark(event.pointee.start_mark)
        if expectsKey {
            throw Self.nonScalarKeyError(isMapping ? YAMLNode.mappingName : YAMLNode.sequenceName, at: at)
        }
        guard parents.count + (current == nil ? 0 : 1) < limits.maxDepth else {
            throw YAMLError(
                message: "imbrication plus profonde que la limite de \(limits.maxDepth) niveaux : aplatissez la structure",
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
        if let parent = current.take() { parents.append(parent) }
        current = Frame(isMapping: isMapping, start: nodes.count, keyStart: keyPrints.count, mark: at,
                        tag: tag.map(Self.tagName), anchor: anchor.map(Self.string))
    }

    mutating func endContainer() {
        let frame = current.take()!
        current = parents.popLast()
        let content: YAMLNode.Content
        if frame.isMapping {
            content = .mapping(nodes.popMapping(from: frame.start))
            keyPrints.removeLast(keyPrints.count - frame.keyStart)
        } else {
            content = .sequence(nodes.popSequence(from: frame.start))
        }
        // A container in key position was refused when it started, so only the count matters here.
        current?.nodeCount += frame.nodeCount
        place(YAMLNode(content: content, mark: frame.mark, tag: frame.tag,
                       isPlainScalar: false, isNull: frame.tag == "!!null"),
              anchor: frame.anchor, count: frame.nodeCount)
    }

    /// True when the next child of the open container is a mapping key.
    private var expectsKey: Bool {
        guard let current, current.isMapping else { return false }
        return (nodes.count - current.start) & 1 == 0
    }

    /// Makes a finished node the next child of the open container, or the document root,
    /// and remembers it under its anchor. The node is stored first and the anchor copy
    /// read back, because the optimiser otherwise copies every node to serve the rare anchor.
    @inline(__always)
    private mutating func place(_ node: consuming YAMLNode, anchor: String?, count: Int) {
        if current == nil {
            root = node
        } else {
            nodes.push(node)
        }
        if let anchor { anchors[anchor] = (current == nil ? root! : nodes.top, count) }
    }

    /// Refuses a key already present in the innermost mapping, then records it.
    private mutating func checkKey(_ text: String, print: UInt64, at mark: SourceMark) throws(YAMLError) {
        let first = current!.keyStart
        let count = keyPrints.count - first
        if count < Self.linearKeyScanLimit {
            for j in first..<keyPrints.count where keyPrints[j] == print {
                let key = nodes[current!.start + 2 * (j - first)]
                if key.scalar == text { throw Self.duplicateKeyError(text, first: key.mark, at: mark) }
            }
        } else {
            if current!.keyMarks == nil { current!.keyMarks = indexKeys() }
            if let earlier = current!.keyMarks!.updateValue(mark, forKey: text) {
                throw Self.duplicateKeyError(text, first: earlier, at: mark)
            }
        }
        keyPrints.append(print)
    }

    private func indexKeys() -> [String: SourceMark] {
        var index: [String: SourceMark] = [:]
        index.reserveCapacity(Self.linearKeyScanLimit * 4)
        var i = current!.start
        while i < nodes.count {
            if let text = nodes[i].scalar { index[text] = nodes[i].mark }
            i += 2
        }
        return index
    }

    /// True when an open container carries this anchor, i.e. an alias to its own ancestor.
    func isOpenAnchor(_ name: String) -> Bool {
        current?.anchor == name || parents.contains { $0.anchor == name }
    }
}

extension NodeBuilder {
    /// A count as messages write it, its thousands grouped: « 1 048 576 ».
    static func french(_ count: Int) -> String {
        DecimalNumber(count).frenchFormatted()
    }
}
