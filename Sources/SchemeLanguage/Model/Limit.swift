/// A limit across applications: what earlier decisions granted to the same beneficiary or for
/// the same site, read from the register ("40 000 € par an et par maître d'ouvrage", "un projet
/// par E.S.I.", "12 mois par jeune").
public struct Limit: Sendable {
    /// What is added up over the earlier decisions.
    public enum Measure: String, Sendable, CaseIterable {
        /// Their amounts: a money value.
        case amount
        /// The months their schedules paid: an integer.
        case months
        /// How many there are: an integer.
        case count

        public var type: ValueType {
            self == .amount ? .money : .integer
        }
    }

    /// Over which earlier decisions.
    public enum Period: String, Sendable, CaseIterable {
        /// Those filed in the same calendar year.
        case calendarYear = "calendar-year"
        /// All of them, for the life of the scheme.
        case schemeLife = "scheme-life"
    }

    /// The name expressions use for the value.
    public let id: String
    public let label: String
    public let measure: Measure
    /// Indices of the inputs identifying whose decisions are added up.
    public let keys: [Int]
    public let period: Period
    /// Which decisions count towards the limit (and are recorded for it); nil means all.
    public let condition: Expression?
    public let source: String?
}
