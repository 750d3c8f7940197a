import ExactDecimal
import Platform
import SchemeLanguage
import YAMLReader

/// The reasoned result of one application against its scheme: every criterion, every step.
///
/// A class: an evaluation is made once and then shared by the batch entry, the decision
/// files, the register and the evaluations that depend on it.
public final class Evaluation: Sendable {
    public let scheme: Scheme
    public let application: Application
    /// The day whose rules were applied (the decision date, or the day a fiche or a simulation
    /// was made): the dated parameters without a `date` took their version on it, and a
    /// document says « Règles en vigueur au … ».
    public let referenceDate: LocalDate
    public let outcome: Outcome
    /// In the order of the scheme's criteria.
    public let criteria: [CriterionResult]
    /// nil when the application is refused on eligibility (no amount is computed for a refusal).
    public let amount: AmountResult?
    /// The months paid, for a scheme that pays month by month; nil for a refusal.
    public let schedule: ScheduleResult?
    /// What the applicant must still provide, in the order the rules first needed it.
    public let missing: [MissingItem]
    /// Inputs whose declared value an instructor must confirm (indices into `scheme.inputs`).
    public let awaitingConfirmation: [Int]
    /// The evaluations, on the same application, of the schemes whose outcome this one used.
    public let dependencies: [String: Evaluation]
    /// The limits this evaluation read, with the earlier decisions behind each.
    public let limits: [LimitResult]
    /// For a favourable decision, the keys under which the register records it.
    public let records: [LimitRecord]
    /// The notices whose condition holds (indices into `scheme.notices`), for a favourable or
    /// pending outcome.
    public let notices: [Int]
    /// The value of each parameter as the evaluation used it (by index into
    /// `scheme.parameters`); nil for one chosen on a date the evaluation never needed.
    public let parameters: [Value?]

    init(scheme: Scheme, application: Application, referenceDate: LocalDate, outcome: Outcome, criteria: [CriterionResult],
         amount: AmountResult?, schedule: ScheduleResult?, missing: [MissingItem], awaitingConfirmation: [Int],
         dependencies: [String: Evaluation], limits: [LimitResult], records: [LimitRecord], notices: [Int],
         parameters: [Value?]) {
        self.scheme = scheme
        self.application = application
        self.referenceDate = referenceDate
        self.outcome = outcome
        self.criteria = criteria
        self.amount = amount
        self.schedule = schedule
        self.missing = missing
        self.awaitingConfirmation = awaitingConfirmation
        self.dependencies = dependencies
        self.limits = limits
        self.records = records
        self.notices = notices
        self.parameters = parameters
    }

    /// A scheme's text with the parameters it names written as this evaluation applied them.
    public func filled(_ text: String) -> String {
        ParameterText.fill(text) { name in
            guard let index = scheme.parameters.firstIndex(where: { $0.id == name }) else { return nil }
            let parameter = scheme.parameters[index]
            return (parameters[index] ?? parameter.value(on: referenceDate)).map { FrenchFormat.value($0, type: parameter.type) }
        }
    }

    /// The criteria that failed: the grounds of a refusal.
    public var failedCriteria: [CriterionResult] { criteria.filter { $0.verdict == .failed } }

    /// True when the refusal comes from the amount alone (every criterion met, nothing to pay).
    public var isRefusedForZeroAmount: Bool {
        outcome == .unfavorable && failedCriteria.isEmpty
    }
}

/// The verdict on one criterion.
public enum Verdict: String, Sendable {
    /// The criterion is met.
    case satisfied
    /// The criterion is not met: a ground of refusal.
    case failed
    /// A fact or a piece is missing to tell.
    case undetermined
    /// A manual criterion no instructor has settled yet.
    case pending
    /// Met on declared facts that an instructor must still confirm.
    case awaitingConfirmation
    /// The requirement does not apply to this application ("sans objet").
    case notApplicable
}

public struct CriterionResult: Sendable {
    /// Index into `scheme.criteria`.
    public let index: Int
    public let verdict: Verdict
    /// The facts the verdict rests on (indices into `scheme.inputs`), in the order they were read.
    public let factsUsed: ArraySlice<Int>
    /// What is missing to settle this criterion.
    public let missing: [MissingItem]
    /// The instructor's note on a manual criterion.
    public let note: String?
}

/// The amount, step by step.
public struct AmountResult: Sendable {
    /// The value of each step in the scheme's written order; nil when it could not be computed.
    public let steps: [Value?]
    /// The result step before rounding.
    public let unrounded: DecimalNumber?
    /// The aid, rounded as the scheme says.
    public let final: DecimalNumber?
}

/// The months of a schedule, each with its steps.
public struct ScheduleResult: Sendable {
    public struct Month: Sendable {
        /// The first day of the month.
        public let month: LocalDate
        /// The value of each schedule step, in the scheme's written order.
        public let steps: [Value?]
        /// The month's aid, rounded.
        public let paid: DecimalNumber?
    }

    /// The months asked, when known.
    public let asked: Int?
    /// The most months the scheme pays, when it sets one.
    public let maxMonths: Int?
    public let months: [Month]
    /// The first month not paid because the schedule's stop condition held.
    public let stoppedAt: LocalDate?
    /// The sum of the months paid; nil while a month cannot be computed.
    public let total: DecimalNumber?
}

/// A fact to provide or a piece to produce.
public enum MissingItem: Hashable, Sendable {
    /// Index into `scheme.inputs`.
    case fact(Int)
    /// Id of a scheme piece.
    case piece(String)
    /// The decision under another scheme, which this one depends on and which is incomplete.
    case decision(String)
    /// A per-month fact given month by month, without these months of the schedule (index into
    /// `scheme.inputs`, first days of the months, in the order the schedule needed them).
    case months(Int, [LocalDate])
}

/// A failure on one application: of the rules (a division by zero, an overflow), or of a value
/// the rules cannot use (a birth date after the filing date). The batch goes on without it.
public struct EvaluationError: Error, Sendable, CustomStringConvertible {
    public internal(set) var message: String
    /// Where in the rules the failing expression is written.
    public let mark: SourceMark
    /// The input whose value is at fault, when the application is (index into `scheme.inputs`).
    public internal(set) var fact: Int? = nil
    /// Where that value is written in the application file, and its field path there.
    public internal(set) var factMark: SourceMark? = nil
    public internal(set) var factPath: String? = nil

    public var description: String { MessageKind.error.line(message, at: "\(factMark ?? mark)") }

    /// The same failure, saying in which criterion or step of the rules it happened.
    func within(_ place: String) -> EvaluationError {
        var located = self
        located.message = "\(place) : \(message)"
        return located
    }

    /// The same failure, pointing at the faulty fact in the application when it names one.
    func locating(in application: Application, inputIDs: [String]) -> EvaluationError {
        guard let fact, factMark == nil else { return self }
        var located = self
        located.factMark = application.mark(ofFact: fact)
        located.factPath = "facts.\(inputIDs[fact])"
        return located
    }

    /// A formula as quoted in a message, cut short when long.
    static func excerpt(_ formula: String) -> String {
        let line = formula.split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.count <= 80 ? line : String(line.prefix(79)) + "…"
    }

    static func overflow(at expression: Expression) -> EvaluationError {
        EvaluationError(message: "dépassement de capacité : le résultat est trop grand pour être calculé exactement "
                        + "(plus de 38 chiffres significatifs, ou un entier au-delà de ±9 223 372 036 854 775 807)", mark: expression.mark)
    }
}
