import YAMLReader

/// The `schedule` section: a month-by-month computation.
extension SchemeBuilder {
    func schedule(_ node: YAMLNode, symbols: SymbolTable) -> ScheduleDefinition? {
        guard var fields = Fields(node, path: "schedule", log: log) else { return nil }
        let start = fields.required("start", what: "la date dont le mois est le premier mois payé").flatMap {
            expression($0, symbols: symbols, expecting: .date, path: "schedule.start")
        }
        let months = fields.required("months", what: "le nombre de mois demandés").flatMap {
            expression($0, symbols: symbols, expecting: .integer, path: "schedule.months")
        }
        let maxMonths = fields.optional("max_months").flatMap {
            expression($0, symbols: symbols, expecting: .integer, path: "schedule.max_months")
        }
        var monthly = symbols
        monthly.allowsPerMonth = true
        monthly.symbols[Builtin.month.rawValue] = .builtin(.month)
        monthly.symbols[Builtin.monthEnd.rawValue] = .builtin(.monthEnd)
        let stopNode = fields.optional("stop")
        let stop = stopNode.flatMap { expression($0, symbols: monthly, expecting: .boolean, path: "schedule.stop") }
        let stopReason = fields.optional("stop_reason").flatMap { log.text($0, path: "schedule.stop_reason") }
        if stopNode != nil, stopReason == nil {
            log.error("champ « stop_reason » manquant : la décision doit dire pourquoi les versements s'arrêtent", at: node.mark, path: "schedule")
        }
        let source = sourceReference(&fields, path: "schedule")
        let steps = stepList(&fields, section: "schedule", symbols: monthly)
        fields.rejectUnknown()
        guard let start, let months, let steps, stopNode == nil || stop != nil else { return nil }
        return ScheduleDefinition(start: start, months: months, maxMonths: maxMonths, stop: stop, stopReason: stopReason,
                                  steps: steps.steps, evaluationOrder: steps.order, result: steps.result, source: source)
    }
}
