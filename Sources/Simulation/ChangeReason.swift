import Evaluator
import ExactDecimal
import SchemeLanguage

/// Why one application's outcome or amount changes under a reform, read from the traces of its
/// two evaluations: what changed in it (the effect: a criterion's verdict, an amount step, a
/// cap that now limits the aid, its place in a call's selection) and what the effect reads
/// that changed (the cause: a parameter the reform sets, or a limit that earlier applications
/// used up differently).
///
/// Eight bytes, indices into the scheme: it fits in the padding of a held call project, and a
/// report groups applications by it (`ChangeReason.Shift`).
public struct ChangeReason: Hashable, Sendable {
    public enum Effect: UInt8, Sendable {
        /// Nothing changes.
        case none
        /// A criterion (`subject`) is no longer met, is now met, or changes otherwise.
        case criterionFailed, criterionMet, criterionChanged
        /// An amount step (`subject`) now sets the aid, where another did: a cap that binds.
        case capBinds
        /// An amount step (`subject`) no longer sets the aid: a cap released.
        case capReleased
        /// The amount step (`subject`) that sets the aid in both runs changes value.
        case step
        /// The amount changes otherwise (a schedule's months).
        case amount
        /// The outcome changes, no criterion's verdict with it.
        case outcome
        /// A call's project leaves the projects retained, enters them, or moves between the waiting list and the rest.
        case selectionLost, selectionGained, selectionMoved
    }

    public enum Cause: UInt8, Sendable {
        case none
        /// A parameter (`causeIndex`) has another value.
        case parameter
        /// A limit (`causeIndex`) counts more, or less, from the applications filed before.
        case limitRose, limitFell
    }

    public let effect: Effect
    public let subject: UInt16
    public let cause: Cause
    public let causeIndex: UInt16

    public init(effect: Effect, subject: Int = 0, cause: Cause = .none, causeIndex: Int = 0) {
        self.effect = effect
        self.subject = UInt16(truncatingIfNeeded: subject)
        self.cause = cause
        self.causeIndex = UInt16(truncatingIfNeeded: causeIndex)
    }

    public static let none = ChangeReason(effect: .none)

    /// What happens to the applications a reason explains, the first half of a report's sentence.
    public enum Shift: Hashable, Sendable {
        case outcome(Outcome, Outcome)
        case placement(Placement?, Placement?)
        case more
        case less
    }

    /// An application's reason and what happens to it: the key the reports group by.
    public struct Group: Hashable, Sendable {
        public let shift: Shift
        public let reason: ChangeReason
    }

    /// A project's place in a call, when only that changes: the primary reason, the reason of
    /// its own evaluations coming second.
    static func selection(_ before: Placement?, _ after: Placement?) -> ChangeReason {
        if before == .retained { return ChangeReason(effect: .selectionLost) }
        if after == .retained { return ChangeReason(effect: .selectionGained) }
        return ChangeReason(effect: .selectionMoved)
    }
}

/// Derives `ChangeReason`s from pairs of evaluations. What a rule reads is worked out for the
/// application itself: a conditional whose condition its facts settle (`esi.categorie ==
/// "classe"`) counts only the branch taken, so that a classified site's change is never put
/// down to the rate of inscribed ones.
struct ReasonTracer {
    struct Reads {
        var parameters: [Int] = []
        var limits: [Int] = []
        /// The steps already walked: the amount's by index, the schedule's months below zero.
        var steps: Set<Int> = []
    }

