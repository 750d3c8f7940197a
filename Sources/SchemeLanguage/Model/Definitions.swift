import ExactDecimal
import YAMLReader

/// A fact an application may carry.
public struct InputDefinition: Sendable {
    public let id: String
    public let type: ValueType
    /// The French question put to the applicant.
    public let question: String
    public let help: String?
    /// The piece that establishes the fact; without it the fact is not established.
    public let piece: String?
    /// Whether an instructor must confirm the declared value before it can ground a favourable decision.
    public let confirm: Bool
    public let minimum: DecimalNumber?
    public let maximum: DecimalNumber?
    /// The value taken when the application does not give one (`default: 0 €`).
    public let defaultValue: Value?
    /// A fact with a value for each month of the schedule (rent, charges, APL…).
    public let perMonth: Bool
    /// An identifier of a natural person: the register stores it pseudonymised.
    public let personal: Bool
    /// For an amount whose basis the rules fix (`basis: HT`): a figure given TTC is converted
    /// with its VAT rate, and one given TTC without it is asked again, never taken as HT.
    public var exclusiveOfTax = false
    /// The sentence that states the fact in an act (« Le porteur n'est pas habilité … »).
    public var statement: InputStatement?
    /// The `statement` as written, read once the parameters it may name are known.
    var statementNode: YAMLNode?
    /// For a fact the application's financing plan gives (`financing_plan`), which figure: it is
    /// read from the plan, never written in `facts`.
    public internal(set) var planFigure: PlanFigure?
    public let mark: SourceMark

    public init(id: String, type: ValueType, question: String, help: String?, piece: String?, confirm: Bool,
                minimum: DecimalNumber?, maximum: DecimalNumber?, defaultValue: Value? = nil, perMonth: Bool = false,
                personal: Bool = false, mark: SourceMark) {
        self.id = id
        self.type = type
        self.question = question
        self.help = help
        self.piece = piece
        self.confirm = confirm
        self.minimum = minimum
        self.maximum = maximum
        self.defaultValue = defaultValue
        self.perMonth = perMonth
        self.personal = personal
        self.mark = mark
    }
}

/// A named value voted in the text, with its dated versions; or, when the text gives none
/// (`unset: true`), a value the deployment sets (`guichet.yaml`'s `parameters`).
public struct Parameter: Sendable {
    public struct Version: Sendable {
        /// First day the value applies to: the reference (decision) date, or the date the
        /// parameter's `date` names; nil means from the start.
        public let from: LocalDate?
        public let value: Value
        /// A value made up to try the rules (`fictitious: true` where it is set): every document
        /// that shows it says so.
        public let fictitious: Bool

        public init(from: LocalDate?, value: Value, fictitious: Bool = false) {
            self.from = from
            self.value = value
            self.fictitious = fictitious
        }
    }

    public let id: String
    public let label: String
    public let type: ValueType
    /// Sorted by date, the undated one first; none while the parameter is unset.
    public let versions: [Version]
    /// The date that chooses the version when the text names one (`date: filing_date`); nil
    /// means the evaluation's reference date, the day the authority decides.
    public let date: Expression?
    /// The date expression as written, for `explain`.
    public let dateFormula: String?
    public let source: String?

    public init(id: String, label: String, type: ValueType, versions: [Version], date: Expression? = nil,
                dateFormula: String? = nil, source: String?) {
        self.id = id
        self.label = label
        self.type = type
        self.versions = versions
        self.date = date
        self.dateFormula = dateFormula
        self.source = source
    }

    /// The version in force on a date: the latest that started on or before it.
    public func value(on date: LocalDate?) -> Value? {
        version(on: date)?.value
    }

    public func version(on date: LocalDate?) -> Version? {
        guard let date else { return versions.last }
        return versions.last { version in version.from.map { $0 <= date } ?? true }
    }

    /// Declared without a value (`unset: true`): the text does not give it, and nothing has set it yet.
    public var isUnset: Bool { versions.isEmpty }

    /// Whether its value on `date` was made up to try the rules (`fictitious: true`): every
    /// document that shows it says so, and no act resting on it can be sent.
    public func isFictitious(on date: LocalDate?) -> Bool { version(on: date)?.fictitious == true }

    /// The same parameter with other versions.
    public func with(versions: [Version]) -> Parameter {
        Parameter(id: id, label: label, type: type, versions: versions, date: date, dateFormula: dateFormula, source: source)
    }

    /// Why an unset parameter cannot be read, and where to set it: in French, for the person
    /// who runs the command.
    public func unsetMessage(scheme: String) -> String {
        "le paramètre « \(id) » du dispositif \(scheme) (« \(label) ») n'a pas de valeur : le texte ne la donne pas (unset: true). "
            + "Fixez-la dans \(Deployment.fileName), sous parameters: {\(scheme): {\(id): …}}, "
            + "ou dans un fichier de paramètres donné par --parametres FICHIER"
    }
}

