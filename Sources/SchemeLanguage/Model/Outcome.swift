import YAMLReader

/// The outcome of an application's evaluation.
public enum Outcome: String, Sendable, CaseIterable, Codable {
    /// Eligible, with an amount.
    case favorable
    /// Not eligible: at least one criterion fails.
    case unfavorable = "défavorable"
    /// A fact or a piece is missing to conclude.
    case incomplete = "incomplet"
    /// A person must settle a manual criterion or confirm a declared fact.
    case toExamine = "à instruire"

    /// « 7 favorables », « 1 incomplète », « 2 à instruire »: a count of applications (demandes,
    /// simulations, feminine) with this outcome, agreed, its thousands grouped.
    public func counted(_ count: Int) -> String {
        let word: String = switch self {
        case .favorable, .unfavorable: FrenchFormat.agreed(count, rawValue)
        case .incomplete: FrenchFormat.agreed(count, "incomplète")
        case .toExamine: rawValue
        }
        return "\(FrenchFormat.count(count)) \(word)"
    }

    /// Accepts the French names, with or without accents ("defavorable", "a instruire").
    public init?(french text: String) {
        let folded = String(text.lowercased().map { character -> Character in
            switch character {
            case "é": "e"
            case "à": "a"
            case "-", "_": " "
            default: character
            }
        })
        switch folded {
        case "favorable": self = .favorable
        case "defavorable": self = .unfavorable
        case "incomplet": self = .incomplete
        case "a instruire": self = .toExamine
        default: return nil
        }
    }
}

/// What a scheme test case expects.
public struct SchemeTestCase: Sendable {
    public let name: String
    public let application: Application
    public let outcome: Outcome
    public let amount: Value?
    /// Ids of the criteria expected to fail, when the case says.
    public let failed: Set<String>?
    /// Ids of the facts and pieces expected missing, when the case says.
    public let missing: Set<String>?
    /// The decision date the case states (`date:`), when it states one.
    public let decisionDate: LocalDate?
    /// The values expected of named steps of the amount (`steps:`), in the order written.
    public let steps: [(id: String, value: Value)]
    /// Values the case gives the parameters the text leaves unset (`parameters:`), fictitious.
    public let parameters: [(id: String, value: Value)]
    public let mark: SourceMark

    public init(name: String, application: Application, outcome: Outcome, amount: Value?,
                failed: Set<String>?, missing: Set<String>?, decisionDate: LocalDate? = nil,
                steps: [(id: String, value: Value)] = [], parameters: [(id: String, value: Value)] = [], mark: SourceMark) {
        self.steps = steps
        self.parameters = parameters
        self.name = name
        self.application = application
        self.outcome = outcome
        self.amount = amount
        self.failed = failed
        self.missing = missing
        self.decisionDate = decisionDate
        self.mark = mark
    }

    /// The day the case is decided: its `date:`, else the day the application was filed, so that
    /// a case without a date reads its dated parameters as they stood when it was filed.
    public var referenceDate: LocalDate { decisionDate ?? application.filed }
}
