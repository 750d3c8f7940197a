import YAMLReader

/// The `limits` section: sums and counts over earlier decisions, read from the register.
extension SchemeBuilder {
    func limits(_ node: YAMLNode, inputs: [InputDefinition], symbols: SymbolTable) -> [Limit] {
        entries(node, path: "limits").compactMap { id, value, path in
            limit(id, value, path: path, inputs: inputs, symbols: symbols)
        }
    }

    private func limit(_ id: String, _ node: YAMLNode, path: String, inputs: [InputDefinition], symbols: SymbolTable) -> Limit? {
        guard var fields = Fields(node, path: path, log: log) else { return nil }
        let label = fields.required("label").flatMap { template($0, path: "\(path).label") }
        let measure = fields.required("measure", what: "amount, months ou count").flatMap { choice($0, Limit.Measure.self, path: "\(path).measure") }
        let period = fields.required("period", what: "calendar-year ou scheme-life").flatMap { choice($0, Limit.Period.self, path: "\(path).period") }
        let keys = fields.required("by", what: "les données qui disent de qui les décisions comptent").flatMap { keyInputs($0, inputs: inputs, path: "\(path).by") }
        let whenNode = fields.optional("when")
        let condition = whenNode.flatMap { expression($0, symbols: symbols, expecting: .boolean, path: "\(path).when") }
        let source = sourceReference(&fields, path: path)
        fields.rejectUnknown()
        guard let label, let measure, let period, let keys, whenNode == nil || condition != nil else { return nil }
        return Limit(id: id, label: label, measure: measure, keys: keys, period: period, condition: condition, source: source)
    }

    private func choice<T: RawRepresentable & CaseIterable>(_ node: YAMLNode, _ type: T.Type, path: String) -> T? where T.RawValue == String {
        guard let text = node.scalar, let value = T(rawValue: text) else {
            let names = T.allCases.map(\.rawValue).joined(separator: ", ")
            log.error("attendu l'une des valeurs \(names), trouvé \(ScalarParsing.shown(node))", at: node.mark, path: path)
            return nil
        }
        return value
    }

    private func keyInputs(_ node: YAMLNode, inputs: [InputDefinition], path: String) -> [Int]? {
        guard let items = log.sequence(node, path: path), !items.isEmpty else {
            log.error("« by » donne au moins une donnée du dispositif", at: node.mark, path: path)
            return nil
        }
        var keys: [Int] = []
        for item in items {
            guard let name = log.text(item, path: path) else { return nil }
            guard let index = inputs.firstIndex(where: { $0.id == name }), !inputs[index].perMonth else {
                var message = "« \(name) » n'est pas une donnée de ce dispositif (hors données mensuelles, per_month)"
                if let question = Suggestion.question(for: name, among: inputs.map(\.id)) { message += " ; " + question }
                log.error(message, at: item.mark, path: path)
                return nil
            }
            keys.append(index)
        }
        return keys
    }
}
