import Platform
import YAMLReader

/// Reads the fields of a YAML mapping by name, and reports those nobody asked for: the one
/// reader of the scheme files, the applications and the other files of the rules folder (an
/// import's mapping).
///
/// An unknown field is an error, not a silence: a misspelt `plafond` must not quietly
/// leave a scheme uncapped.
public struct Fields {
    public let node: YAMLNode
    public let path: String
    let log: DiagnosticLog
    private let pairs: [YAMLPair]
    /// Which pairs were read, by index: a bit mask, as this runs once per field of every application.
    private var read: UInt64 = 0
    private var readBeyond64: Set<Int> = []
    /// The names asked for, to suggest one when an unknown field turns up.
    private var asked: [String] = []

    /// nil (after logging) when the node is not a mapping.
    public init?(_ node: YAMLNode, path: String, log: DiagnosticLog) {
        self.node = node
        self.path = path
        self.log = log
        guard let pairs = node.mapping else {
            log.error("attendu un ensemble de champs (clé : valeur), trouvé \(node.kindName)", at: node.mark, path: path.isEmpty ? nil : path)
            return nil
        }
        self.pairs = pairs
        asked.reserveCapacity(16)  // an application's top level asks for 11 fields
    }

    public func childPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The value of an optional field.
    public mutating func optional(_ key: String) -> YAMLNode? {
        asked.append(key)
        guard let index = pairs.firstIndex(where: { $0.key.scalar == key }) else { return nil }
        markRead(index)
        let value = pairs[index].value
        return value.isNull ? nil : value
    }

    /// The value of a required field; logs and returns nil when it is absent.
    public mutating func required(_ key: String, what: String? = nil) -> YAMLNode? {
        guard let value = optional(key) else {
            let hint = what.map { " : \($0)" } ?? ""
            log.error("champ « \(key) » manquant\(hint)", at: node.mark, path: path.isEmpty ? nil : path)
            return nil
        }
        return value
    }

    private mutating func markRead(_ index: Int) {
        if index < 64 { read |= 1 << UInt64(index) } else { readBeyond64.insert(index) }
    }

    private func wasRead(_ index: Int) -> Bool {
        index < 64 ? read & (1 << UInt64(index)) != 0 : readBeyond64.contains(index)
    }

    /// Logs every field that was not read, suggesting the closest known one.
    public func rejectUnknown() {
        for (index, pair) in pairs.enumerated() where !wasRead(index) {
            let key = pair.key.scalar ?? pair.key.kindName
            let known = Array(Set(asked)).sorted()
            var message = "champ « \(key) » inconnu"
            if let hint = Fields.commaHint(key) {
                message += hint
            } else if let question = Suggestion.question(for: key, among: known) {
                message += " ; " + question
            } else {
                message += " ; les champs admis ici sont : \(known.joined(separator: ", "))"
            }
            log.error(message, at: pair.key.mark, path: childPath(key))
        }
    }
}

extension Fields {
    /// In `{ }` and `[ ]`, a comma ends an entry, so `amount: 39 999,99 €` loses its cents to a
    /// stray key "99 €". Said plainly, since the YAML error alone would puzzle anyone.
    static func commaHint(_ key: String) -> String? {
        guard let first = key.unicodeScalars.first, ("0"..."9").contains(first) else { return nil }
        return " : entre { } ou [ ], une virgule sépare les éléments ; mettez entre guillemets un montant écrit avec une virgule décimale, par exemple \"39 999,99 €\""
    }
}

/// Reading plain scalars with located errors.
extension DiagnosticLog {
    /// A text, on one line or several; a control character (an escape sequence, a carriage
    /// return) is refused, since the text ends up in documents and on terminals.
    func text(_ node: YAMLNode, path: @autoclosure () -> String) -> String? {
        text(node, path: path(), allowingLineBreaks: true)
    }

    /// A text on one line, such as a name or a subject: a line break there would split a
    /// table row or forge a line in a procès-verbal.
    public func line(_ node: YAMLNode, path: @autoclosure () -> String) -> String? {
        text(node, path: path(), allowingLineBreaks: false)
    }

    private func text(_ node: YAMLNode, path: @autoclosure () -> String, allowingLineBreaks: Bool) -> String? {
        guard let text = node.scalar else {
            error("attendu un texte, trouvé \(node.kindName)", at: node.mark, path: path())
            return nil
        }
        if let control = TerminalText.firstControl(in: text, allowingLineBreaks: allowingLineBreaks) {
            let message = control == "\n"
                ? "ce texte doit tenir sur une seule ligne : retirez le saut de ligne"
                : "ce texte contient un caractère de contrôle invisible (U+\(String(control.value, radix: 16, uppercase: true))) : retirez-le"
            error(message, at: node.mark, path: path())
            return nil
        }
        return text
    }

    func boolean(_ node: YAMLNode, path: @autoclosure () -> String) -> Bool? {
        switch node.scalar {
        case "true"?: return true
        case "false"?: return false
        default:
            error("attendu true ou false, trouvé \(ScalarParsing.shown(node))", at: node.mark, path: path())
            return nil
        }
    }

    func identifier(_ node: YAMLNode, path: @autoclosure () -> String) -> String? {
        guard let text = text(node, path: path()) else { return nil }
        guard ScalarParsing.isIdentifier(text) else {
            error("« \(ScalarParsing.truncated(text)) » n'est pas un identifiant valide : commencez par une lettre ou un chiffre, puis n'employez que des lettres sans accent, des chiffres, « _ », « - » et « . »", at: node.mark, path: path())
            return nil
        }
        return text
    }

    func sequence(_ node: YAMLNode, path: @autoclosure () -> String) -> [YAMLNode]? {
        guard let items = node.sequence else {
            error("attendu une liste, trouvé \(node.kindName)", at: node.mark, path: path())
            return nil
        }
        return items
    }
}
