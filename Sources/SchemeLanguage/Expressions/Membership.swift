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
                throw ExpressionError("« in » cherche \(element.type.withArticle) dans une liste de \(elementType.plural)", offset: offset)
            }
            return (element, collection)
        default:
            throw ExpressionError("le côté droit de « in » doit être une liste comme [1, 2] ou une donnée de type set, et non \(collection.type.withArticle)", offset: offset)
        }
    }

    /// Turns a text literal into a value of the domain, refusing values the domain does not have.
    static func coerce(_ expression: Expression, to domain: EnumDomain, offset: Int) throws(ExpressionError) -> Expression {
        if case .enumeration(let other) = expression.type {
            guard other == domain else {
                throw ExpressionError("les valeurs de « \(other.name) » ne se comparent pas à celles de « \(domain.name) »", offset: offset)
            }
            return expression
        }
        guard case .literal(.text(let text)) = expression.node else {
            throw ExpressionError("une valeur de « \(domain.name) » ne se compare qu'à l'une de ses valeurs entre guillemets (\(quotedValues(domain))), et non à \(expression.type.withArticle)", offset: offset)
        }
        guard domain.contains(text) else {
            throw ExpressionError("« \(text) » n'est pas une valeur de « \(domain.name) » ; ses valeurs sont : \(quotedValues(domain))", offset: offset)
        }
        return Expression(node: .literal(.enumeration(text)), type: .enumeration(domain), mark: expression.mark)
    }

    private static func quotedValues(_ domain: EnumDomain) -> String {
        domain.values.map { "\"\($0)\"" }.joined(separator: ", ")
    }
}