    /// Why `new` differs from `old`: `.none` when the outcome and the amount are the same.
    func reason(_ old: Evaluation, _ new: Evaluation) -> ChangeReason {
        let sameAmount = old.amount?.final == new.amount?.final && old.schedule?.total == new.schedule?.total
        if old.outcome == new.outcome && sameAmount { return .none }
        let scheme = old.scheme, facts = old.application.facts
        // Failing the rule's own reads, the limits the evaluation read (its trace lists them);
        // never a parameter it may not have used.
        var all = Reads()
        all.limits = old.limits.map(\.index)
        if old.outcome != new.outcome, let index = Self.changedCriterion(old, new) {
            let verdict = new.criteria[index].verdict, earlier = old.criteria[index].verdict
            let effect: ChangeReason.Effect = verdict == .failed ? .criterionFailed : earlier == .failed ? .criterionMet : .criterionChanged
            let criterion = old.criteria[index].index
            var read = Reads()
            if criterion < scheme.criteria.count {
                for expression in [scheme.criteria[criterion].condition, scheme.criteria[criterion].applicability].compactMap({ $0 }) {
                    Self.collect(expression, scheme: scheme, facts: facts, into: &read)
                }
            }
            return Self.cause(of: effect, subject: criterion, reads: read, fallback: all, old, new)
        }
        if let amountBefore = old.amount, let amountAfter = new.amount,
           let before = Self.binding(amountBefore, in: old), let after = Self.binding(amountAfter, in: new),
           amountBefore.final != amountAfter.final || before != after {
            // A later step that sets the aid is a cap that now binds; an earlier one, a cap
            // released. A cap that tied with the aid before it and now sets it alone binds too.
            var (effect, subject): (ChangeReason.Effect, Int) = after.last > before.last ? (.capBinds, after.last)
                : after.last < before.last ? (.capReleased, before.last)
                : after.first > before.first ? (.capBinds, after.last) : (.step, after.last)
            // A cap cannot explain a rise, nor a released one a fall: the step that set the aid
            // and moved does (a higher rate up to a cap that now binds).
            let rose = (amountAfter.final ?? .zero) > (amountBefore.final ?? .zero)
            if effect == .capBinds && rose { (effect, subject) = (.step, before.last) }
            if effect == .capReleased && !rose { (effect, subject) = (.step, after.last) }
            var read = Reads()
            if let steps = scheme.amount?.steps, subject < steps.count {
                read.steps.insert(subject)
                Self.collect(steps[subject].expression, scheme: scheme, facts: facts, into: &read)
            }
            return Self.cause(of: effect, subject: subject, reads: read, fallback: all, old, new)
        }
        // Otherwise: what the amount reads, through its result (a schedule's months included).
        var read = Reads()
        if let amount = scheme.amount, amount.result < amount.steps.count {
            Self.collect(amount.steps[amount.result].expression, scheme: scheme, facts: facts, into: &read)
        }
        let effect: ChangeReason.Effect = old.outcome != new.outcome ? .outcome : .amount
        return Self.cause(of: effect, subject: 0, reads: read, fallback: all, old, new)
    }

    /// The first criterion whose verdict differs.
    private static func changedCriterion(_ old: Evaluation, _ new: Evaluation) -> Int? {
        guard old.criteria.count == new.criteria.count else { return nil }
        return old.criteria.indices.first { old.criteria[$0].verdict != new.criteria[$0].verdict }
    }

    /// The steps that set the aid: the first and the last before the result with the result's
    /// value (the terms a `min` kept, equal when only one did), or the result itself.
    private static func binding(_ amount: AmountResult, in evaluation: Evaluation) -> (first: Int, last: Int)? {
        guard let definition = evaluation.scheme.amount, let value = amount.unrounded else { return nil }
        let result = definition.result
        let setting = amount.steps.indices.filter { index in
            guard index != result, case .money(let step)? = amount.steps[index] else { return false }
            return step == value
        }
        guard let first = setting.first, let last = setting.last else { return (result, result) }
        return (first, last)
    }

    /// The effect with its cause: among what the rule reads, a limit or a parameter whose value
    /// differs between the two evaluations. An effect that harms prefers a limit that rose
    /// (earlier applications used it more); one that helps, a parameter the reform changed.
    private static func cause(of effect: ChangeReason.Effect, subject: Int, reads: Reads, fallback: Reads,
                              _ old: Evaluation, _ new: Evaluation) -> ChangeReason {
        let helps = effect == .criterionMet || effect == .capReleased
            || ((effect == .step || effect == .amount) && (new.amount?.final ?? .zero) > (old.amount?.final ?? .zero))
        for read in [reads, fallback] {
            var limits: [(Int, ChangeReason.Cause)] = []
            for limit in read.limits {
                guard let before = old.limits.first(where: { $0.index == limit })?.value.decimal,
                      let after = new.limits.first(where: { $0.index == limit })?.value.decimal, before != after else { continue }
                limits.append((limit, after > before ? .limitRose : .limitFell))
            }
            let parameters = read.parameters.filter { index in
                index < old.parameters.count && index < new.parameters.count && old.parameters[index] != nil
                    && new.parameters[index] != nil && old.parameters[index] != new.parameters[index]
            }
            let preferred = limits.first { $0.1 == (helps ? .limitFell : .limitRose) }
            if !helps, let (limit, cause) = preferred { return ChangeReason(effect: effect, subject: subject, cause: cause, causeIndex: limit) }
            if let parameter = parameters.first { return ChangeReason(effect: effect, subject: subject, cause: .parameter, causeIndex: parameter) }
            if let (limit, cause) = preferred ?? limits.first { return ChangeReason(effect: effect, subject: subject, cause: cause, causeIndex: limit) }
        }
        return ChangeReason(effect: effect, subject: subject)
    }

