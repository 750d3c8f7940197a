import ExactDecimal

/// A value computed or read by the engine. Its case always matches a `ValueType`.
public enum Value: Hashable, Sendable {
    case boolean(Bool)
    case integer(Int)
    case number(DecimalNumber)
    case money(DecimalNumber)
    /// A proportion: 50 % is `.rate(0.5)`.
    case rate(DecimalNumber)
    case date(LocalDate)
    case text(String)
    /// An enumeration value or a text compared with one.
    case enumeration(String)
    /// Members in the order of the domain, so that equal sets print alike.
    case set([String])
    case list([Value])

    /// The decimal magnitude of a numeric value; integers widen exactly.
    public var decimal: DecimalNumber? {
        switch self {
        case .integer(let value): DecimalNumber(value)
        case .number(let value), .money(let value), .rate(let value): value
        default: nil
        }
    }

    public var boolean: Bool? {
        if case .boolean(let value) = self { return value }
        return nil
    }
}
