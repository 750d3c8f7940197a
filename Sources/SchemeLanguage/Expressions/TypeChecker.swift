import ExactDecimal
import YAMLReader

/// Resolves names and checks types, turning `Syntax` into a typed `Expression`.
struct TypeChecker {
    let symbols: SymbolTable
    /// Maps an offset in the expression text to its place in the file.
    let locate: (Int) -> SourceMark

    func check(_ syntax: Syntax) throws(ExpressionError) -> Expression {
        let mark = locate(syntax.offset)
        switch syntax {
        case .literal(let value, _):
            return Expression(node: .literal(value), type: TypeChecker.type(ofLiteral: value), mark: mark)
        case .name(let name, let offset):
            return try resolve(name, offset: offset, mark: mark)
        case .unary(let op, let operand, let offset):
            return try unary(op, try check(operand), offset: offset, mark: mark)
        case .binary(let op, let left, let right, let offset):
            if op == .divide { try refuseWrittenZero(right, role: .divisor) }
            return try binary(op, try check(left), try check(right), offset: offset, mark: mark)
        case .conditional(let condition, let whenTrue, let whenFalse, let offset):
            let test = try check(condition)
            try requireBoolean(test, offset: condition.offset, role: "la condition de « if »")
            let (yes, no) = try unify(try check(whenTrue), try check(whenFalse), offset: offset, role: "les deux branches de « if »")
            let type = TypeChecker.commonType(yes.type, no.type) ?? yes.type
            return Expression(node: .conditional(test, yes, no), type: type, mark: mark)
        case .call("outcome", let arguments, let offset):
            return try outcomeReference(arguments, offset: offset, mark: mark)
        case .call(let name, let arguments, let offset):
            guard let function = Function(rawValue: name) else {
                let known = (Function.allCases.map(\.rawValue) + ["outcome"]).joined(separator: ", ")
                let list = Suggestion.question(for: name, among: Function.allCases.map(\.rawValue) + ["outcome"], thenList: "les fonctions sont : \(known)")
                throw ExpressionError("fonction « \(name) » inconnue" + list, offset: offset)
            }
            if function == .round, arguments.count == 2 { try refuseWrittenZero(arguments[1], role: .roundingStep) }
            let checked = try arguments.map { (argument) throws(ExpressionError) in try check(argument) }
            return try FunctionTyping.check(function, checked, offset: offset, mark: mark)
        case .list(let items, let offset):
            return try list(items.map { (item) throws(ExpressionError) in try check(item) }, offset: offset, mark: mark)
        }
    }

    private enum ZeroRole { case divisor, roundingStep }

    /// A divisor written as `0` (or a rounding step of `0` or less) would fail the evaluation
    /// of every application: refused when the scheme loads, at the number itself. A divisor that
    /// may be zero at run time only fails the applications where it is.
    private func refuseWrittenZero(_ syntax: Syntax, role: ZeroRole) throws(ExpressionError) {
        guard let value = TypeChecker.writtenNumber(syntax) else { return }
        switch role {
        case .divisor where value.isZero:
            throw ExpressionError("division par zéro : le diviseur est écrit 0 dans la formule, si bien que le calcul échouerait pour chaque demande ; corrigez le diviseur", offset: syntax.offset)
        case .roundingStep where !(value > .zero):
            throw ExpressionError("le pas d'arrondi de round() doit être strictement positif, par exemple 0.01 € : un pas nul ferait échouer le calcul de chaque demande, et un pas négatif ne dit pas à quoi arrondir", offset: syntax.offset)
        default:
            return
        }
    }

    /// The value of a number written as a literal, possibly negated (`-0`, `(0)`).
    private static func writtenNumber(_ syntax: Syntax) -> DecimalNumber? {
        switch syntax {
        case .literal(let value, _): value.decimal
        case .unary(.negate, let operand, _): writtenNumber(operand)?.negated()
        default: nil
        }
    }

    static func type(ofLiteral value: Value) -> ValueType {
        switch value {
        case .boolean: .boolean
        case .integer: .integer
        case .number: .number
        case .money: .money
        case .rate: .rate
        case .date: .date
        case .text, .enumeration: .text
        case .set, .list: .list(.text)
        }
    }

    private func resolve(_ name: String, offset: Int, mark: SourceMark) throws(ExpressionError) -> Expression {
        switch symbols.symbols[name] {
        case .input(let index, let type)?:
            if symbols.perMonthInputs.contains(index), !symbols.allowsPerMonth {
                throw ExpressionError("« \(name) » a une valeur pour chaque mois : employez-la dans les étapes de l'échéancier (schedule)", offset: offset)
            }
            return Expression(node: .input(index), type: type, mark: mark)
        case .parameter(let index, let type)?:
            return Expression(node: .parameter(index), type: type, mark: mark)
        case .step(let index)?:
            return Expression(node: .step(index), type: try symbols.typeOfStep(index, offset), mark: mark)
        case .monthStep(let index)?:
            return Expression(node: .monthStep(index), type: try symbols.typeOfStep(index, offset), mark: mark)
        case .limit(let index, let type)?:
            return Expression(node: .limit(index), type: type, mark: mark)
        case .builtin(let builtin)?:
            return Expression(node: .builtin(builtin), type: builtin.type, mark: mark)
        case nil:
            var message = "nom « \(name) » inconnu"
            if let question = Suggestion.question(for: name, among: symbols.names()) { message += " ; " + question }
            else { message += " : déclarez-le sous « inputs », « parameters » ou « amount »" }
            throw ExpressionError(message, offset: offset)
        }
    }