/// A condition of eligibility.
public struct Criterion: Sendable {
    public let id: String
    /// What the criterion requires, in French, as the decision prints it.
    public let label: String
    /// The ground printed when the criterion fails.
    public let failure: String
    /// nil for a manual criterion, which only an instructor can settle.
    public let condition: Expression?
    /// The condition as written, shown by `explain`.
    public let formula: String?
    /// When the requirement applies at all; nil means always. Where it does not apply the
    /// criterion is "sans objet" (a requirement that holds "dans les situations le nécessitant").
    public let applicability: Expression?
    public let applicabilityFormula: String?
    public let source: String?
    public let mark: SourceMark
    /// For the criterion made from the scheme's `in_force`, the window it checks: its ground
    /// then states the application's filing date (`failure(filed:)`).
    public let window: ValidityWindow?

    public init(id: String, label: String, failure: String, condition: Expression?, formula: String?,
                applicability: Expression? = nil, applicabilityFormula: String? = nil,
                source: String?, mark: SourceMark, window: ValidityWindow? = nil) {
        self.id = id
        self.label = label
        self.failure = failure
        self.condition = condition
        self.formula = formula
        self.applicability = applicability
        self.applicabilityFormula = applicabilityFormula
        self.source = source
        self.mark = mark
        self.window = window
    }

    /// `on_failure: examine`: unmet, the criterion is not a ground of refusal but a point the
    /// instructor settles (`findings`), for a rule with exceptions only a person can judge.
    public var examineWhenUnmet = false

    public var isManual: Bool { condition == nil }

    /// Whether an instructor's finding may settle it: a manual criterion, or one examined when unmet.
    public var takesFindings: Bool { isManual || examineWhenUnmet }
}

/// The amount, as named steps the decision shows one by one.
public struct AmountDefinition: Sendable {
    public struct Step: Sendable {
        public let id: String
        public let label: String
        public let expression: Expression
        /// The expression as written, shown in `explain`.
        public let formula: String
        public let source: String?
        /// How the act words the step: a template naming steps, parameters and `value`
        /// (« {taux} de la dépense éligible de {base}, soit {value} »).
        public var wording: String? = nil
        /// A part of an allocation (`part: true`): listed, with its text, in the allocation's
        /// notice and in the authority's summary table; the other steps are how it is computed.
        public var part: Bool = false
    }

    /// In the order written; each step only uses steps already computed or computes them first.
    public let steps: [Step]
    /// Indices of `steps` in an order where each step comes after those it uses.
    public let evaluationOrder: [Int]
    /// The step whose value is the aid.
    public let result: Int
    public let rounding: Rounding

    /// An allocation's parts (`part: true`), in the order written, the total (the result) aside:
    /// what its notice, its table and a reform's report list.
    public var partIndices: [Int] { steps.indices.filter { steps[$0].part && $0 != result } }
}

/// How the final amount is rounded.
public struct Rounding: Sendable {
    public let step: DecimalNumber
    public let rule: RoundingRule

    public init(step: DecimalNumber, rule: RoundingRule) {
        self.step = step
        self.rule = rule
    }

    /// To the cent, halves away from zero.
    public static let cent = Rounding(step: DecimalNumber(significand: 1, scale: 2), rule: .halfUp)
}

/// A statement a favourable decision carries when its condition holds: a commitment of the
/// beneficiary or a follow-up the text requires ("L'inscription … devra être réétudiée").
public struct Notice: Sendable {
    /// Which decisions a notice goes with.
    public enum Occasion: String, Sendable {
        /// An award, or a file still to examine: what follows from the aid.
        case award
        /// A refusal: where else the applicant may turn (`on: refusal`).
        case refusal
    }

    public let id: String
    /// The French sentence printed in the decision.
    public let text: String
    /// nil when the notice always applies.
    public let condition: Expression?
    public let source: String?
    public let occasion: Occasion

    public init(id: String, text: String, condition: Expression?, source: String?, occasion: Occasion = .award) {
        self.id = id
        self.text = text
        self.condition = condition
        self.source = source
        self.occasion = occasion
    }
}

/// The sentence an act states a fact with, instead of its question and its id.
public enum InputStatement: Sendable {
    /// A boolean's two sentences.
    case boolean(whenTrue: String, whenFalse: String)
    /// One sentence per value of an enumeration.
    case perValue([String: String])
    /// A sentence where `{value}` is the fact as written in French (for an enumeration or a
    /// set, the labels of its values).
    case template(String)
    /// For a set: the sentence when it is empty, and the template (with `{value}`) otherwise.
    case set(none: String, some: String)

    /// The placeholder a template writes the fact with.
    public static let valueName = "value"

    /// The sentence for `value`, its French form `shown` filling `{value}`, the parameters it
    /// names filled by `parameter`. Nil when a per-value sentence lacks this value.
    public func sentence(for value: Value, shown: String, parameter: (String) -> String?) -> String? {
        let text: String?
        switch (self, value) {
        case (.boolean(let yes, let no), .boolean(let flag)): text = flag ? yes : no
        case (.perValue(let sentences), .enumeration(let case_)): text = sentences[case_]
        case (.template(let template), _): text = template
        case (.set(let none, let some), .set(let members)): text = members.isEmpty ? none : some
        default: text = nil
        }
        return text.map { text in
            ParameterText.fill(text) { name in name == InputStatement.valueName ? shown : parameter(name) }
        }
    }
}
