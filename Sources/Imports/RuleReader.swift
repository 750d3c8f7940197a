import SchemeLanguage
import YAMLReader

/// Reads the rules of a mapping file: a column named alone (`filed: Déposé le`), or with the
/// export's words and the values they stand for (`{column: …, values: {Oui: true}, empty: []}`).
struct RuleReader {
    let scheme: Scheme
    let log: DiagnosticLog

    func rule(_ node: YAMLNode, target: ImportMapping.Target, type: ValueType, path: String,
              allowsTemplate: Bool = false) -> ImportMapping.Rule? {
        if node.scalar != nil {
            guard let column = columnName(node, path: path) else { return nil }
            return ImportMapping.Rule(target: target, column: column, path: path, mark: node.mark, values: [], empty: nil, template: nil)
        }
        guard var fields = Fields(node, path: path, log: log) else { return nil }
        let columnNode = fields.required("column", what: "le nom de la colonne de l'export")
        let column = columnNode.flatMap { columnName($0, path: fields.childPath("column")) }
        let values = fields.optional("values").map { labels($0, type: type, path: fields.childPath("values")) } ?? []
        let empty: Value?? = fields.optional("empty").map { value($0, type: type, path: fields.childPath("empty")) }
        var template: String?
        if allowsTemplate, let node = fields.optional("template") {
            template = log.line(node, path: fields.childPath("template"))
            if let text = template, text.ranges(of: "{value}").count != 1 {
                log.error("le modèle doit contenir « {value} » une fois : il est remplacé par la valeur de la colonne (\"DS-{value}\")",
                          at: node.mark, path: fields.childPath("template"))
            }
        }
        fields.rejectUnknown()
        guard let column, let columnNode else { return nil }
        return ImportMapping.Rule(target: target, column: column, path: path, mark: columnNode.mark,
                                  values: values, empty: empty, template: template)
    }

    private func columnName(_ node: YAMLNode, path: String) -> String? {
        guard let text = log.line(node, path: path) else { return nil }
        let name = text.trimmingSpaces
        guard !name.isEmpty else {
            log.error("le nom de colonne est vide", at: node.mark, path: path)
            return nil
        }
        return name
    }

    /// `values: {« Catégorie 1 — inscrit au PDESI »: inscrit_1, Non renseigné: null}`.
    private func labels(_ node: YAMLNode, type: ValueType, path: String) -> [(label: String, value: Value?)] {
        guard let pairs = node.mapping else {
            log.error("une table « libellé de l'export: valeur » est attendue, pas \(node.kindName)", at: node.mark, path: path)
            return []
        }
        var labels: [(label: String, value: Value?)] = []
        let memberType: ValueType = if case .set(let domain) = type { .enumeration(domain) } else { type }
        for pair in pairs {
            guard let label = pair.key.scalar.map(\.trimmingSpaces) else { continue }
            let entryPath = "\(path).\(label)"
            if labels.contains(where: { $0.label == label }) {
                log.error("le libellé « \(label) » est donné deux fois", at: pair.key.mark, path: entryPath)
                continue
            }
            if pair.value.isNull { labels.append((label, nil)); continue }
            if let value = value(pair.value, type: memberType, path: entryPath) { labels.append((label, value)) }
        }
        return labels
    }

    /// A value of the type as a mapping file writes it (as an application file does).
    private func value(_ node: YAMLNode, type: ValueType, path: String) -> Value? {
        if node.isNull { return nil }
        if case .text = type, let text = log.line(node, path: path) { return .text(text) }
        switch ScalarParsing.value(node, as: type) {
        case .success(let value): return value
        case .failure:
            let shown = node.scalar.map { "« \(ScalarParsing.truncated($0)) »" } ?? node.kindName
            log.error("\(shown) n'est pas \(TypedText.expected(type))", at: node.mark, path: path)
            return nil
        }
    }

    /// `facts: {esi.categorie: {column: …}}`, each key an input of the scheme written in full.
    func facts(_ node: YAMLNode) -> [ImportMapping.Rule] {
        keyed(node, path: "facts") { id, value, keyNode, path in
            guard let index = scheme.inputIndex(id) else {
                unknown(id, what: "information", among: scheme.inputs.map(\.id), at: keyNode, path: path)
                return nil
            }
            let input = scheme.inputs[index]
            guard !input.perMonth else {
                log.error("« \(id) » a une valeur par mois : l'import ne sait pas la lire ; écrivez-la dans le fichier de la demande",
                          at: keyNode.mark, path: path)
                return nil
            }
            return rule(value, target: .fact(index), type: input.type, path: path)
        }
    }

    /// `pieces: {devis: Devis estimatif}`: the piece is provided when the cell names a file.
    func pieces(_ node: YAMLNode) -> [ImportMapping.Rule] {
        keyed(node, path: "pieces") { id, value, keyNode, path in
            guard scheme.piece(id) != nil else {
                unknown(id, what: "pièce", among: scheme.pieces.map(\.id), at: keyNode, path: path)
                return nil
            }
            return rule(value, target: .piece(id), type: .boolean, path: path)
        }
    }

    /// `confirmed: {porteur.habilite_pdesi: Habilitation vérifiée}`: a private annotation « Oui ».
    func confirmations(_ node: YAMLNode) -> [ImportMapping.Rule] {
        let confirmable = scheme.inputs.filter(\.confirm).map(\.id)
        return keyed(node, path: "confirmed") { id, value, keyNode, path in
            guard confirmable.contains(id) else {
                unknown(id, what: "information à confirmer (confirm: true)", among: confirmable, at: keyNode, path: path)
                return nil
            }
            return rule(value, target: .confirmed(id), type: .boolean, path: path)
        }
    }

    private func keyed(_ node: YAMLNode, path: String,
                       _ read: (String, YAMLNode, YAMLNode, String) -> ImportMapping.Rule?) -> [ImportMapping.Rule] {
        guard let pairs = node.mapping else {
            log.error("une table « identifiant: colonne » est attendue, pas \(node.kindName)", at: node.mark, path: path)
            return []
        }
        var seen = Set<String>()
        return pairs.compactMap { pair in
            let id = pair.key.scalar ?? ""
            guard seen.insert(id).inserted else {
                log.error("« \(id) » est donné deux fois", at: pair.key.mark, path: "\(path).\(id)")
                return nil
            }
            return read(id, pair.value, pair.key, "\(path).\(id)")
        }
    }

    private func unknown(_ id: String, what: String, among known: [String], at node: YAMLNode, path: String) {
        var message = "« \(ScalarParsing.truncated(id)) » n'est pas une \(what) du dispositif \(scheme.id)"
        if let guess = Suggestion.closest(to: id, among: known) {
            message += " ; vouliez-vous dire « \(guess) » ?"
        } else {
            message += " ; « guichet explain \(scheme.id) » les énumère"
        }
        log.error(message, at: node.mark, path: path)
    }
}
