import ExactDecimal
import SchemeLanguage

/// The JSON Schema of one value of an application file, by type, as an editor sees the YAML:
/// `true` is a boolean, `60000` a number, `60 000 €` and `2020-10-12` strings. The patterns are
/// a guide for the editor; Guichet itself reads the values (and refuses an ambiguous amount).
enum ValueSchemas {
    /// Spaces that may group thousands: ordinary, no-break, narrow no-break.
    private static let spaces = " \u{00A0}\u{202F}"
    private static let figure = "[+-]?[0-9]([0-9\(spaces).,]*[0-9])?"

    static func schema(of input: InputDefinition) -> JSON {
        var value = schema(of: input.type, input: input)
        if input.exclusiveOfTax {
            value = .object([("anyOf", .array([value, taxInclusive]))])
        }
        if input.perMonth {
            let months = JSON.object([("type", .string("object")), ("propertyNames", .object([("pattern", .string("^[0-9]{4}-(0[1-9]|1[0-2])$"))])),
                                      ("additionalProperties", value)])
            value = .object([("anyOf", .array([value, months]))])
        }
        return value
    }

    /// An amount in euros, as a number or a French text, with no bounds.
    static var money: JSON { schema(of: .money, input: nil) }

    private static func schema(of type: ValueType, input: InputDefinition?) -> JSON {
        switch type {
        case .boolean:
            return .object([("type", .string("boolean"))])
        case .integer:
            return numeric("integer", pattern: "^[+-]?[0-9]([0-9\(spaces).]*[0-9])?$", input: input)
        case .number:
            return numeric("number", pattern: "^\(figure)$", input: input)
        case .money:
            let suffix = input?.exclusiveOfTax == true ? "( HT| TTC)?" : ""
            return numeric("number", pattern: "^\(figure)[\(spaces)]?€?\(suffix)$", input: input)
        case .rate:
            return .object([("type", .string("string")), ("pattern", .string("^\(figure)[\(spaces)]?%$"))])
        case .date:
            return .object([("type", .string("string")), ("format", .string("date")), ("pattern", .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))])
        case .text:
            return .object([("type", .array([.string("string"), .string("number")]))])
        case .enumeration(let domain):
            return choice(domain)
        case .set(let domain):
            return .object([("type", .string("array")), ("items", choice(domain)), ("uniqueItems", .boolean(true))])
        case .list(let element):
            return .object([("type", .string("array")), ("items", schema(of: element, input: nil))])
        }
    }

    /// A number as YAML gives it (`60000`), or as a French text (`60 000,50 €`); the bounds
    /// apply to the former, the editor cannot read the latter.
    private static func numeric(_ jsonType: String, pattern: String, input: InputDefinition?) -> JSON {
        var number: [(String, JSON)] = [("type", .string(jsonType))]
        if let minimum = input?.minimum { number.append(("minimum", .number(minimum.description))) }
        if let maximum = input?.maximum { number.append(("maximum", .number(maximum.description))) }
        return .object([("anyOf", .array([.object(number), .object([("type", .string("string")), ("pattern", .string(pattern))])]))])
    }

    /// `{ttc: 72 000 €, tva: 20 %}`: an amount given with tax, and its VAT rate.
    private static var taxInclusive: JSON {
        .object([("type", .string("object")), ("required", .array([.string("ttc"), .string("tva")])),
                 ("properties", .object([("ttc", schema(of: .money, input: nil)), ("tva", schema(of: .rate, input: nil))])),
                 ("additionalProperties", .boolean(false))])
    }

    /// One of an enumeration's codes, each with its label as its description.
    static func choice(_ domain: EnumDomain) -> JSON {
        let codes = domain.values.map(JSON.string)
        let described = domain.values.map { code in
            JSON.object([("const", .string(code)), ("description", .string(domain.label(of: code)))])
        }
        return .object([("enum", .array(codes)), ("oneOf", .array(described))])
    }

    /// Codes with their labels, for pieces, confirmations and the like; none when there are
    /// no codes (a scheme without pieces, such as an allocation): `oneOf` may not be empty.
    static func choice(_ pairs: [(code: String, label: String)]) -> JSON {
        guard !pairs.isEmpty else { return .object([("not", .object([]))]) }
        return .object([("enum", .array(pairs.map { .string($0.code) })),
                 ("oneOf", .array(pairs.map { .object([("const", .string($0.code)), ("description", .string($0.label))]) }))])
    }

    /// How a value is written, in French: for a field's description and the skeleton's comments.
    static func writing(_ input: InputDefinition) -> String {
        var text: String
        switch input.type {
        case .boolean: text = "Répondez true (oui) ou false (non)."
        case .integer: text = "Un nombre entier, par exemple 12 ou 1 200."
        case .number: text = "Un nombre, par exemple 2,5 ou 1 234,5."
        case .money: text = "Un montant en euros, par exemple 60 000 € ou 12 500,50 €."
        case .rate: text = "Un taux suivi de %, par exemple 50 % ou 12,5 %."
        case .date: text = "Une date AAAA-MM-JJ, par exemple 2020-10-12."
        case .text: text = "Un texte."
        case .enumeration: text = "Un code parmi les suivants."
        case .set: text = "Une liste de codes parmi les suivants, par exemple [\(examples(input.type))] ; [] pour aucun."
        case .list: text = "Une liste."
        }
        if input.exclusiveOfTax { text += " Hors taxes ; un montant TTC s'écrit {ttc: 72 000 €, tva: 20 %}." }
        if input.perMonth { text += " Une valeur pour tous les mois, ou une par mois : {2020-11: …, 2020-12: …}." }
        if let minimum = input.minimum { text += " Au moins \(bound(minimum, input.type))." }
        if let maximum = input.maximum { text += " Au plus \(bound(maximum, input.type))." }
        if let value = input.defaultValue { text += " Sans réponse : \(FrenchFormat.value(value, type: input.type))." }
        return text
    }

    private static func examples(_ type: ValueType) -> String {
        guard case .set(let domain) = type else { return "" }
        return domain.values.prefix(2).joined(separator: ", ")
    }

    private static func bound(_ value: DecimalNumber, _ type: ValueType) -> String {
        type == .money ? FrenchFormat.money(value) : value.frenchFormatted()
    }
}
