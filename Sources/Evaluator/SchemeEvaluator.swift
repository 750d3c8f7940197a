import ExactDecimal
import SchemeLanguage

/// Evaluates applications against one scheme: all criteria, then the amount, then the outcome.
///
/// Create one per scheme and reuse it: its expressions are compiled once, at creation.
public struct SchemeEvaluator: Sendable {
    public let scheme: Scheme
    private let plan: EvaluationPlan

    public init(scheme: Scheme) {
        self.scheme = scheme
        plan = EvaluationPlan(scheme)
    }

    /// `referenceDate` is the day whose rules apply: the decision date (or, for an instructor's
    /// fiche or a simulation, the day it is made). A dated parameter takes the version in force
    /// that day, unless its `date` names another, as when the text chooses the filing date;
    /// the caller always says which day, since the engine never reads the clock.
    /// `dependencies` are the evaluations, on the same application, of the schemes whose
    /// outcome this one uses (`outcome("…")`), by scheme id.
    /// `register` answers the limits; without one, no earlier decision counts.
    public func evaluate(_ application: Application, referenceDate: LocalDate, dependencies: [String: Evaluation] = [:],
                         register: any LimitReader = EmptyRegister()) throws(EvaluationError) -> Evaluation {
        do {
            return try evaluateChecked(application, referenceDate: referenceDate, dependencies: dependencies, register: register)
        } catch {
            throw error.locating(in: application, inputIDs: plan.inputIDs)
        }
    }

    private func evaluateChecked(_ application: Application, referenceDate: LocalDate, dependencies: [String: Evaluation],
                                 register: any LimitReader) throws(EvaluationError) -> Evaluation {
        var context = EvaluationContext(plan: plan, application: application, referenceDate: referenceDate,
                                        dependencies: dependencies, register: register)
        var verdicts: [(verdict: Verdict, reads: Range<Int>, missing: [MissingItem])] = []
        verdicts.reserveCapacity(plan.criteria.count)
        var missing: [MissingItem] = []
        var awaiting: [Int] = []
        // Every criterion is evaluated, so that a refusal states all of its grounds.
        for index in plan.criteria.indices {
            let result: (verdict: Verdict, reads: Range<Int>, missing: [MissingItem])
            do {
                result = try evaluateCriterion(index, in: &context)
            } catch {
                throw error.within("au critère « \(scheme.criteria[index].id) »")
            }
            verdicts.append(result)
            if result.verdict == .undetermined { Self.merge(result.missing, into: &missing) }
            if result.verdict == .awaitingConfirmation { Self.merge(context.unconfirmed, into: &awaiting) }
        }
        // The trace is complete: each criterion's facts can now share its storage.
        let criteria = verdicts.enumerated().map { index, result in
            CriterionResult(index: index, verdict: result.verdict, factsUsed: context.trace[result.reads],
                            missing: result.missing,
                            note: plan.criteria[index] == nil ? application.findings[scheme.criteria[index].id]?.note : nil)
        }
        let refused = verdicts.contains { $0.verdict == .failed }
        var schedule: ScheduleResult?
        if !refused, let definition = scheme.schedule, let compiled = plan.schedule {
            schedule = try ScheduleEvaluation.run(definition, compiled, rounding: scheme.amount?.rounding ?? .cent, in: &context)
            Self.merge(context.missing, into: &missing)
            if schedule?.total != nil { Self.merge(context.unconfirmed, into: &awaiting) }
        }
        var amount: AmountResult?
        if !refused, let definition = scheme.amount {
            let computed = try computeAmount(definition, in: &context)
            amount = computed
            Self.merge(context.missing, into: &missing)
            if computed.final != nil { Self.merge(context.unconfirmed, into: &awaiting) }
        }
        let outcome = Self.outcome(criteria: criteria, amount: amount, missing: missing, awaiting: awaiting,
                                   hasAmount: scheme.amount != nil, allocation: scheme.kind == .allocation)
        let occasion: Notice.Occasion? = switch outcome {
        case .favorable, .toExamine: .award
        case .unfavorable: .refusal
        case .incomplete: nil
        }
        let notices = try occasion.map { (occasion) throws(EvaluationError) in try applicableNotices(occasion, in: &context) } ?? []
        let records = outcome == .favorable ? try limitRecords(in: &context) : []
        return Evaluation(scheme: scheme, application: application, referenceDate: referenceDate, outcome: outcome, criteria: criteria,
                          amount: amount, schedule: schedule, missing: missing, awaitingConfirmation: awaiting,
                          dependencies: dependencies, limits: context.limitResults, records: records, notices: notices,
                          parameters: context.parameters)
    }

