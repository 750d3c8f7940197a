import SchemeLanguage

/// A scheme prepared for evaluation: its expressions compiled and its inputs indexed, once,
/// before the first application.
///
/// A class: each evaluation keeps the plan in its context, and copying a reference is one
/// retain where copying a structure of twenty arrays was twenty.
final class EvaluationPlan: Sendable {
    /// For each input, the index in `scheme.pieces` of the piece that establishes it.
    let inputPieces: [Int?]
    let pieceIDs: [String]
    let inputConfirm: [Bool]
    let inputIDs: [String]
    let perMonth: [Bool]
    let schedule: CompiledSchedule?
    let limits: [Limit]
    /// For each limit, which decisions count; nil when all do.
    let limitConditions: [CompiledExpression?]
    let personal: [Bool]
    let schemeID: String
    let parameters: [Parameter]
    /// For each parameter, the date that chooses its version when it is not the reference date.
    let parameterDates: [CompiledExpression?]
    /// For each criterion, when it applies; nil when always.
    let applicability: [CompiledExpression?]
    let stepCount: Int
    /// nil for a manual criterion.
    let criteria: [CompiledExpression?]
    /// In the scheme's order of evaluation, with the index of the step each computes.
    let steps: [(index: Int, compute: CompiledExpression)]
    /// nil for a notice that always applies.
    let notices: [CompiledExpression?]

    init(_ scheme: Scheme) {
        let pieceIDs = scheme.pieces.map(\.id)
        self.pieceIDs = pieceIDs
        inputPieces = scheme.inputs.map { input in input.piece.flatMap { pieceIDs.firstIndex(of: $0) } }
        inputConfirm = scheme.inputs.map(\.confirm)
        inputIDs = scheme.inputs.map(\.id)
        perMonth = scheme.inputs.map(\.perMonth)
        limits = scheme.limits
        limitConditions = scheme.limits.map { $0.condition.map(ExpressionCompiler.compile) }
        personal = scheme.inputs.map(\.personal)
        schemeID = scheme.id
        schedule = scheme.schedule.map(CompiledSchedule.init)
        parameters = scheme.parameters
        parameterDates = scheme.parameters.map { $0.date.map(ExpressionCompiler.compile) }
        applicability = scheme.criteria.map { $0.applicability.map(ExpressionCompiler.compile) }
        stepCount = scheme.amount?.steps.count ?? 0
        criteria = scheme.criteria.map { $0.condition.map(ExpressionCompiler.compile) }
        if let amount = scheme.amount {
            steps = amount.evaluationOrder.map { ($0, ExpressionCompiler.compile(amount.steps[$0].expression)) }
        } else {
            steps = []
        }
        notices = scheme.notices.map { $0.condition.map(ExpressionCompiler.compile) }
    }
}

/// A schedule's expressions, compiled.
struct CompiledSchedule: Sendable {
    let start: CompiledExpression
    let months: CompiledExpression
    let maxMonths: CompiledExpression?
    let stop: CompiledExpression?
    let steps: [(index: Int, compute: CompiledExpression)]

    init(_ schedule: ScheduleDefinition) {
        start = ExpressionCompiler.compile(schedule.start)
        months = ExpressionCompiler.compile(schedule.months)
        maxMonths = schedule.maxMonths.map(ExpressionCompiler.compile)
        stop = schedule.stop.map(ExpressionCompiler.compile)
        steps = schedule.evaluationOrder.map { ($0, ExpressionCompiler.compile(schedule.steps[$0].expression)) }
    }
}
