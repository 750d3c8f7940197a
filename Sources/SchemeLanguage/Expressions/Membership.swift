/// Typing of `in` and of comparisons between enumeration values and text literals.
enum Membership {
    /// Checks `element in collection`, where the collection is a literal list or a set fact.
    static func check(_ element: Expression, _ collection: Expression, offset: Int) throws(ExpressionError) -> (Expression, Expression) {
        switch collection.type {
        case .set(let domain):
            return (try coerce(element, to: domain, offset: offset), collection)
        case .list(let elementType):
            guard case .list(let items) = collection.node else { return (element, collection) }
            if case .enumeration(let domain) = element.type {
                let coerced = try items.map { (item) throws(ExpressionError) in try coerce(item, to: domain, offset: offset) }
                return (element, Expression(node: .list(coerced), type: .list(element.type), mark: collection.mark))
            }
            guard TypeChecker.commonType(element.type, elementType) != nil else {
                throw ExpressionError("'in' looks for a \(element.type) in a list of \(elementType)", offset: offset)
            }
            return (element, collection)
        default:
            throw ExpressionError("the right side of 'in' must be a list like [1, 2] or a set fact, not a \(collection.type)", offset: offset)
        }
    }

    /// Turns a text literal into a value of the domain, refusing values the domain does not have.
    static func coerce(_ expression: Expression, to domain: EnumDomain, offset: Int) throws(ExpressionError) -> Expression {
        if case .enumeration(let other) = expression.type {
            guard other == domain else {
                throw ExpressionError("cannot compare values of '\(other.name)' with values of '\(domain.name)'", offset: offset)
            }
            return expression
        }
        guard case .literal(.text(let text)) = expression.node else {
            throw ExpressionError("a value of '\(domain.name)' can only be compared with one of its values in quotes (\(quotedValues(domain))), not a \(expression.type)", offset: offset)
        }
        guard domain.contains(text) else {
            throw ExpressionError("'\(text)' is not a value of '\(domain.name)'; its values are \(quotedValues(domain))", offset: offset)
        }
        return Expression(node: .literal(.enumeration(text)), type: .enumeration(domain), mark: expression.mark)
    }

    private static func quotedValues(_ domain: EnumDomain) -> String {
        domain.values.map { "\"\($0)\"" }.joined(separator: ", ")
    }
}
