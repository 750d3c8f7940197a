import Evaluator
import ExactDecimal
import Imports
import Register
import SchemeLanguage

/// What a simulation adds up, per scheme.
public struct SimulationSummary: Sendable {
    public struct Change: Sendable {
        public let application: String
        public let applicant: String
        public let before: DecimalNumber
        public let after: DecimalNumber
        public let difference: DecimalNumber
        /// Why it changes, from its evaluations' traces (or its place in a call); `.none` when it does not.
        public var reason = ChangeReason.none
        /// For a call's project whose place changes, the reason of its own evaluations, if any.
        public var secondary: ChangeReason?
        /// The filing date: the day whose parameter values its reason quotes.
        public var filed: LocalDate?

        init(application: String, applicant: String, before: DecimalNumber, after: DecimalNumber) throws(DecimalError) {
            self.application = application
            self.applicant = applicant
            self.before = before
            self.after = after
            difference = try after.subtracting(before)
        }
    }

    /// The applications that change for one reason: how many, and their change in all.
    public struct ReasonTally: Sendable {
        public var count = 0
        public var difference = DecimalNumber.zero
    }

    public struct SchemeTotals: Sendable {
        public var applications = 0
        public var outcomesBefore: [Outcome: Int] = [:]
        public var outcomesAfter: [Outcome: Int] = [:]
        public var amountBefore = DecimalNumber.zero
        public var amountAfter = DecimalNumber.zero
        /// `amountAfter − amountBefore`, kept with checked arithmetic as the totals grow.
        public var difference = DecimalNumber.zero
        /// Amounts by the value of the reform's breakdown input, and their difference.
        public var byGroup: [String: GroupTotals] = [:]
        /// For a scheme the reform joins to the reference of communes: amounts by the commune's
        /// population band and by its arrondissement, by their French labels, with
        /// `unattachedLabel` for the applications of no commune of the reference.
        public var byBand: [String: GroupTotals] = [:]
        public var byTerritory: [String: GroupTotals] = [:]
        /// How many applications fall in each band of change (see `bands`).
        public var distribution: [Int] = Array(repeating: 0, count: SimulationSummary.bands.count)
        public var winners: [Change] = []
        public var losers: [Change] = []
        /// The exact sums of every gain and every loss (negative), not only of those kept.
        public var gained = DecimalNumber.zero
        public var lost = DecimalNumber.zero
        /// The changed applications grouped by what happens to them and why.
        public var reasons: [ChangeReason.Group: ReasonTally] = [:]
        /// The call's envelope under today's rules and under the reform, when the scheme has one.
        public var envelopeBefore: DecimalNumber?
        public var envelopeAfter: DecimalNumber?
        /// Whether each is a value made up to try the rules (`fictitious: true`).
        public var envelopeBeforeFictitious = false
        public var envelopeAfterFictitious = false
        /// The latest filing date of the scheme's applications, to tell a reform whose `from` comes after them all.
        public var lastFiled: LocalDate?
        /// How many applications the reform changes: their outcome, their place in a call or their amount.
        public var changed = 0
        /// For a call: its selection in each run.
        public var call: CallFigures?
        /// For an allocation, each part (`part: true`) summed over the establishments in each run.
        public var parts: [PartTotals] = []

        public init() {}
    }

    /// One part of an allocation, summed over the establishments, under today's rules and the reform.
    public struct PartTotals: Sendable {
        public let label: String
        public var before = DecimalNumber.zero
        public var after = DecimalNumber.zero
    }

    /// A call's selection in each run: the laureates, the waiting list, the envelope used, and
    /// the envelope that would fund every admissible project.
    public struct CallFigures: Sendable {
        public struct Run: Sendable {
            public var admissible = 0
            public var retained = 0
            public var waiting = 0
            /// Admissible, neither retained nor on a full waiting list.
            public var notRetained = 0
            public var used = DecimalNumber.zero
            /// The sum of the admissible projects' amounts: the envelope that would fund them all.
            public var needed = DecimalNumber.zero
            /// Why no selection could be made in this run (an envelope the text leaves unset),
            /// in French; the amounts then count every admissible project.
            public var unselected: String?

            public init() {}
        }

        public var before = Run()
        public var after = Run()

        public init() {}
    }

    /// Bands of change per application.
    public static let bands = [
        "baisse de plus de 10 000 €", "baisse de 1 000 à 10 000 €", "baisse jusqu'à 1 000 €", "inchangé",
        "hausse jusqu'à 1 000 €", "hausse de 1 000 à 10 000 €", "hausse de plus de 10 000 €",
    ]