    /// The parameters and limits an expression reads for this application, through the steps
    /// it uses, in the order written; a conditional its facts settle, by the branch taken.
    static func collect(_ expression: Expression, scheme: Scheme, facts: [Value?], into reads: inout Reads) {
        switch expression.node {
        case .parameter(let index):
            if !reads.parameters.contains(index) { reads.parameters.append(index) }
        case .limit(let index):
            if !reads.limits.contains(index) { reads.limits.append(index) }
        case .step(let index):
            guard let steps = scheme.amount?.steps, index < steps.count, reads.steps.insert(index).inserted else { return }
            collect(steps[index].expression, scheme: scheme, facts: facts, into: &reads)
        case .monthStep(let index):
            // Month steps are kept below zero in `steps`, apart from the amount's.
            guard let steps = scheme.schedule?.steps, index < steps.count, reads.steps.insert(-1 - index).inserted else { return }
            collect(steps[index].expression, scheme: scheme, facts: facts, into: &reads)
        case .builtin(let builtin) where builtin == .scheduleTotal || builtin == .scheduleMonths:
            // The schedule's months: what sets how many, and each month's steps.
            guard let schedule = scheme.schedule, reads.steps.insert(Int.min).inserted else { return }
            for expression in [schedule.months, schedule.maxMonths, schedule.stop].compactMap({ $0 }) {
                collect(expression, scheme: scheme, facts: facts, into: &reads)
            }
            for step in schedule.steps { collect(step.expression, scheme: scheme, facts: facts, into: &reads) }
        case .literal, .input, .builtin, .schemeOutcome: return
        case .unary(_, let operand): collect(operand, scheme: scheme, facts: facts, into: &reads)
        case .binary(_, let left, let right):
            collect(left, scheme: scheme, facts: facts, into: &reads)
            collect(right, scheme: scheme, facts: facts, into: &reads)
        case .conditional(let condition, let then, let otherwise):
            collect(condition, scheme: scheme, facts: facts, into: &reads)
            switch truth(condition, facts: facts) {
            case true?: collect(then, scheme: scheme, facts: facts, into: &reads)
            case false?: collect(otherwise, scheme: scheme, facts: facts, into: &reads)
            case nil:
                collect(then, scheme: scheme, facts: facts, into: &reads)
                collect(otherwise, scheme: scheme, facts: facts, into: &reads)
            }
        case .call(_, let arguments), .list(let arguments):
            for argument in arguments { collect(argument, scheme: scheme, facts: facts, into: &reads) }
        }
    }

    /// A condition on the application's facts alone, when they settle it: `==`, `!=`, `in`,
    /// `and`, `or`, `not` over facts and literals. Anything else is left unsettled (nil).
    static func truth(_ expression: Expression, facts: [Value?]) -> Bool? {
        switch expression.node {
        case .literal(.boolean(let value)): return value
        case .input(let index): return index < facts.count ? facts[index]?.boolean : nil
        case .unary(.not, let operand): return truth(operand, facts: facts).map { !$0 }
        case .binary(.and, let left, let right):
            let (a, b) = (truth(left, facts: facts), truth(right, facts: facts))
            return a == false || b == false ? false : (a == true && b == true ? true : nil)
        case .binary(.or, let left, let right):
            let (a, b) = (truth(left, facts: facts), truth(right, facts: facts))
            return a == true || b == true ? true : (a == false && b == false ? false : nil)
        case .binary(let op, let left, let right) where op == .equal || op == .notEqual:
            guard let a = term(left, facts: facts), let b = term(right, facts: facts) else { return nil }
            return (a == b) == (op == .equal)
        case .binary(.member, let left, let right):
            guard let a = term(left, facts: facts) else { return nil }
            switch right.node {
            case .list(let items):
                let values = items.map { term($0, facts: facts) }
                return values.contains(where: { $0 == nil }) ? nil : values.contains(a)
            case .literal(.list(let values)):
                let texts = values.map(text)
                return texts.contains(where: { $0 == nil }) ? nil : texts.contains(a)
            case .input(let index):
                guard index < facts.count, case .set(let members)? = facts[index] else { return nil }
                return members.contains(a)
            default: return nil
            }
        default: return nil
        }
    }

    /// A literal or a fact, named values and texts alike compared by their text.
    private static func term(_ expression: Expression, facts: [Value?]) -> String? {
        let value: Value?
        switch expression.node {
        case .literal(let literal): value = literal
        case .input(let index): value = index < facts.count ? facts[index] : nil
        default: return nil
        }
        return value.flatMap(text)
    }

    private static func text(_ value: Value) -> String? {
        switch value {
        case .text(let text), .enumeration(let text): text
        case .boolean(let flag): flag ? "true" : "false"
        case .integer(let number): String(number)
        default: nil
        }
    }
}
