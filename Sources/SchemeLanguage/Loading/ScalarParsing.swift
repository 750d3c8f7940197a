import ExactDecimal
import YAMLReader

/// Why a YAML value cannot be read as the type expected.
public struct ValueProblem: Error, Sendable {
    public let message: String
    init(_ message: String) { self.message = message }
}

/// Reads typed values from YAML nodes: `40 000 €`, `50 %`, `2020-09-01`, `true`, enumeration values.
public enum ScalarParsing {
    /// Parses a node as a value of the given type, or explains why it cannot.
    public static func value(_ node: YAMLNode, as type: ValueType) -> Result<Value, ValueProblem> {
        if case .set(let domain) = type { return set(node, domain) }
        guard let text = node.scalar else {
            return .failure(ValueProblem("attendu \(expected(type)), trouvé \(node.kindName)"))
        }
        if let value = value(text, as: type) { return .success(value) }
        return .failure(ValueProblem(NumberForms.problem(text, as: type) ?? "attendu \(expected(type)), trouvé \(shown(node))"))
    }

    /// Parses text as a value of a scalar type.
    public static func value(_ text: String, as type: ValueType) -> Value? {
        switch type {
        case .boolean: return text == "true" ? .boolean(true) : text == "false" ? .boolean(false) : nil
        case .integer: return Int(text).map(Value.integer) ?? DecimalNumber(parsing: text)?.integerValue().map(Value.integer)
        case .number: return NumberForms.dotGroupReadings(Substring(text)) == nil ? DecimalNumber(parsing: text).map(Value.number) : nil
        case .money: return money(text).map(Value.money)
        case .rate: return NumberForms.dotGroupReadings(strippingUnit(text, "%")) == nil ? rate(text).map(Value.rate) : nil
        case .date: return LocalDate(iso: text).map(Value.date)
        case .text: return .text(text)
        case .enumeration(let domain): return domain.contains(text) ? .enumeration(text) : nil
        case .set, .list: return nil
        }
    }

    /// `40 000 €`, `40.000 €`, `40000€`, `40 000,00 €` or a bare number.
    static func money(_ text: String) -> DecimalNumber? {
        DecimalNumber(parsing: strippingUnit(text, "€"))
    }

    /// `50 %` or `50%`, held as 0.5. A bare number is refused: is `50` 50 % or 5 000 %?
    static func rate(_ text: String) -> DecimalNumber? {
        let body = strippingUnit(text, "%")
        guard body.utf8.count < text.utf8.count, let percent = DecimalNumber(parsing: body),
              percent.scale + 2 <= DecimalNumber.maxScale else { return nil }
        return DecimalNumber(significand: percent.significand, scale: percent.scale + 2)
    }

    /// The text without a trailing unit and the spaces before it; works on UTF-8 because it
    /// runs for every amount of every application.
    static func strippingUnit(_ text: String, _ unit: Unicode.Scalar) -> Substring {
        let scalars = text.unicodeScalars
        guard scalars.last == unit else { return Substring(text) }
        var end = scalars.index(before: scalars.endIndex)
        while end > scalars.startIndex {
            let previous = scalars.index(before: end)
            let scalar = scalars[previous]
            guard scalar == " " || scalar == "\u{00A0}" || scalar == "\u{202F}" else { break }
            end = previous
        }
        return Substring(text[..<end])
    }

    /// Members are kept in the domain's order, so that equal sets compare and print alike.
    private static func set(_ node: YAMLNode, _ domain: EnumDomain) -> Result<Value, ValueProblem> {
        guard let items = node.sequence else {
            return .failure(ValueProblem("attendu une liste de valeurs de « \(domain.name) », trouvé \(node.kindName)"))
        }
        var present = [Bool](repeating: false, count: domain.values.count)
        for item in items {
            guard let text = item.scalar, let position = domain.values.firstIndex(of: text) else {
                return .failure(ValueProblem("\(shown(item)) n'est pas une valeur de « \(domain.name) » ; ses valeurs sont : \(domain.values.joined(separator: ", "))"))
            }
            present[position] = true
        }
        return .success(.set(domain.values.indices.filter { present[$0] }.map { domain.values[$0] }))
    }

    /// What a value of the type looks like, for « attendu … » in messages.
    static func expected(_ type: ValueType) -> String {
        switch type {
        case .boolean: "true ou false"
        case .integer: "un nombre entier"
        case .number: "un nombre"
        case .money: "un montant en euros, comme 150 000 €"
        case .rate: "un taux, comme 50 %"
        case .date: "une date écrite AAAA-MM-JJ"
        case .text: "un texte"
        case .enumeration(let domain): "l'une des valeurs \(domain.values.joined(separator: ", "))"
        case .set(let domain): "une liste de valeurs parmi \(domain.values.joined(separator: ", "))"
        case .list: "une liste"
        }
    }

    /// A node as quoted in an error message, cut short when long.
    static func shown(_ node: YAMLNode) -> String {
        guard let text = node.scalar else { return node.kindName }
        return quoted(text)
    }

    /// A text from a file as quoted in an error message: between guillemets, cut short when long.
    public static func quoted(_ text: String) -> String {
        "« \(truncated(text)) »"
    }

    public static func truncated(_ text: String) -> String {
        text.count <= 60 ? text : String(text.prefix(57)) + "…"
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, text.utf8.count <= 200,
              ("a"..."z").contains(first) || ("A"..."Z").contains(first) || ("0"..."9").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "_" || scalar == "-" || scalar == "."
        }
    }
}
