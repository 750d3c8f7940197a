/// A reading of an ambiguous passage, and the choice made, visible to policy staff.
public struct Interpretation: Sendable {
    /// Who reads it: how the text was applied is printed in the decisions; a note for the
    /// authors of the rules never is.
    public enum Audience: String, Sendable, CaseIterable {
        /// How the text was applied: printed in the decisions and acts.
        case `public`
        /// A note for the authors of the rules: shown by `explain`, never printed in a decision.
        case `internal`
    }

    /// A part of the scheme an interpretation bears on (`applies_to`), named by its id.
    ///
    /// A refusal prints the interpretations that bear on its grounds: the criteria it failed,
    /// the parameters and limits they read, and, for a refusal on the amount, its steps.
    public struct Target: Sendable, Hashable {
        /// What the id names. An interpretation without targets bears on the whole scheme.
        public enum Kind: String, Sendable, CaseIterable {
            /// A criterion of `eligibility`, or `periode-application`, the one `in_force` makes.
            case criterion
            /// A parameter of `parameters`.
            case parameter
            /// A limit of `limits`.
            case limit
            /// A step of the amount (`amount.steps`) or of the schedule (`schedule.steps`).
            case step
        }

        public let kind: Kind
        public let id: String

        public init(_ kind: Kind, _ id: String) {
            self.kind = kind
            self.id = id
        }
    }

    public let id: String
    public let question: String
    public let choice: String
    public let source: String?
    public let audience: Audience
    /// What it bears on, in the order written; empty for an interpretation of the whole scheme.
    /// Criteria are named apart from parameters, limits and steps, and the schedule's steps apart
    /// from the amount's: an id that names two of them gives both targets.
    public let appliesTo: [Target]

    public init(id: String, question: String, choice: String, source: String?, audience: Audience, appliesTo: [Target] = []) {
        self.id = id
        self.question = question
        self.choice = choice
        self.source = source
        self.audience = audience
        self.appliesTo = appliesTo
    }

    /// Written without `applies_to`: it bears on the scheme as a whole (who decides, on which
    /// texts), not on one criterion or one figure.
    public var isGeneral: Bool { appliesTo.isEmpty }
}