    /// `outcome("scheme-id")`: another scheme's outcome on the same application.
    private func outcomeReference(_ arguments: [Syntax], offset: Int, mark: SourceMark) throws(ExpressionError) -> Expression {
        guard arguments.count == 1, case .literal(.text(let id), _) = arguments[0] else {
            throw ExpressionError("outcome prend l'identifiant d'un dispositif entre guillemets : outcome(\"fsl-acces\")", offset: offset)
        }
        guard let references = symbols.references else {
            throw ExpressionError("outcome() ne peut servir ici", offset: offset)
        }
        references.add(id, at: mark)
        return Expression(node: .schemeOutcome(id), type: .enumeration(outcomeDomain), mark: mark)
    }

    private func unary(_ op: UnaryOperator, _ operand: Expression, offset: Int, mark: SourceMark) throws(ExpressionError) -> Expression {
        switch op {
        case .not:
            try requireBoolean(operand, offset: offset, role: "l'opérande de « not »")
            return Expression(node: .unary(.not, operand), type: .boolean, mark: mark)
        case .negate:
            guard operand.type.isNumeric else {
                throw ExpressionError("le signe « - » ne s'applique pas à \(operand.type.withArticle)", offset: offset)
            }
            return Expression(node: .unary(.negate, operand), type: operand.type, mark: mark)
        }
    }

    private func binary(_ op: BinaryOperator, _ left: Expression, _ right: Expression, offset: Int, mark: SourceMark) throws(ExpressionError) -> Expression {
        switch op {
        case .and, .or:
            try requireBoolean(left, offset: offset, role: "le côté gauche de « \(op.rawValue) »")
            try requireBoolean(right, offset: offset, role: "le côté droit de « \(op.rawValue) »")
            return Expression(node: .binary(op, left, right), type: .boolean, mark: mark)
        case .member:
            let (element, collection) = try Membership.check(left, right, offset: offset)
            return Expression(node: .binary(.member, element, collection), type: .boolean, mark: mark)
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
            let (l, r) = try unify(left, right, offset: offset, role: "les deux côtés de « \(op.rawValue) »")
            if op != .equal && op != .notEqual && !l.type.isOrdered {
                throw ExpressionError("« \(op.rawValue) » ne peut ordonner des \(l.type.plural) : employez « == » ou « != »", offset: offset)
            }
            return Expression(node: .binary(op, l, r), type: .boolean, mark: mark)
        case .add, .subtract, .multiply, .divide:
            guard let type = Arithmetic.resultType(op, left.type, right.type) else {
                throw ExpressionError("« \(op.rawValue) » ne s'applique pas à \(left.type.withArticle) et \(right.type.withArticle)\(Arithmetic.hint(op, left.type, right.type))", offset: offset)
            }
            return Expression(node: .binary(op, left, right), type: type, mark: mark)
        }
    }

    private func list(_ items: [Expression], offset: Int, mark: SourceMark) throws(ExpressionError) -> Expression {
        guard var elementType = items.first?.type else {
            throw ExpressionError("une liste vide « [] » ne contient jamais rien : donnez au moins une valeur", offset: offset)
        }
        for item in items.dropFirst() {
            guard let common = TypeChecker.commonType(elementType, item.type) else {
                throw ExpressionError("une liste mêle des valeurs de types différents : \(elementType) et \(item.type)", offset: offset)
            }
            elementType = common
        }
        return Expression(node: .list(items), type: .list(elementType), mark: mark)
    }

    private func requireBoolean(_ expression: Expression, offset: Int, role: String) throws(ExpressionError) {
        guard expression.type == .boolean else {
            throw ExpressionError("\(role) doit être un booléen (vrai ou faux), et non \(expression.type.withArticle)", offset: offset)
        }
    }

    /// Brings two operands to one type: integers widen to numbers, text literals become enum values.
    func unify(_ left: Expression, _ right: Expression, offset: Int, role: String) throws(ExpressionError) -> (Expression, Expression) {
        if case .enumeration(let domain) = left.type {
            return (left, try Membership.coerce(right, to: domain, offset: offset))
        }
        if case .enumeration(let domain) = right.type {
            return (try Membership.coerce(left, to: domain, offset: offset), right)
        }
        guard TypeChecker.commonType(left.type, right.type) != nil else {
            throw ExpressionError("\(role) n'ont pas le même type : \(left.type) et \(right.type)", offset: offset)
        }
        return (left, right)
    }

    /// The type both values share, widening integer to number.
    static func commonType(_ a: ValueType, _ b: ValueType) -> ValueType? {
        if a == b { return a }
        switch (a, b) {
        case (.integer, .number), (.number, .integer): return .number
        default: return nil
        }
    }
}
