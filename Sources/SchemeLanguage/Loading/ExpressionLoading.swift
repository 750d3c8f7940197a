import ExactDecimal
import YAMLReader

/// The sections written as expressions: `eligibility` and `amount`.
extension SchemeBuilder {
    func symbolTable(inputs: [InputDefinition], parameters: [Parameter]) -> SymbolTable {
        var table = SymbolTable()
        table.references = references
        table.symbols[Builtin.filingDate.rawValue] = .builtin(.filingDate)
        table.symbols[Builtin.decisionDate.rawValue] = .builtin(.decisionDate)
        for (index, input) in inputs.enumerated() {
            table.symbols[input.id] = .input(index: index, type: input.type)
            if input.perMonth { table.perMonthInputs.insert(index) }
        }
        for (index, parameter) in parameters.enumerated() {
            if table.symbols[parameter.id] != nil {
                log.error("le paramètre « \(parameter.id) » porte le nom d'une donnée : renommez l'un des deux", at: SourceMark(file: file, line: 1, column: 1), path: "parameters.\(parameter.id)")
            }
            table.symbols[parameter.id] = .parameter(index: index, type: parameter.type)
        }
        return table
    }

    /// Parses and type-checks an expression written in a scalar, logging located errors.
    func expression(_ node: YAMLNode, symbols: SymbolTable, expecting expected: ValueType? = nil, path: String) -> Expression? {
        guard let text = log.text(node, path: path) else { return nil }
        let checker = TypeChecker(symbols: symbols, locate: { offset in ExpressionLocation.mark(of: offset, in: node) })
        do throws(ExpressionError) {
            let checked = try checker.check(try Parser.parse(text))
            if let expected, TypeChecker.commonType(checked.type, expected) != expected {
                log.error("attendu une formule qui donne \(expected.withArticle), trouvé une formule qui donne \(checked.type.withArticle)", at: node.mark, path: path)
                return nil
            }
            return checked
        } catch {
            log.error(error.message, at: ExpressionLocation.mark(of: error.offset, in: node), path: path)
            return nil
        }
    }

    func criteria(_ node: YAMLNode, symbols: SymbolTable) -> [Criterion] {
        guard let items = log.sequence(node, path: "eligibility") else { return [] }
        var seen: Set<String> = []
        return items.enumerated().compactMap { position, item in
            let path = "eligibility[\(position)]"
            guard var fields = Fields(item, path: path, log: log) else { return nil }
            let id = fields.required("id").flatMap { log.identifier($0, path: "\(path).id") }
            let label = fields.required("label", what: "ce que le critère exige, en français").flatMap { template($0, path: "\(path).label") }
            let failure = fields.required("failure", what: "le motif imprimé quand le critère n'est pas rempli").flatMap { template($0, path: "\(path).failure") }
            let manual = fields.optional("manual").flatMap { log.boolean($0, path: "\(path).manual") } ?? false
            let when = fields.optional("when")
            let appliesNode = fields.optional("applies_when")
            let applicability = appliesNode.flatMap { expression($0, symbols: symbols, expecting: .boolean, path: "\(path).applies_when") }
            let source = sourceReference(&fields, path: path)
            let examine = fields.optional("on_failure").map { onFailure($0, manual: manual, path: "\(path).on_failure") } ?? false
            fields.rejectUnknown()
            if let id, !seen.insert(id).inserted {
                log.error("le critère « \(id) » est défini deux fois : renommez l'un des deux", at: item.mark, path: "\(path).id")
            }
            var condition: Expression?
            switch (manual, when) {
            case (false, let node?): condition = expression(node, symbols: symbols, expecting: .boolean, path: "\(path).when")
            case (true, nil): condition = nil
            case (true, _?): log.error("un critère manuel n'a pas de « when » : seul l'instructeur le tranche ; retirez « when » ou « manual »", at: item.mark, path: path)
            case (false, nil): log.error("champ « when » manquant (la condition), ou « manual: true » quand seul l'instructeur peut trancher le critère", at: item.mark, path: path)
            }
            guard let id, let label, let failure, manual || condition != nil,
                  appliesNode == nil || applicability != nil else { return nil }
            var criterion = Criterion(id: id, label: label, failure: failure, condition: condition, formula: when?.scalar,
                                      applicability: applicability, applicabilityFormula: appliesNode?.scalar,
                                      source: source, mark: item.mark)
            criterion.examineWhenUnmet = examine
            return criterion
        }
    }

    /// `on_failure`: `refuse` (a ground of refusal, the default) or `examine` (a point the
    /// instructor settles, for a rule whose exceptions only a person can judge).
    private func onFailure(_ node: YAMLNode, manual: Bool, path: String) -> Bool {
        guard let text = log.text(node, path: path) else { return false }
        switch text {
        case "refuse": return false
        case "examine":
            if manual { log.error("un critère manuel est déjà laissé à l'instructeur : retirez « on_failure »", at: node.mark, path: path) }
            return true
        default:
            log.error("« on_failure » vaut refuse (le critère non rempli fonde un refus) ou examine (l'instructeur tranche), pas \(ScalarParsing.quoted(text))",
                      at: node.mark, path: path)
            return false
        }
    }
}

extension SchemeBuilder {
    func notices(_ node: YAMLNode, symbols: SymbolTable) -> [Notice] {
        guard let items = log.sequence(node, path: "notices") else { return [] }
        return items.enumerated().compactMap { position, item in
            let path = "notices[\(position)]"
            guard var fields = Fields(item, path: path, log: log) else { return nil }
            let id = fields.required("id").flatMap { log.identifier($0, path: "\(path).id") }
            let text = fields.required("text", what: "la phrase, en français, que porte la décision").flatMap { template($0, path: "\(path).text") }
            let condition = fields.optional("when").flatMap { expression($0, symbols: symbols, expecting: .boolean, path: "\(path).when") }
            let hasCondition = fields.optional("when") != nil
            let occasion = fields.optional("on").flatMap { node -> Notice.Occasion? in
                guard let occasion = node.scalar.flatMap(Notice.Occasion.init(rawValue:)) else {
                    log.error("« on » vaut award (avec une attribution, par défaut) ou refusal (avec un refus, pour orienter le demandeur), trouvé \(ScalarParsing.shown(node))",
                              at: node.mark, path: "\(path).on")
                    return nil
                }
                return occasion
            }
            let source = sourceReference(&fields, path: path)
            fields.rejectUnknown()
            guard let id, let text, !hasCondition || condition != nil else { return nil }
            return Notice(id: id, text: text, condition: condition, source: source, occasion: occasion ?? .award)
        }
    }
}

/// Maps an offset in an expression back to the file, so errors point at the faulty word.
enum ExpressionLocation {
    static func mark(of offset: Int, in node: YAMLNode) -> SourceMark {
        guard let text = node.scalar, !text.contains("\n") else { return node.mark }
        // A quoted scalar starts one column after its opening quote.
        let quote = node.isPlainScalar ? 0 : 1
        return SourceMark(file: node.mark.file, line: node.mark.line, column: node.mark.column + quote + offset)
    }
}
