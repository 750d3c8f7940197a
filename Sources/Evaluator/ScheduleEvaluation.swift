import ExactDecimal
import SchemeLanguage

/// Computes a schedule month by month.
enum ScheduleEvaluation {
    static func run(_ definition: ScheduleDefinition, _ compiled: CompiledSchedule, rounding: Rounding,
                    in context: inout EvaluationContext) throws(EvaluationError) -> ScheduleResult {
        _ = context.beginTrace()
        let asked = try compiled.months(&context).flatMap(integer)
        let maxMonths = try compiled.maxMonths.map { (max) throws(EvaluationError) in try max(&context).flatMap(integer) } ?? nil
        guard case .date(let start)? = try compiled.start(&context), let asked,
              compiled.maxMonths == nil || maxMonths != nil else {
            return ScheduleResult(asked: asked, maxMonths: maxMonths, months: [], stoppedAt: nil, total: nil)
        }
        let count = max(0, min(asked, maxMonths ?? asked))
        // Checked before the first month, so that a schedule that runs past 9999 fails at once.
        if count > 0, start.firstOfMonth(adding: count - 1) == nil { throw beyondLastDate(start, count: count, definition) }
        try checkMonthsGiven(start: start, asked: asked, definition, in: context)
        var months: [ScheduleResult.Month] = []
        var stoppedAt: LocalDate?
        var complete = true
        for offset in 0..<count {
            guard let month = start.firstOfMonth(adding: offset) else { throw beyondLastDate(start, count: count, definition) }
            context.month = month
            if let stop = compiled.stop {
                let halt = try stop(&context)?.boolean
                if halt == nil { complete = false }
                if halt != false {
                    stoppedAt = halt == true ? month : nil
                    break
                }
            }
            let row = try computeMonth(month, definition, compiled, rounding: rounding, in: &context)
            if row.paid == nil { complete = false }
            months.append(row)
        }
        context.month = nil
        let total = complete ? try sum(months, at: definition) : nil
        context.scheduleTotal = total.map(Value.money)
        context.scheduleMonths = complete ? .integer(months.count) : nil
        return ScheduleResult(asked: asked, maxMonths: maxMonths, months: months, stoppedAt: stoppedAt, total: total)
    }

    private static func computeMonth(_ month: LocalDate, _ definition: ScheduleDefinition, _ compiled: CompiledSchedule,
                                     rounding: Rounding, in context: inout EvaluationContext) throws(EvaluationError) -> ScheduleResult.Month {
        for index in context.monthSteps.indices { context.monthSteps[index] = nil }
        for step in compiled.steps {
            do {
                context.monthSteps[step.index] = try step.compute(&context)
            } catch {
                let written = definition.steps[step.index]
                throw error.within("à l'étape « \(written.id) » (`\(EvaluationError.excerpt(written.formula))`) de l'échéancier, pour \(month.frenchMonth)")
            }
        }
        var paid: DecimalNumber?
        if let raw = context.monthSteps[definition.result]?.decimal {
            do throws(DecimalError) {
                paid = try raw.rounded(toMultipleOf: rounding.step, rule: rounding.rule)
            } catch {
                throw EvaluationError.overflow(at: definition.steps[definition.result].expression)
                    .within("à l'arrondi de l'aide de \(month.frenchMonth)")
            }
        }
        return ScheduleResult.Month(month: month, steps: context.monthSteps, paid: paid)
    }

    /// Dates end in December 9999: a schedule cannot run past it.
    private static func beyondLastDate(_ start: LocalDate, count: Int, _ definition: ScheduleDefinition) -> EvaluationError {
        var error = EvaluationError(message: "l'échéancier demandé (\(count) mois à partir de \(start.yearMonth)) irait au-delà de décembre 9999, "
                                    + "dernier mois des dates admises : vérifiez le premier mois et le nombre de mois demandés", mark: definition.start.mark)
        if case .input(let index) = definition.start.node { error.fact = index }
        return error
    }

    /// A month given for a per-month fact outside the months asked (`2031-04` typed for
    /// `2021-04`) would be silently ignored while the month meant is missing: an error on it.
    private static func checkMonthsGiven(start: LocalDate, asked: Int, _ definition: ScheduleDefinition,
                                         in context: EvaluationContext) throws(EvaluationError) {
        let application = context.application
        guard asked > 0, !application.monthMarks.isEmpty else { return }
        let first = start.firstOfMonth
        let last = start.firstOfMonth(adding: asked - 1)
        for (index, marks) in application.monthMarks.sorted(by: { $0.key < $1.key }) {
            let outside = marks.keys.sorted().first { month in month < first || last.map { $0 < month } ?? false }
            guard let month = outside else { continue }
            let id = context.inputID(index)
            let span = last.map { "de \(first.yearMonth) à \($0.yearMonth)" } ?? "à partir de \(first.yearMonth)"
            throw EvaluationError(message: "le mois \(month.yearMonth) donné pour « \(id) » est en dehors de l'échéancier demandé (\(span)) : "
                                  + "corrigez ce mois ou retirez-le", mark: definition.start.mark,
                                  fact: index, factMark: marks[month], factPath: "facts.\(id).\(month.yearMonth)")
        }
    }

    private static func sum(_ months: [ScheduleResult.Month], at definition: ScheduleDefinition) throws(EvaluationError) -> DecimalNumber {
        var total = DecimalNumber.zero
        for month in months {
            guard let paid = month.paid else { continue }
            do throws(DecimalError) {
                total = try total.adding(paid)
            } catch {
                throw EvaluationError.overflow(at: definition.steps[definition.result].expression).within("au total de l'échéancier")
            }
        }
        return total
    }

    private static func integer(_ value: Value) -> Int? {
        if case .integer(let integer) = value { return integer }
        return nil
    }
}
