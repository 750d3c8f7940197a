/// How a call chooses among admissible applications: how many laureates, quotas per category,
/// the ranking keys and tie-breaks the text gives, an envelope, a waiting list.
public struct Selection: Sendable {
    /// A value applications are ranked by, with its direction.
    public struct Key: Sendable {
        public let label: String
        public let expression: Expression
        public let descending: Bool
        public let formula: String
    }

    /// The most applications retained; nil when only the envelope limits them.
    public let laureates: Int?
    /// The category of an application (an enum), for quotas; nil when the call has none.
    public let category: Expression?
    /// The most laureates per category value; a category missing here has no quota.
    public let quotas: [(category: String, count: Int)]
    /// The ranking keys, in order of importance.
    public let ranking: [Key]
    /// The keys that separate applications equal on every ranking key; the last resort is the
    /// application's reference, never the order of the files.
    public let tieBreaks: [Key]
    /// The budget the amounts retained may not exceed; nil when the call funds nothing.
    public let envelope: Expression?
    /// How many applications not retained are put on the waiting list; nil for all of them.
    public let waitingList: Int?
    public let source: String?
}