    private func evaluateCriterion(_ index: Int, in context: inout EvaluationContext) throws(EvaluationError)
        -> (verdict: Verdict, reads: Range<Int>, missing: [MissingItem]) {
        let start = context.beginTrace()
        if let applies = plan.applicability[index] {
            switch try applies(&context)?.boolean {
            case false?: return (.notApplicable, start..<context.trace.count, [])
            case nil: return (Self.unknown(context), start..<context.trace.count, context.missing)
            case true?: break
            }
        }
        guard let condition = plan.criteria[index] else {
            let finding = context.application.findings[scheme.criteria[index].id]
            let verdict: Verdict = finding.map { $0.satisfied ? .satisfied : .failed } ?? .pending
            return (verdict, start..<context.trace.count, [])
        }
        let value = try condition(&context)
        let criterion = scheme.criteria[index]
        let verdict: Verdict = switch value?.boolean {
        case true?: context.unconfirmed.isEmpty ? .satisfied : .awaitingConfirmation
        case false? where criterion.examineWhenUnmet:
            context.application.findings[criterion.id].map { $0.satisfied ? .satisfied : .failed } ?? .pending
        case false?: .failed
        case nil: Self.unknown(context)
        }
        return (verdict, start..<context.trace.count, verdict == .undetermined ? context.missing : [])
    }

    private func computeAmount(_ definition: AmountDefinition, in context: inout EvaluationContext) throws(EvaluationError) -> AmountResult {
        _ = context.beginTrace()
        for step in plan.steps {
            do {
                context.steps[step.index] = try step.compute(&context)
            } catch {
                let written = definition.steps[step.index]
                throw error.within("à l'étape « \(written.id) » (`\(EvaluationError.excerpt(written.formula))`) du montant")
            }
        }
        let unrounded = context.steps[definition.result]?.decimal
        var final: DecimalNumber?
        if let unrounded {
            do throws(DecimalError) {
                final = try unrounded.rounded(toMultipleOf: definition.rounding.step, rule: definition.rounding.rule)
            } catch {
                throw EvaluationError.overflow(at: definition.steps[definition.result].expression).within("à l'arrondi du montant")
            }
        }
        return AmountResult(steps: context.steps, unrounded: unrounded, final: final)
    }

    /// The limits a granted decision counts towards: those whose condition holds and whose key
    /// facts are known.
    private func limitRecords(in context: inout EvaluationContext) throws(EvaluationError) -> [LimitRecord] {
        var records: [LimitRecord] = []
        for index in plan.limits.indices {
            if let condition = plan.limitConditions[index], try condition(&context)?.boolean != true { continue }
            if let key = context.limitKey(index) { records.append(LimitRecord(index: index, key: key)) }
        }
        return records
    }

    /// The notices for this occasion; one whose condition cannot be told is left out rather
    /// than asked for.
    private func applicableNotices(_ occasion: Notice.Occasion, in context: inout EvaluationContext) throws(EvaluationError) -> [Int] {
        var applicable: [Int] = []
        for (index, condition) in plan.notices.enumerated() where scheme.notices[index].occasion == occasion {
            guard let condition else {
                applicable.append(index)
                continue
            }
            if try condition(&context)?.boolean == true { applicable.append(index) }
        }
        return applicable
    }

    /// Unknown with something to ask for is undetermined; unknown with nothing to ask (another
    /// scheme's decision still pending) is for a person to settle.
    private static func unknown(_ context: EvaluationContext) -> Verdict {
        context.missing.isEmpty ? .pending : .undetermined
    }

    /// A refusal outweighs a missing piece, which outweighs a pending examination. An
    /// allocation of nothing is still an allocation computed, never a refusal.
    static func outcome(criteria: [CriterionResult], amount: AmountResult?, missing: [MissingItem],
                        awaiting: [Int], hasAmount: Bool, allocation: Bool = false) -> Outcome {
        if criteria.contains(where: { $0.verdict == .failed }) { return .unfavorable }
        if !missing.isEmpty { return .incomplete }
        if hasAmount, amount?.final == nil { return .incomplete }
        if criteria.contains(where: { $0.verdict == .pending }) || !awaiting.isEmpty { return .toExamine }
        if hasAmount, !allocation, let final = amount?.final, final <= .zero { return .unfavorable }
        return .favorable
    }

    private static func merge<T: Equatable>(_ items: [T], into list: inout [T]) {
        for item in items where !list.contains(item) { list.append(item) }
    }
}
