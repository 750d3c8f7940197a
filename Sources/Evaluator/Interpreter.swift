import ExactDecimal
import SchemeLanguage

/// Evaluates typed expressions on one application, with three-valued logic for missing facts.
///
/// A missing fact makes a value unknown, and `and`/`or` short-circuit over unknowns
/// (`false and unknown` is false), so only the facts that can change the result are asked for,
/// as in Publicodes.
struct Interpreter {
    let scheme: Scheme
    let application: Application
    /// Values of the amount steps computed so far.
    var steps: [Value?]
    /// Inputs read since the last `beginTrace()`, in order, without repeats.
    private(set) var reads: [Int] = []
    /// Facts and pieces found missing since the last `beginTrace()`.
    private(set) var missing: [MissingItem] = []
    /// Inputs read whose declared value awaits an instructor's confirmation.
    private(set) var unconfirmed: [Int] = []

    init(scheme: Scheme, application: Application) {
        self.scheme = scheme
        self.application = application
        steps = Array(repeating: nil, count: scheme.amount?.steps.count ?? 0)
    }

    mutating func beginTrace() {
        reads.removeAll(keepingCapacity: true)
        missing.removeAll(keepingCapacity: true)
        unconfirmed.removeAll(keepingCapacity: true)
    }

    /// The value, or nil when a missing fact leaves it unknown.
    mutating func evaluate(_ expression: Expression) throws(EvaluationError) -> Value? {
        switch expression.node {
        case .literal(let value): return value
        case .input(let index): return read(index)
        case .parameter(let index): return scheme.parameters[index].value(on: application.filed)
        case .step(let index): return steps[index]
        case .filingDate: return .date(application.filed)
        case .unary(let op, let operand): return try unary(op, operand, at: expression)
        case .binary(.and, let left, let right): return try logical(left, right, shortCircuitOn: false)
        case .binary(.or, let left, let right): return try logical(left, right, shortCircuitOn: true)
        case .binary(let op, let left, let right):
            guard let l = try evaluate(left), let r = try evaluate(right) else { return nil }
            return try Operations.binary(op, l, r, at: expression)
        case .conditional(let condition, let whenTrue, let whenFalse):
            guard let test = try evaluate(condition)?.boolean else { return nil }
            return try evaluate(test ? whenTrue : whenFalse)
        case .call(let function, let arguments):
            var values: [Value] = []
            values.reserveCapacity(arguments.count)
            for argument in arguments {
                guard let value = try evaluate(argument) else { return nil }
                values.append(value)
            }
            return try Functions.apply(function, values, at: expression)
        case .list(let items):
            var values: [Value] = []
            for item in items {
                guard let value = try evaluate(item) else { return nil }
                values.append(value)
            }
            return .list(values)
        }
    }

    private mutating func read(_ index: Int) -> Value? {
        if !reads.contains(index) { reads.append(index) }
        let input = scheme.inputs[index]
        guard let value = application.facts[index] else {
            note(.fact(index))
            return nil
        }
        // A fact whose piece is absent is not established.
        if let piece = input.piece, !application.pieces.contains(piece) {
            note(.piece(piece))
            return nil
        }
        if input.confirm, !application.confirmed.contains(input.id), !unconfirmed.contains(index) {
            unconfirmed.append(index)
        }
        return value
    }

    private mutating func note(_ item: MissingItem) {
        if !missing.contains(item) { missing.append(item) }
    }

    private mutating func unary(_ op: UnaryOperator, _ operand: Expression, at expression: Expression) throws(EvaluationError) -> Value? {
        guard let value = try evaluate(operand) else { return nil }
        switch op {
        case .not: return value.boolean.map { .boolean(!$0) }
        case .negate: return try Operations.negate(value, at: expression)
        }
    }

    /// `and` stops at false, `or` at true, even after an unknown; what an unknown side asked for
    /// is then forgotten, since the answer no longer depends on it.
    private mutating func logical(_ left: Expression, _ right: Expression, shortCircuitOn decisive: Bool) throws(EvaluationError) -> Value? {
        let checkpoint = (missing.count, unconfirmed.count)
        let l = try evaluate(left)?.boolean
        if l == decisive { return .boolean(decisive) }
        let afterLeft = (missing.count, unconfirmed.count)
        let r = try evaluate(right)?.boolean
        if r == decisive {
            // The right side decides alone: drop what only the left side needed.
            missing.removeSubrange(checkpoint.0..<afterLeft.0)
            unconfirmed.removeSubrange(checkpoint.1..<afterLeft.1)
            return .boolean(decisive)
        }
        guard let l, let r else { return nil }
        return .boolean(decisive ? (l || r) : (l && r))
    }
}
