import SchemeLanguage
import YAMLReader

/// How an import's mapping file names what it found in place of a text.
enum MappingText {
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
            error("un texte est attendu ici, pas \(MappingText.kind(node))", at: node.mark, path: path)
            return nil
        }
        guard !text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            error("ce texte contient un saut de ligne ou un caractère de contrôle : écrivez-le sur une ligne", at: node.mark, path: path)
            return nil
        }
        return text
    }
}
