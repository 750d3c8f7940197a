import ExactDecimal
import SchemeLanguage

/// Evaluates an application against its scheme: all criteria, then the amount, then the outcome.
public struct SchemeEvaluator: Sendable {
    public let scheme: Scheme

    public init(scheme: Scheme) {
        self.scheme = scheme
    }

    public func evaluate(_ application: Application) throws(EvaluationError) -> Evaluation {
        var interpreter = Interpreter(scheme: scheme, application: application)
        var criteria: [CriterionResult] = []
        criteria.reserveCapacity(scheme.criteria.count)
        var missing: [MissingItem] = []
        var awaiting: [Int] = []
        // Every criterion is evaluated, so that a refusal states all of its grounds.
        for index in scheme.criteria.indices {
            let result = try evaluateCriterion(index, with: &interpreter)
            criteria.append(result)
            if result.verdict == .undetermined { Self.merge(result.missing, into: &missing) }
            if result.verdict == .awaitingConfirmation { Self.merge(interpreter.unconfirmed, into: &awaiting) }
        }
        let refused = criteria.contains { $0.verdict == .failed }
        var amount: AmountResult?
        if !refused, let definition = scheme.amount {
            let computed = try computeAmount(definition, with: &interpreter)
            amount = computed
            Self.merge(interpreter.missing, into: &missing)
            if computed.final != nil { Self.merge(interpreter.unconfirmed, into: &awaiting) }
        }
        let outcome = Self.outcome(criteria: criteria, amount: amount, missing: missing, awaiting: awaiting,
                                   hasAmount: scheme.amount != nil)
        let notices = outcome == .favorable || outcome == .toExamine ? try applicableNotices(with: &interpreter) : []
        return Evaluation(scheme: scheme, application: application, outcome: outcome, criteria: criteria,
                          amount: amount, missing: missing, awaitingConfirmation: awaiting, notices: notices)
    }

    private func evaluateCriterion(_ index: Int, with interpreter: inout Interpreter) throws(EvaluationError) -> CriterionResult {
        let criterion = scheme.criteria[index]
        guard let condition = criterion.condition else {
            let finding = interpreter.application.findings[criterion.id]
            let verdict: Verdict = finding.map { $0.satisfied ? .satisfied : .failed } ?? .pending
            return CriterionResult(index: index, verdict: verdict, factsUsed: [], missing: [], note: finding?.note)
        }
        interpreter.beginTrace()
        let value = try interpreter.evaluate(condition)
        let verdict: Verdict = switch value?.boolean {
        case true?: interpreter.unconfirmed.isEmpty ? .satisfied : .awaitingConfirmation
        case false?: .failed
        case nil: .undetermined
        }
        return CriterionResult(index: index, verdict: verdict, factsUsed: interpreter.reads,
                               missing: verdict == .undetermined ? interpreter.missing : [], note: nil)
    }

    /// A notice whose condition cannot be told is left out rather than asked for.
    private func applicableNotices(with interpreter: inout Interpreter) throws(EvaluationError) -> [Int] {
        var applicable: [Int] = []
        for (index, notice) in scheme.notices.enumerated() {
            guard let condition = notice.condition else {
                applicable.append(index)
                continue
            }
            if try interpreter.evaluate(condition)?.boolean == true { applicable.append(index) }
        }
        return applicable
    }

    private func computeAmount(_ definition: AmountDefinition, with interpreter: inout Interpreter) throws(EvaluationError) -> AmountResult {
        interpreter.beginTrace()
        for index in definition.evaluationOrder {
            interpreter.steps[index] = try interpreter.evaluate(definition.steps[index].expression)
        }
        let unrounded = interpreter.steps[definition.result]?.decimal
        var final: DecimalNumber?
        if let unrounded {
            do throws(DecimalError) {
                final = try unrounded.rounded(toMultipleOf: definition.rounding.step, rule: definition.rounding.rule)
            } catch {
                throw EvaluationError(message: "the amount cannot be rounded: it is too large", mark: definition.steps[definition.result].expression.mark)
            }
        }
        return AmountResult(steps: interpreter.steps, unrounded: unrounded, final: final)
    }

    /// A refusal outweighs a missing piece, which outweighs a pending examination.
    static func outcome(criteria: [CriterionResult], amount: AmountResult?, missing: [MissingItem],
                        awaiting: [Int], hasAmount: Bool) -> Outcome {
        if criteria.contains(where: { $0.verdict == .failed }) { return .unfavorable }
        if !missing.isEmpty { return .incomplete }
        if hasAmount, amount?.final == nil { return .incomplete }
        if criteria.contains(where: { $0.verdict == .pending }) || !awaiting.isEmpty { return .toExamine }
        if hasAmount, let final = amount?.final, final <= .zero { return .unfavorable }
        return .favorable
    }

    private static func merge<T: Equatable>(_ items: [T], into list: inout [T]) {
        for item in items where !list.contains(item) { list.append(item) }
    }
}
