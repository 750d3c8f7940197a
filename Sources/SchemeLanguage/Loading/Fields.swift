import YAMLReader

/// Reads the fields of a YAML mapping by name, and reports those nobody asked for.
///
/// An unknown field is an error, not a silence: a misspelt `plafond` must not quietly
/// leave a scheme uncapped.
struct Fields {
    let node: YAMLNode
    let path: String
    let log: DiagnosticLog
    private var entries: [(key: String, pair: YAMLPair)] = []
    private var taken: Set<String> = []

    /// nil (after logging) when the node is not a mapping.
    init?(_ node: YAMLNode, path: String, log: DiagnosticLog) {
        self.node = node
        self.path = path
        self.log = log
        guard let pairs = node.mapping else {
            log.error("expected a mapping of fields, found \(node.kindName)", at: node.mark, path: path.isEmpty ? nil : path)
            return nil
        }
        entries = pairs.map { (key: $0.key.scalar ?? "", pair: $0) }
    }

    func childPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    var keys: [String] { entries.map(\.key) }

    /// The value of an optional field.
    mutating func optional(_ key: String) -> YAMLNode? {
        taken.insert(key)
        guard let value = entries.first(where: { $0.key == key })?.pair.value, !value.isNull else { return nil }
        return value
    }

    /// The value of a required field; logs and returns nil when it is absent.
    mutating func required(_ key: String, what: String? = nil) -> YAMLNode? {
        guard let value = optional(key) else {
            let hint = what.map { ": \($0)" } ?? ""
            log.error("missing field '\(key)'\(hint)", at: node.mark, path: path.isEmpty ? nil : path)
            return nil
        }
        return value
    }

    /// Logs every field that was not read, suggesting the closest known one.
    func rejectUnknown() {
        let known = Array(taken).sorted()
        for entry in entries where !taken.contains(entry.key) {
            var message = "unknown field '\(entry.key)'"
            if let hint = Fields.commaHint(entry.key) {
                message += hint
            } else if let guess = Suggestion.closest(to: entry.key, among: known) {
                message += "; did you mean '\(guess)'?"
            } else {
                message += "; the fields here are: \(known.joined(separator: ", "))"
            }
            log.error(message, at: entry.pair.key.mark, path: childPath(entry.key))
        }
    }
}

extension Fields {
    /// In `{ }` and `[ ]`, a comma ends an entry, so `amount: 39 999,99 €` loses its cents to a
    /// stray key "99 €". Said plainly, since the YAML error alone would puzzle anyone.
    static func commaHint(_ key: String) -> String? {
        guard let first = key.unicodeScalars.first, ("0"..."9").contains(first) else { return nil }
        return ": inside { } or [ ], a comma separates entries; quote an amount written with a decimal comma, e.g. \"39 999,99 €\""
    }
}

/// Reading plain scalars with located errors.
extension DiagnosticLog {
    func text(_ node: YAMLNode, path: String) -> String? {
        guard let text = node.scalar else {
            error("expected a text, found \(node.kindName)", at: node.mark, path: path)
            return nil
        }
        return text
    }

    func boolean(_ node: YAMLNode, path: String) -> Bool? {
        switch node.scalar {
        case "true"?: return true
        case "false"?: return false
        default:
            error("expected true or false, found \(ScalarParsing.shown(node))", at: node.mark, path: path)
            return nil
        }
    }

    func identifier(_ node: YAMLNode, path: String) -> String? {
        guard let text = text(node, path: path) else { return nil }
        guard ScalarParsing.isIdentifier(text) else {
            error("'\(ScalarParsing.truncated(text))' is not a valid identifier: use letters, digits, '_', '-' and '.'", at: node.mark, path: path)
            return nil
        }
        return text
    }

    func sequence(_ node: YAMLNode, path: String) -> [YAMLNode]? {
        guard let items = node.sequence else {
            error("expected a list, found \(node.kindName)", at: node.mark, path: path)
            return nil
        }
        return items
    }
}
