import YAMLReader

/// The `selection` section of a call.
extension SchemeBuilder {
    func selection(_ node: YAMLNode, symbols: SymbolTable) -> Selection? {
        guard var fields = Fields(node, path: "selection", log: log) else { return nil }
        let laureates = fields.optional("laureates").flatMap { count($0, path: "selection.laureates") }
        let categoryNode = fields.optional("category")
        let category = categoryNode.flatMap { expression($0, symbols: symbols, path: "selection.category") }
        if let category, !category.type.isEnumeration {
            log.error("la catégorie doit être un choix parmi des valeurs (une donnée de type enum), et non \(category.type.withArticle)", at: categoryNode!.mark, path: "selection.category")
        }
        let quotas = fields.optional("quotas").map { self.quotas($0, category: category) } ?? []
        let ranking = fields.optional("ranking").map { self.keys($0, symbols: symbols, path: "selection.ranking") } ?? []
        let tieBreaks = fields.optional("tie_breaks").map { self.keys($0, symbols: symbols, path: "selection.tie_breaks") } ?? []
        let envelope = fields.optional("envelope").flatMap { expression($0, symbols: symbols, expecting: .money, path: "selection.envelope") }
        let waitingList = fields.optional("waiting_list").flatMap { count($0, path: "selection.waiting_list") }
        let source = sourceReference(&fields, path: "selection")
        fields.rejectUnknown()
        if laureates == nil, envelope == nil {
            log.error("une sélection demande « laureates », une « envelope », ou les deux", at: node.mark, path: "selection")
            return nil
        }
        return Selection(laureates: laureates, category: category, quotas: quotas, ranking: ranking, tieBreaks: tieBreaks,
                         envelope: envelope, waitingList: waitingList, source: source)
    }

    private func count(_ node: YAMLNode, path: String) -> Int? {
        guard let text = node.scalar, let value = Int(text), value >= 0 else {
            log.error("attendu un nombre entier positif ou nul, trouvé \(ScalarParsing.shown(node))", at: node.mark, path: path)
            return nil
        }
        return value
    }

    private func quotas(_ node: YAMLNode, category: Expression?) -> [(category: String, count: Int)] {
        guard let pairs = node.mapping else {
            log.error("attendu les catégories et leur nombre de lauréats, trouvé \(node.kindName)", at: node.mark, path: "selection.quotas")
            return []
        }
        guard case .enumeration(let domain)? = category?.type else {
            log.error("des quotas demandent une « category » : ajoutez-la à la sélection", at: node.mark, path: "selection.quotas")
            return []
        }
        return pairs.compactMap { pair in
            let name = pair.key.scalar ?? ""
            guard domain.contains(name) else {
                log.error("« \(name) » n'est pas une valeur de la catégorie ; ses valeurs sont : \(domain.values.joined(separator: ", "))", at: pair.key.mark, path: "selection.quotas")
                return nil
            }
            return count(pair.value, path: "selection.quotas.\(name)").map { (name, $0) }
        }
    }

    private func keys(_ node: YAMLNode, symbols: SymbolTable, path: String) -> [Selection.Key] {
        guard let items = log.sequence(node, path: path) else { return [] }
        return items.enumerated().compactMap { position, item in
            let itemPath = "\(path)[\(position)]"
            guard var fields = Fields(item, path: itemPath, log: log) else { return nil }
            let label = fields.required("label").flatMap { log.text($0, path: "\(itemPath).label") }
            let valueNode = fields.required("value", what: "la formule selon laquelle on classe")
            let value = valueNode.flatMap { expression($0, symbols: symbols, path: "\(itemPath).value") }
            let order = fields.optional("order").flatMap { orderNode -> Bool? in
                switch orderNode.scalar {
                case "descending"?: return true
                case "ascending"?: return false
                default:
                    log.error("attendu ascending ou descending, trouvé \(ScalarParsing.shown(orderNode))", at: orderNode.mark, path: "\(itemPath).order")
                    return nil
                }
            } ?? true
            fields.rejectUnknown()
            guard let label, let value else { return nil }
            if !(value.type.isOrdered || value.type == .boolean) {
                log.error("un critère de classement est un nombre, un montant, un taux, une date ou un booléen, et non \(value.type.withArticle)", at: item.mark, path: itemPath)
                return nil
            }
            return Selection.Key(label: label, expression: value, descending: order, formula: valueNode?.scalar ?? "")
        }
    }
}

extension ValueType {
    var isEnumeration: Bool {
        if case .enumeration = self { return true }
        return false
    }
}
