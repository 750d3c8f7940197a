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

    public var description: String {
        switch self {
        case .boolean: "boolean"
        case .integer: "integer"
        case .number: "number"
        case .money: "money"
        case .rate: "rate"
        case .date: "date"
        case .text: "text"
        case .enumeration(let domain): "enum \(domain.name)"
        case .set(let domain): "set of \(domain.name)"
        case .list(let element): "list of \(element)"
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