    public let reform: Reform
    /// The reference of communes the reform's `commune:` breakdowns join, when one is loaded.
    public let communes: CommuneReference?
    public var applications = 0
    public var errors = 0
    public var interrupted = false
    /// Documents filed before one already simulated, in a portfolio too large to sort.
    public var outOfOrder = 0
    public var schemes: [String: SchemeTotals] = [:]
    static let kept = 10

    init(reform: Reform, communes: CommuneReference? = nil) {
        self.reform = reform
        self.communes = communes
    }

    /// One application of one scheme, under both runs: what the totals and the CSV need.
    struct Item {
        let scheme: String
        let application: String
        /// Empty while a call holds the project: its name is kept as bytes (`CallHold`,
        /// `NameStore`), and given back when the project is added up.
        var applicant: String
        let filed: LocalDate
        /// The value of the reform's breakdown input, canonical, when the reform names one.
        let group: String?
        let outcomeBefore: Outcome
        let outcomeAfter: Outcome
        /// The maître d'ouvrage's commune in the reference, as `BreakdownReader.commune(of:)`
        /// gives it; nil when the reform joins none. Two bytes, in the padding before `before`.
        let commune: UInt16?
        /// The amounts granted: a favourable decision's, or, for a call, a retained project's.
        var before: DecimalNumber
        /// Why its evaluations differ. Eight bytes declared here, where they take the padding
        /// after `before` (24 bytes aligned on 16): a held call project is no larger for them.
        var reason: ChangeReason
        var after: DecimalNumber
        /// For a call's admissible project, where the selection placed it in each run.
        var placementBefore: Placement?
        var placementAfter: Placement?
        /// For a call's admissible project, what its selection ranks it by in each run; the two
        /// runs share one array when the values are the same.
        var keysBefore: [Value?]?
        var keysAfter: [Value?]?

        init(_ old: Evaluation, _ new: Evaluation, breakdown: BreakdownReader?, reason: ChangeReason) {
            scheme = old.scheme.id
            application = old.application.id
            applicant = SimulationSummary.shownName(of: old.application.applicant)
            filed = old.application.filed
            group = breakdown?.group(of: old.application)
            commune = breakdown?.commune(of: old.application)
            outcomeBefore = old.outcome
            outcomeAfter = new.outcome
            before = SimulationSummary.granted(old)
            after = SimulationSummary.granted(new)
            self.reason = reason
        }
    }

    /// An allocation's parts (`part: true` steps), with their values in each run; empty for any
    /// other scheme. Not kept in `Item`, which a call holds by the million: an allocation is
    /// never held, and its parts are added at once.
    static func parts(_ old: Evaluation, _ new: Evaluation) -> [(label: String, before: DecimalNumber?, after: DecimalNumber?)] {
        guard old.scheme.kind == .allocation, let amount = old.scheme.amount else { return [] }
        return amount.partIndices.map { index in
            (amount.steps[index].label, old.amount?.steps[index]?.decimal, new.amount?.steps[index]?.decimal)
        }
    }

    /// Adds one application, its amounts as granted; returns its change, for the CSV. When an
    /// amount cannot be added exactly, nothing of the application is counted: the caller reports it.
    @discardableResult
    mutating func add(_ item: Item, parts: [(label: String, before: DecimalNumber?, after: DecimalNumber?)] = []) throws(DecimalError) -> Change {
        var totals = schemes[item.scheme] ?? SchemeTotals()
        let before = item.before, after = item.after
        var change = try Change(application: item.application, applicant: item.applicant, before: before, after: after)
        change.filed = item.filed
        totals.amountBefore = try totals.amountBefore.adding(before)
        totals.amountAfter = try totals.amountAfter.adding(after)
        totals.difference = try totals.difference.adding(change.difference)
        if !parts.isEmpty {
            var sums = totals.parts.isEmpty ? parts.map { PartTotals(label: $0.label) } : totals.parts
            for (index, part) in parts.enumerated() where index < sums.count {
                if let value = part.before { sums[index].before = try sums[index].before.adding(value) }
                if let value = part.after { sums[index].after = try sums[index].after.adding(value) }
            }
            totals.parts = sums
        }
        if let group = item.group { try totals.byGroup[group, default: GroupTotals()].add(change) }
        if let commune = item.commune { try addCommune(commune, change, to: &totals) }
        applications += 1
        totals.applications += 1
        totals.outcomesBefore[item.outcomeBefore, default: 0] += 1
        totals.outcomesAfter[item.outcomeAfter, default: 0] += 1
        totals.distribution[Self.band(change.difference)] += 1
        if totals.lastFiled.map({ $0 < item.filed }) ?? true { totals.lastFiled = item.filed }
        if change.difference > .zero { totals.gained = try totals.gained.adding(change.difference) }
        if change.difference < .zero { totals.lost = try totals.lost.adding(change.difference) }
        if let shift = Self.shift(item, change) {
            totals.changed += 1
            if item.outcomeBefore == item.outcomeAfter && item.placementBefore != item.placementAfter {
                change.reason = ChangeReason.selection(item.placementBefore, item.placementAfter)
                change.secondary = item.reason == .none ? nil : item.reason
            } else {
                change.reason = item.reason
            }
            let group = ChangeReason.Group(shift: shift, reason: change.reason)
            var tally = totals.reasons[group] ?? ReasonTally()
            tally.count += 1
            tally.difference = try tally.difference.adding(change.difference)
            totals.reasons[group] = tally
        }
        if change.difference > .zero { Self.keep(change, in: &totals.winners, before: { $0.difference > $1.difference }) }
        if change.difference < .zero { Self.keep(change, in: &totals.losers, before: { $0.difference < $1.difference }) }
        schemes[item.scheme] = totals
        return change
    }

