/// The closed set of values an enumeration input may take, with their French labels.
public struct EnumDomain: Hashable, Sendable {
    /// The input that declares the domain; two domains are the same type only if they share it.
    public let name: String
    /// The admitted values, in the order the scheme lists them.
    public let values: [String]
    /// French label of each value, for decisions; falls back to the value itself.
    public let labels: [String: String]

    public init(name: String, values: [String], labels: [String: String] = [:]) {
        self.name = name
        self.values = values
        self.labels = labels
    }

    public func contains(_ value: String) -> Bool { values.contains(value) }

    /// Two inputs offering the same choices have the same type, whatever their names: an
    /// instructor's corrected profile compares with the declared one.
    public static func == (lhs: EnumDomain, rhs: EnumDomain) -> Bool { lhs.values == rhs.values }
    public func hash(into hasher: inout Hasher) { hasher.combine(values) }
    public func label(of value: String) -> String { labels[value] ?? value }
}

/// The type of an input, a parameter, a step or an expression.
public indirect enum ValueType: Hashable, Sendable, CustomStringConvertible {
    case boolean
    case integer
    /// A dimensionless decimal number.
    case number
    /// An amount in euros.
    case money
    /// A proportion, written `50 %` and held as 0.5.
    case rate
    case date
    case text
    case enumeration(EnumDomain)
    case set(EnumDomain)
    /// A bracketed literal list `[1, 2, 3]`, only as the right side of `in`.
    case list(ValueType)

    /// The type's French name, for messages: « montant », « valeur de « categorie » »…
    public var description: String {
        switch self {
        case .boolean: "booléen (oui ou non)"
        case .integer: "nombre entier"
        case .number: "nombre"
        case .money: "montant"
        case .rate: "taux"
        case .date: "date"
        case .text: "texte"
        case .enumeration(let domain): "valeur de « \(domain.name) »"
        case .set(let domain): "ensemble de valeurs de « \(domain.name) »"
        case .list(let element): "liste de \(element.plural)"
        }
    }

    /// The French name with its indefinite article: « un montant », « une date ».
    public var withArticle: String {
        switch self {
        case .date, .enumeration, .list: "une \(description)"
        default: "un \(description)"
        }
    }

    /// The French name in the plural, for « une liste de montants ».
    var plural: String {
        switch self {
        case .boolean: "booléens"
        case .integer: "nombres entiers"
        case .number: "nombres"
        case .money: "montants"
        case .rate: "taux"
        case .date: "dates"
        case .text: "textes"
        case .enumeration(let domain): "valeurs de « \(domain.name) »"
        case .set(let domain): "ensembles de valeurs de « \(domain.name) »"
        case .list(let element): "listes de \(element.plural)"
        }
    }

    /// Types whose values are decimal numbers (integers widen to numbers).
    var isNumeric: Bool {
        switch self {
        case .integer, .number, .money, .rate: true
        default: false
        }
    }

    /// Types that can be ordered with `<`.
    var isOrdered: Bool { isNumeric || self == .date }
}
