import ExactDecimal
import SchemeLanguage

/// Where limits find the decisions already taken: the register, or an empty one.
public protocol LimitReader {
    /// The earlier decisions of `scheme` counted towards `limit` for this key and period,
    /// filed before `before` (then by id): the register answers the same question whatever
    /// order the applications arrive in.
    func entries(scheme: String, limit: String, key: LimitKey, before: (filed: LocalDate, id: String)) throws -> [LimitEntry]
}

/// Whose decisions a limit adds up: the values of its `by` inputs, and the period.
public struct LimitKey: Hashable, Sendable {
    public struct Part: Hashable, Sendable {
        public let value: String
        /// An identifier of a natural person: stored pseudonymised.
        public let personal: Bool
    }

    public let parts: [Part]
    /// "2020" for a calendar year, "*" for the life of the scheme.
    public let period: String
}

/// A decision already taken that counts towards a limit.
public struct LimitEntry: Sendable, Equatable {
    public let applicationID: String
    public let filed: LocalDate
    public let amount: DecimalNumber?
    public let months: Int

    public init(applicationID: String, filed: LocalDate, amount: DecimalNumber?, months: Int) {
        self.applicationID = applicationID
        self.filed = filed
        self.amount = amount
        self.months = months
    }
}

/// No earlier decision: for applications evaluated without a register.
public struct EmptyRegister: LimitReader {
    public init() {}

    public func entries(scheme: String, limit: String, key: LimitKey, before: (filed: LocalDate, id: String)) -> [LimitEntry] {
        []
    }
}

/// What a limit came to for one application: its value and the decisions behind it.
public struct LimitResult: Sendable {
    /// Index into `scheme.limits`.
    public let index: Int
    public let value: Value
    public let entries: [LimitEntry]
}

/// A key under which a favourable decision is recorded for a limit.
public struct LimitRecord: Sendable, Equatable {
    /// Index into `scheme.limits`.
    public let index: Int
    public let key: LimitKey

    public static func == (lhs: LimitRecord, rhs: LimitRecord) -> Bool {
        lhs.index == rhs.index && lhs.key == rhs.key
    }
}
