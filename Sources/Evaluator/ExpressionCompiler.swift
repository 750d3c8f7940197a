import ExactDecimal
import SchemeLanguage

/// An expression turned into nested closures: evaluating it runs the closures, with no tree
/// to walk and no node to copy, which keeps a batch close to the speed of reading it.
typealias CompiledExpression = @Sendable (inout EvaluationContext) throws(EvaluationError) -> Value?

/// Compiles checked expressions. Missing facts make values unknown (nil); `and` and `or`
/// short-circuit over unknowns, so only the facts that can change a result are asked for.
enum ExpressionCompiler {
    static func compile(_ expression: Expression) -> CompiledExpression {
        switch expression.node {
        case .literal(let value):
            return { _ in value }
        case .input(let index):
            return { context in context.read(index) }
        case .parameter(let index):
            return { context in try context.parameter(index, at: expression) }
        case .step(let index):
            return { context in context.steps[index] }
        case .monthStep(let index):
            return { context in context.monthSteps[index] }
        case .builtin(let builtin):
            return { context in context.value(of: builtin) }
        case .schemeOutcome(let id):
            return { context in context.outcome(of: id) }
        case .limit(let index):
            return { context in try context.limit(index, at: expression) }
        case .unary(let op, let operand):
            return unary(op, compile(operand), at: expression)
        case .binary(.and, let left, let right):
            return logical(compile(left), compile(right), decisive: false)
        case .binary(.or, let left, let right):
            return logical(compile(left), compile(right), decisive: true)
        case .binary(let op, let left, let right):
            return binary(op, left, right, at: expression)
        case .conditional(let condition, let whenTrue, let whenFalse):
            let test = compile(condition), yes = compile(whenTrue), no = compile(whenFalse)
            return { context in
                guard let flag = try test(&context)?.boolean else { return nil }
                return flag ? try yes(&context) : try no(&context)
            }
        case .call(.coalesce, let arguments):
            let preferred = compile(arguments[0]), fallback = compile(arguments[1])
            return { context in
                let start = context.checkpoint
                if let value = try preferred(&context) { return value }
                // The first value may be absent by design (no correction): ask for nothing it needed.
                context.forget(from: start, to: context.checkpoint)
                return try fallback(&context)
            }
        case .call(let function, let arguments):
            let compiled = arguments.map(compile)
            return { context in
                guard let values = try all(compiled, &context) else { return nil }
                return try Functions.apply(function, values, at: expression)
            }
        case .list(let items):
            if let constant = constantList(items) { return { _ in constant } }
            let compiled = items.map(compile)
            return { context in try all(compiled, &context).map(Value.list) }
        }
    }

    private static func unary(_ op: UnaryOperator, _ operand: @escaping CompiledExpression, at expression: Expression) -> CompiledExpression {
        switch op {
        case .not:
            return { context in try operand(&context)?.boolean.map { .boolean(!$0) } }
        case .negate:
            return { context in
                guard let value = try operand(&context) else { return nil }
                return try Operations.negate(value, at: expression)
            }
        }
    }

    private static func binary(_ op: BinaryOperator, _ left: Expression, _ right: Expression, at expression: Expression) -> CompiledExpression {
        let l = compile(left), r = compile(right)
        return { context in
            guard let a = try l(&context), let b = try r(&context) else { return nil }
            return try Operations.binary(op, a, b, at: expression)
        }
    }

    /// `and` stops at false, `or` at true, even after an unknown; what the unknown side asked
    /// for is then forgotten, since the answer no longer depends on it.
    private static func logical(_ left: @escaping CompiledExpression, _ right: @escaping CompiledExpression, decisive: Bool) -> CompiledExpression {
        return { context in
            let start = context.checkpoint
            let l = try left(&context)?.boolean
            if l == decisive { return .boolean(decisive) }
            let afterLeft = context.checkpoint
            let r = try right(&context)?.boolean
            if r == decisive {
                context.forget(from: start, to: afterLeft)
                return .boolean(decisive)
            }
            guard let l, let r else { return nil }
            return .boolean(decisive ? (l || r) : (l && r))
        }
    }

    /// The values of every argument, or nil as soon as one is unknown.
    private static func all(_ compiled: [CompiledExpression], _ context: inout EvaluationContext) throws(EvaluationError) -> [Value]? {
        var values: [Value] = []
        values.reserveCapacity(compiled.count)
        for item in compiled {
            guard let value = try item(&context) else { return nil }
            values.append(value)
        }
        return values
    }

    /// A list written with literals only (`[1, 2, 3]`) is built once, not at every evaluation.
    private static func constantList(_ items: [Expression]) -> Value? {
        var values: [Value] = []
        for item in items {
            guard case .literal(let value) = item.node else { return nil }
            values.append(value)
        }
        return .list(values)
    }
}
