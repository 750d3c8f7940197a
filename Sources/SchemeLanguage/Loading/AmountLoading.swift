import ExactDecimal
import YAMLReader

/// The `amount` section: named steps, the result, and the rounding.
extension SchemeBuilder {
    func amount(_ node: YAMLNode, symbols: SymbolTable) -> AmountDefinition? {
        guard var fields = Fields(node, path: "amount", log: log) else { return nil }
        let rounding = fields.optional("rounding").flatMap { self.rounding($0) } ?? Rounding.cent
        let checked = stepList(&fields, section: "amount", symbols: symbols)
        fields.rejectUnknown()
        guard let checked else { return nil }
        return AmountDefinition(steps: checked.steps, evaluationOrder: checked.order, result: checked.result, rounding: rounding)
    }

    /// Named steps and the one whose value is the result, as `amount` and `schedule` have.
    func stepList(_ fields: inout Fields, section: String, symbols: SymbolTable)
        -> (steps: [AmountDefinition.Step], order: [Int], result: Int)? {
        let stepsNode = fields.required("steps", what: "les étapes nommées du calcul")
        let resultNode = fields.required("result", what: "l'étape dont la valeur est l'aide")
        guard let stepsNode, let items = log.sequence(stepsNode, path: "\(section).steps") else { return nil }
        let declared = declaredSteps(items, section: section)
        let wordings = stepWordings(declared, required: section == "amount", symbols: symbols)
        let checked = StepChecker(builder: self, declared: declared, symbols: symbols, monthly: section == "schedule").checkAll()
        guard let resultNode, let resultID = log.text(resultNode, path: "\(section).result") else { return nil }
        guard let result = declared.firstIndex(where: { $0.id == resultID }) else {
            var message = "« \(resultID) » n'est pas une étape de « \(section).steps »"
            if let question = Suggestion.question(for: resultID, among: declared.map(\.id)) { message += " ; " + question }
            log.error(message, at: resultNode.mark, path: "\(section).result")
            return nil
        }
        guard var steps = checked.steps, let order = checked.order else { return nil }
        for index in steps.indices { steps[index].wording = wordings[index] }
        guard steps[result].expression.type == .money else {
            log.error("l'étape du résultat doit donner un montant en euros, et non \(steps[result].expression.type.withArticle)", at: resultNode.mark, path: "\(section).result")
            return nil
        }
        return (steps, order, result)
    }

    struct DeclaredStep {
        let id: String
        let label: String
        let value: YAMLNode
        let source: String?
        let path: String
        let wording: YAMLNode?
        /// `part: true`: a part of an allocation, listed in its notice and its summary table.
        let part: Bool
        let mark: SourceMark
    }

    /// Each step's `wording`, checked once every step id is known: it may name the steps, the
    /// parameters, the inputs (written as the fact is) and `value`. Required for the amount,
    /// whose table an act prints.
    private func stepWordings(_ declared: [DeclaredStep], required: Bool, symbols: SymbolTable) -> [String?] {
        let inputs = symbols.symbols.compactMap { name, symbol -> String? in
            if case .input = symbol { name } else { nil }
        }
        let names = declared.map(\.id) + inputs + [InputStatement.valueName]
        return declared.map { step in
            guard let node = step.wording else {
                if required {
                    log.error("l'étape « \(step.id) » n'a pas de « wording » : ajoutez les mots qu'un acte imprime pour son calcul (« {taux} de {base}, soit {value} »)",
                              at: step.mark, path: step.path)
                }
                return nil
            }
            return template(node, path: "\(step.path).wording", also: names,
                            what: "ni une étape du calcul, ni un paramètre ou une donnée du dispositif, ni {value}, la valeur de l'étape")
        }
    }

    private func declaredSteps(_ items: [YAMLNode], section: String) -> [DeclaredStep] {
        var seen: Set<String> = []
        return items.enumerated().compactMap { position, item in
            let path = "\(section).steps[\(position)]"
            guard var fields = Fields(item, path: path, log: log) else { return nil }
            let id = fields.required("id").flatMap { log.identifier($0, path: "\(path).id") }
            let label = fields.required("label", what: "le nom de l'étape, en français").flatMap { template($0, path: "\(path).label") }
            let value = fields.required("value", what: "la formule qui calcule l'étape")
            let source = sourceReference(&fields, path: path)
            let wording = fields.optional("wording")
            let part = fields.optional("part").flatMap { log.boolean($0, path: "\(path).part") } ?? false
            fields.rejectUnknown()
            guard let id, let label, let value else { return nil }
            guard seen.insert(id).inserted else {
                log.error("l'étape « \(id) » est définie deux fois : renommez l'une des deux", at: item.mark, path: "\(path).id")
                return nil
            }
            return DeclaredStep(id: id, label: label, value: value, source: source, path: path, wording: wording, part: part, mark: item.mark)
        }
    }

