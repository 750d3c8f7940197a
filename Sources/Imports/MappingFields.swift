import SchemeLanguage
import YAMLReader

/// Reads the fields of a mapping file's YAML mappings by name, in French, and reports every field
/// nobody asked for with the closest known name: a misspelt field must not leave a column unread.
struct MappingFields {
    private let node: YAMLNode
    let path: String
    private let log: DiagnosticLog
    private let pairs: [YAMLPair]
    private var read = Set<Int>()
    private var asked: [String] = []

    /// nil, after logging, when the node is not a mapping.
    init?(_ node: YAMLNode, path: String, log: DiagnosticLog) {
        guard let pairs = node.mapping else {
            log.error("une table de champs (clé: valeur) est attendue ici, pas \(MappingFields.kind(node))", at: node.mark, path: path.isEmpty ? nil : path)
            return nil
        }
        self.node = node
        self.path = path
        self.log = log
        self.pairs = pairs
    }

    func childPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    mutating func optional(_ key: String) -> YAMLNode? {
        asked.append(key)
        guard let index = pairs.firstIndex(where: { $0.key.scalar == key }) else { return nil }
        read.insert(index)
        return pairs[index].value.isNull ? nil : pairs[index].value
    }

    mutating func required(_ key: String, what: String) -> YAMLNode? {
        guard let value = optional(key) else {
            log.error("le champ « \(key) » manque : \(what)", at: node.mark, path: path.isEmpty ? nil : path)
            return nil
        }
        return value
    }

    /// Logs every field that was not read.
    func rejectUnknown() {
        for (index, pair) in pairs.enumerated() where !read.contains(index) {
            let key = pair.key.scalar ?? "?"
            let known = Array(Set(asked)).sorted()
            var message = "champ inconnu « \(key) »"
            if let guess = Suggestion.closest(to: key, among: known) {
                message += " ; vouliez-vous dire « \(guess) » ?"
            } else {
                message += " ; les champs possibles ici sont : \(known.joined(separator: ", "))"
            }
            log.error(message, at: pair.key.mark, path: childPath(key))
        }
    }

    /// « une liste », « un texte », « une table », for messages.
    static func kind(_ node: YAMLNode) -> String {
        switch node.content {
        case .scalar: "un texte"
        case .sequence: "une liste"
        case .mapping: "une table"
        }
    }
}

extension DiagnosticLog {
    /// A text on one line: a column name, a label, a state.
    func mappingText(_ node: YAMLNode, path: String) -> String? {
        guard let text = node.scalar else {
            error("un texte est attendu ici, pas \(MappingFields.kind(node))", at: node.mark, path: path)
            return nil
        }
        guard !text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            error("ce texte contient un saut de ligne ou un caractère de contrôle : écrivez-le sur une ligne", at: node.mark, path: path)
            return nil
        }
        return text
    }
}