    /// What happens to a changed application; nil for one that does not change.
    private static func shift(_ item: Item, _ change: Change) -> ChangeReason.Shift? {
        if item.outcomeBefore != item.outcomeAfter { return .outcome(item.outcomeBefore, item.outcomeAfter) }
        if item.placementBefore != item.placementAfter { return .placement(item.placementBefore, item.placementAfter) }
        return change.difference > .zero ? .more : change.difference < .zero ? .less : nil
    }

    /// Notes the call's envelope of each run, from the first application that has one; nothing
    /// for a scheme without a selection, which has no envelope.
    mutating func noteEnvelopes(_ old: Evaluation, _ new: Evaluation) {
        guard old.scheme.selection != nil || new.scheme.selection != nil else { return }
        var totals = schemes[old.scheme.id] ?? SchemeTotals()
        if totals.envelopeBefore == nil, let version = Self.envelope(of: old) {
            totals.envelopeBefore = version.value.decimal
            totals.envelopeBeforeFictitious = version.fictitious
        }
        if totals.envelopeAfter == nil, let version = Self.envelope(of: new) {
            totals.envelopeAfter = version.value.decimal
            totals.envelopeAfterFictitious = version.fictitious
        }
        schemes[old.scheme.id] = totals
    }

    /// What the reports call a natural person, in place of a name they never show.
    public static let naturalPerson = "personne physique"

    /// A legal person (a commune, an association) by its name; a natural person by no name at
    /// all: nothing the summary keeps, hence nothing a report shows, can name one.
    static func shownName(of applicant: Application.Applicant) -> String {
        applicant.isLegalPerson ? applicant.name : naturalPerson
    }

    /// Only favourable decisions grant an amount.
    static func granted(_ evaluation: Evaluation) -> DecimalNumber {
        evaluation.outcome == .favorable ? evaluation.amount?.final ?? .zero : .zero
    }

    private static func band(_ difference: DecimalNumber) -> Int {
        let thousand = DecimalNumber(1_000), tenThousand = DecimalNumber(10_000)
        if difference == .zero { return 3 }
        if difference < .zero {
            let loss = difference.negated()
            return loss > tenThousand ? 0 : loss > thousand ? 1 : 2
        }
        return difference > tenThousand ? 6 : difference > thousand ? 5 : 4
    }

    /// Keeps the `kept` largest changes in one direction, ties by application id, in order:
    /// most changes are not among them and leave after one comparison.
    private static func keep(_ change: Change, in list: inout [Change], before: (Change, Change) -> Bool) {
        func ranks(_ a: Change, _ b: Change) -> Bool { before(a, b) || (!before(b, a) && a.application < b.application) }
        if list.count == kept, let last = list.last, !ranks(change, last) { return }
        list.insert(change, at: list.firstIndex { ranks(change, $0) } ?? list.endIndex)
        if list.count > kept { list.removeLast() }
    }

    /// The envelope's version on the application's filing date; nil when the scheme has no
    /// envelope parameter, or it is unset.
    private static func envelope(of evaluation: Evaluation) -> Parameter.Version? {
        guard let selection = evaluation.scheme.selection, case .parameter(let index)? = selection.envelope?.node else { return nil }
        return evaluation.scheme.parameters[index].version(on: evaluation.application.filed)
    }
}