    private func rounding(_ node: YAMLNode) -> Rounding? {
        guard var fields = Fields(node, path: "amount.rounding", log: log) else { return nil }
        let step = fields.required("step", what: "par exemple 0.01 € pour arrondir au centime").flatMap { stepNode -> DecimalNumber? in
            guard let text = stepNode.scalar, let value = ScalarParsing.money(text), value > .zero else {
                log.error("attendu un montant positif, comme 0,01 € ou 1 €, trouvé \(ScalarParsing.shown(stepNode))", at: stepNode.mark, path: "amount.rounding.step")
                return nil
            }
            return value
        }
        let rule = fields.required("rule", what: "half-up, half-even, down, up, floor ou ceiling").flatMap { ruleNode -> RoundingRule? in
            guard let text = ruleNode.scalar, let rule = RoundingRule(rawValue: text) else {
                log.error("règle d'arrondi \(ScalarParsing.shown(ruleNode)) inconnue ; écrivez l'une de \(RoundingRule.allCases.map(\.rawValue).joined(separator: ", "))", at: ruleNode.mark, path: "amount.rounding.rule")
                return nil
            }
            return rule
        }
        fields.rejectUnknown()
        guard let step, let rule else { return nil }
        return Rounding(step: step, rule: rule)
    }
}

/// Type-checks amount steps in dependency order, refusing cycles.
///
/// Steps may be written in any order; each is checked when first needed, and the order in
/// which checks complete is an order of evaluation.
final class StepChecker {
    private enum State { case unchecked, inProgress, done(ValueType), failed }

    private let builder: SchemeBuilder
    private let declared: [SchemeBuilder.DeclaredStep]
    private var symbols: SymbolTable
    private var states: [State]
    private var expressions: [Expression?]
    private var order: [Int] = []
    private var stack: [Int] = []

    /// `monthly` for the steps of a schedule, computed anew for each month.
    init(builder: SchemeBuilder, declared: [SchemeBuilder.DeclaredStep], symbols: SymbolTable, monthly: Bool) {
        self.builder = builder
        self.declared = declared
        self.symbols = symbols
        states = Array(repeating: .unchecked, count: declared.count)
        expressions = Array(repeating: nil, count: declared.count)
        for (index, step) in declared.enumerated() {
            if self.symbols.symbols[step.id] != nil {
                builder.log.error("l'étape « \(step.id) » porte le nom d'une donnée ou d'un paramètre : renommez-la", at: step.value.mark, path: "\(step.path).id")
            }
            self.symbols.symbols[step.id] = monthly ? .monthStep(index: index) : .step(index: index)
        }
        self.symbols.typeOfStep = { [unowned self] index, offset throws(ExpressionError) in
            try self.type(of: index, referencedAt: offset)
        }
    }

    func checkAll() -> (steps: [AmountDefinition.Step]?, order: [Int]?) {
        for index in declared.indices { check(index) }
        var steps: [AmountDefinition.Step] = []
        for (index, step) in declared.enumerated() {
            guard let expression = expressions[index] else { return (nil, nil) }
            steps.append(AmountDefinition.Step(id: step.id, label: step.label, expression: expression,
                                               formula: step.value.scalar ?? "", source: step.source, part: step.part))
        }
        return (steps, order)
    }

    private func check(_ index: Int) {
        guard case .unchecked = states[index] else { return }
        states[index] = .inProgress
        stack.append(index)
        let step = declared[index]
        if let expression = builder.expression(step.value, symbols: symbols, path: "\(step.path).value") {
            expressions[index] = expression
            states[index] = .done(expression.type)
            order.append(index)
        } else {
            states[index] = .failed
        }
        stack.removeLast()
    }

    private func type(of index: Int, referencedAt offset: Int) throws(ExpressionError) -> ValueType {
        if case .unchecked = states[index] { check(index) }
        switch states[index] {
        case .done(let type):
            return type
        case .inProgress:
            let cycle = (stack.drop(while: { $0 != index }) + [index]).map { declared[$0].id }
            throw ExpressionError("les étapes dépendent les unes des autres en cercle : \(cycle.joined(separator: " → ")) ; rompez le cercle", offset: offset)
        case .failed, .unchecked:
            throw ExpressionError("l'étape « \(declared[index].id) » contient une erreur (signalée à sa définition)", offset: offset)
        }
    }
}
