import ExactDecimal
import SchemeLanguage
import YAMLReader

/// Where an application stands after a call's selection.
public enum Placement: String, Sendable {
    case retained = "retenu"
    case waitingList = "liste d'attente"
    case notRetained = "non retenu"
}

/// The result of a call's selection: who is admissible, the ranking, the laureates, the
/// waiting list, the quotas left unfilled and the envelope used.
public struct SelectionResult: Sendable {
    /// An admissible application with the values it was ranked by.
    public struct Candidate: Sendable {
        public let evaluation: Evaluation
        public let category: String?
        public let ranking: [Value?]
        public let tieBreaks: [Value?]
        public let amount: DecimalNumber?
        /// Rank in the call, from 1.
        public let rank: Int
        /// Separated from the one ranked before it only by its reference.
        public let tiedByReference: Bool

        /// The same candidate with its evaluation at the sitting.
        func with(_ evaluation: Evaluation) -> Candidate {
            Candidate(evaluation: evaluation, category: category, ranking: ranking, tieBreaks: tieBreaks,
                      amount: evaluation.amount?.final, rank: rank, tiedByReference: tiedByReference)
        }
    }

    public struct Decision: Sendable {
        public let placement: Placement
        /// Why, in French, as the application's decision prints it.
        public let reason: String
        public let rank: Int?

        public init(placement: Placement, reason: String, rank: Int?) {
            self.placement = placement
            self.reason = reason
            self.rank = rank
        }
    }

    public let scheme: Scheme
    /// Admissible applications, best first.
    public let ranked: [Candidate]
    /// Applications refused or incomplete: not admissible.
    public let inadmissible: [Evaluation]
    /// Applications an instructor must still settle: not ranked until they are.
    public let pending: [Evaluation]
    /// Placement of every admissible application, by id.
    public let decisions: [String: Decision]
    /// Each quota with the laureates it received.
    public let quotas: [(category: String, quota: Int, retained: Int, admissible: Int)]
    public let envelope: DecimalNumber?
    /// Whether the envelope reads a value made up to try the rules (`fictitious: true`): the
    /// documents that show it say so.
    public let envelopeFictitious: Bool
    public let used: DecimalNumber
    /// What the envelope has left after the laureates, computed with checked arithmetic.
    public let left: DecimalNumber?

    public var retained: [Candidate] { ranked.filter { decisions[$0.evaluation.application.id]?.placement == .retained } }
    /// The candidatures not admissible whose refusal is put to the sitting with the laureates;
    /// an incomplete one waits for its pieces.
    public var rejected: [Evaluation] { inadmissible.filter { $0.outcome == .unfavorable } }
    public var waiting: [Candidate] { ranked.filter { decisions[$0.evaluation.application.id]?.placement == .waitingList } }
}

/// The sitting a call's laureates are proposed to: each candidate is evaluated again, in rank
/// order, counting what was proposed before it at the same sitting (a yearly cap shared by two
/// projects of one owner), and each one retained is proposed.
public protocol SittingLedger {
    /// The application evaluated again with the aid proposed before it at the sitting.
    func evaluate(_ evaluation: Evaluation) throws -> Evaluation
    /// Records that the application is proposed, with the amount of its evaluation.
    func propose(_ evaluation: Evaluation) throws
}

/// Ranks a call's admissible applications and retains laureates, as its `selection` says.
///
/// Ties are settled by the tie-breaks the scheme declares, and in the last resort by the
/// application's reference: the same applications in any order give the same result.
public struct CallSelector: Sendable {
    public let scheme: Scheme
    private let selection: Selection
    private let category: CompiledExpression?
    private let ranking: [CompiledExpression]
    private let tieBreaks: [CompiledExpression]
    private let envelope: CompiledExpression?
    private let plan: EvaluationPlan
    /// The direction of each ranking key, then of each tie-break.
    private let descending: [Bool]

    public init?(scheme: Scheme) {
        guard let selection = scheme.selection else { return nil }
        self.scheme = scheme
        self.selection = selection
        category = selection.category.map(ExpressionCompiler.compile)
        ranking = selection.ranking.map { ExpressionCompiler.compile($0.expression) }
        tieBreaks = selection.tieBreaks.map { ExpressionCompiler.compile($0.expression) }
        envelope = selection.envelope.map(ExpressionCompiler.compile)
        plan = EvaluationPlan(scheme)
        descending = (selection.ranking + selection.tieBreaks).map(\.descending)
    }

    /// With a `sitting`, each candidate is evaluated again in rank order before it is placed, and
    /// proposed when retained; its errors are thrown as they come.
    public func select(_ evaluations: [Evaluation], sitting: (any SittingLedger)? = nil) throws -> SelectionResult {
        try checkEnvelope()
        let byID = evaluations.sorted { $0.application.id < $1.application.id }
        let admissible = byID.filter { $0.outcome == .favorable }
        var candidates: [(evaluation: Evaluation, entry: Entry)] = []
        for evaluation in admissible { candidates.append((evaluation, try entry(evaluation))) }
        candidates.sort { precedes($0.entry.keys, $0.entry.id, $1.entry.keys, $1.entry.id) }
        var ranked: [SelectionResult.Candidate] = []
        ranked.reserveCapacity(candidates.count)
        for (position, candidate) in candidates.enumerated() {
            let tied = position > 0 && candidate.entry.keys.elementsEqual(candidates[position - 1].entry.keys, by: same)
            ranked.append(SelectionResult.Candidate(evaluation: candidate.evaluation, category: candidate.entry.category,
                                                    ranking: Array(candidate.entry.keys.prefix(ranking.count)),
                                                    tieBreaks: Array(candidate.entry.keys.dropFirst(ranking.count)),
                                                    amount: candidate.evaluation.amount?.final, rank: position + 1,
                                                    tiedByReference: tied))
        }
        let envelopeValue = try envelopeAmount(admissible.first)
        let fictitious = envelopeValue != nil && admissible.first.map(envelopeIsFictitious) == true
        var placement = try place(ranked, envelope: envelopeValue, fictitious: fictitious, sitting: sitting)
        ranked = placement.candidates
        // Applications that are not admissible take no part in the ranking, and say why.
        for evaluation in byID where evaluation.outcome == .unfavorable || evaluation.outcome == .incomplete {
            let reason = evaluation.outcome == .unfavorable
                ? "Non retenue : la candidature n'est pas admissible, pour les motifs exposés ci-dessous."
                : "Non retenue en l'état : la candidature est incomplète ; les éléments à produire sont listés ci-dessous."
            placement.decisions[evaluation.application.id] = .init(placement: .notRetained, reason: reason, rank: nil)
        }
        let quotas = selection.quotas.map { quota in
            (quota.category, quota.count,
             ranked.filter { $0.category == quota.category && placement.decisions[$0.evaluation.application.id]?.placement == .retained }.count,
             ranked.filter { $0.category == quota.category }.count)
        }
        return SelectionResult(scheme: scheme, ranked: ranked,
                               inadmissible: byID.filter { $0.outcome == .unfavorable || $0.outcome == .incomplete },
                               pending: byID.filter { $0.outcome == .toExamine }, decisions: placement.decisions,
                               quotas: quotas, envelope: envelopeValue, envelopeFictitious: fictitious, used: placement.used,
                               left: try envelopeValue.map { (envelope) throws(EvaluationError) in try checked(envelope.subtracting(placement.used)) })
    }

    // MARK: Compact selection, for simulations

    /// What the selection needs of one admissible application, and nothing more: a simulation
    /// of a million applications keeps this, not the whole evaluation.
    public struct Entry: Sendable {
        public let id: String
        public let category: String?
        /// The ranking values, then the tie-breaks.
        public let keys: [Value?]
        public let amount: DecimalNumber?

        public init(id: String, category: String?, keys: [Value?], amount: DecimalNumber?) {
            self.id = id
            self.category = category
            self.keys = keys
            self.amount = amount
        }
    }

    /// How the compact selection placed its entries, in the order given.
    public struct Placements: Sendable {
        public let placements: [Placement]
        public let retained: Int
        public let waiting: Int
        /// Admissible but neither retained nor on the waiting list (a full waiting list).
        public let notRetained: Int
        /// The amounts of the retained entries, added up.
        public let used: DecimalNumber
    }

    /// The entry of an admissible (favourable) application.
    public func entry(_ evaluation: Evaluation) throws -> Entry {
        var context = EvaluationContext(plan: plan, application: evaluation.application, referenceDate: evaluation.referenceDate,
                                        dependencies: evaluation.dependencies, register: EmptyRegister())
        let category: String? = if case .enumeration(let value)? = try self.category?(&context) { value } else { nil }
        var keys: [Value?] = []
        keys.reserveCapacity(ranking.count + tieBreaks.count)
        for key in ranking + tieBreaks { keys.append(try key(&context)) }
        return Entry(id: evaluation.application.id, category: category, keys: keys, amount: evaluation.amount?.final)
    }

    /// The envelope as the selection reads it for an application, and whether it is fictitious;
    /// nil when the call has no envelope.
    public func envelope(for evaluation: Evaluation) throws -> (amount: DecimalNumber, fictitious: Bool)? {
        guard let amount = try envelopeAmount(evaluation) else { return nil }
        return (amount, envelopeIsFictitious(evaluation))
    }

    /// Ranks the entries and places them as `select` does, without a sitting: within the number
    /// of laureates, the quotas and the envelope, then on the waiting list, then out.
    public func place(_ entries: [Entry], envelope: DecimalNumber?) throws -> Placements {
        try place(count: entries.count, entry: { entries[$0] }, envelope: envelope)
    }

    /// The same, each entry made when it is needed from its position, `0..<count`: a simulation
    /// of a million projects builds no array of them.
    public func place(count: Int, entry: (Int) -> Entry, envelope: DecimalNumber?) throws -> Placements {
        let order = (0..<count).sorted { a, b in
            let left = entry(a), right = entry(b)
            return precedes(left.keys, left.id, right.keys, right.id)
        }
        var placements = Array(repeating: Placement.notRetained, count: count)
        var tally = Tally(selection: selection, envelope: envelope)
        var notRetained = 0
        for index in order {
            let entry = entry(index)
            if tally.obstacle(category: entry.category, amount: entry.amount) != nil {
                if tally.enterWaitingList() { placements[index] = .waitingList } else { notRetained += 1 }
                continue
            }
            try tally.retain(category: entry.category, amount: entry.amount, checked: checked)
            placements[index] = .retained
        }
        return Placements(placements: placements, retained: tally.retained, waiting: tally.waiting, notRetained: notRetained, used: tally.used)
    }

    /// Refuses a call whose envelope the text leaves without a value, before anything is ranked:
    /// the error names the parameter and where to set it.
    public func checkEnvelope() throws(EvaluationError) {
        guard let expression = selection.envelope else { return }
        for index in expression.parameterIndices where scheme.parameters[index].isUnset {
            throw EvaluationError(message: "l'enveloppe de l'appel n'est pas fixée, aucune sélection n'est faite sans elle : "
                                  + scheme.parameters[index].unsetMessage(scheme: scheme.id), mark: expression.mark)
        }
    }

    /// Whether a parameter the envelope reads has, on the evaluation's date, a made-up value.
    private func envelopeIsFictitious(_ evaluation: Evaluation) -> Bool {
        (selection.envelope?.parameterIndices ?? []).contains { index in
            scheme.parameters[index].isFictitious(on: evaluation.referenceDate)
        }
    }

    private func envelopeAmount(_ any: Evaluation?) throws(EvaluationError) -> DecimalNumber? {
        guard let envelope, let any else { return nil }
        var context = EvaluationContext(plan: plan, application: any.application, referenceDate: any.referenceDate,
                                        dependencies: [:], register: EmptyRegister())
        return try envelope(&context)?.decimal
    }

    /// Retains in rank order: within the number of laureates, the quota of the category and
    /// what is left of the envelope; the others go to the waiting list, then out.
    /// At a sitting, each candidate is evaluated again when its turn comes, so that it sees
    /// exactly the aid proposed before it; the candidates are returned as placed.
    private func place(_ ranked: [SelectionResult.Candidate], envelope: DecimalNumber?, fictitious: Bool, sitting: (any SittingLedger)?) throws
        -> (decisions: [String: SelectionResult.Decision], used: DecimalNumber, candidates: [SelectionResult.Candidate]) {
        var placed: [SelectionResult.Candidate] = []
        var decisions: [String: SelectionResult.Decision] = [:]
        var tally = Tally(selection: selection, envelope: envelope)
        for original in ranked {
            let candidate = try sitting.map { original.with(try $0.evaluate(original.evaluation)) } ?? original
            placed.append(candidate)
            let id = candidate.evaluation.application.id
            guard candidate.evaluation.outcome == .favorable else {
                let reason = "Non retenue : avec les aides proposées avant elle à la même séance, elle n'est plus éligible "
                    + "(\(candidate.evaluation.outcome.rawValue)) ; les motifs sont exposés ci-dessous."
                decisions[id] = .init(placement: .notRetained, reason: reason, rank: candidate.rank)
                continue
            }
            if let obstacle = tally.obstacle(category: candidate.category, amount: candidate.amount) {
                let reason = try obstacle.reason(fictitious: fictitious, checked: checked)
                let onList = tally.enterWaitingList()
                decisions[id] = .init(placement: onList ? .waitingList : .notRetained,
                                      reason: onList ? "Inscrite en liste d'attente, au rang \(tally.waiting) : \(reason)." : "Non retenue : \(reason), et la liste d'attente est complète.",
                                      rank: candidate.rank)
                continue
            }
            try tally.retain(category: candidate.category, amount: candidate.amount, checked: checked)
            try sitting?.propose(candidate.evaluation)
            decisions[id] = .init(placement: .retained, reason: "Retenue au rang \(candidate.rank) du classement.", rank: candidate.rank)
        }
        return (decisions, tally.used, placed)
    }

    /// Whether an amount fits in what the envelope has left. A sum too large to compute
    /// certainly exceeds any envelope: it does not fit.
    static func fits(_ amount: DecimalNumber, after used: DecimalNumber, in envelope: DecimalNumber) -> Bool {
        do throws(DecimalError) {
            return try used.adding(amount) <= envelope
        } catch {
            return false
        }
    }

    /// The envelope's sums, checked: without an envelope, the amounts retained still add up.
    private func checked(_ operation: @autoclosure () throws(DecimalError) -> DecimalNumber) throws(EvaluationError) -> DecimalNumber {
        do throws(DecimalError) {
            return try operation()
        } catch {
            let mark = selection.envelope?.mark ?? SourceMark(file: scheme.file, line: 1, column: 1)
            throw EvaluationError(message: "dépassement de capacité : la somme des aides retenues est trop grande pour être calculée exactement", mark: mark)
        }
    }

    /// Whether the application with the keys `left` (ranking values, then tie-breaks) and the
    /// reference `a` ranks before the other.
    private func precedes(_ left: [Value?], _ a: String, _ right: [Value?], _ b: String) -> Bool {
        for (index, descending) in descending.enumerated() {
            // An unknown value ranks after every known one, whatever the direction.
            if (left[index] == nil) != (right[index] == nil) { return left[index] != nil }
            let order = compare(left[index], right[index])
            if order != 0 { return descending ? order > 0 : order < 0 }
        }
        // The last resort, stated in the report: the reference, never the order of the files.
        return a < b
    }

    /// -1, 0, 1; an unknown value ranks after every known one.
    private func compare(_ a: Value?, _ b: Value?) -> Int {
        switch (a, b) {
        case (nil, nil): return 0
        case (nil, _): return -1
        case (_, nil): return 1
        case (.boolean(let x)?, .boolean(let y)?): return x == y ? 0 : (x ? 1 : -1)
        case (.date(let x)?, .date(let y)?): return x == y ? 0 : (x < y ? -1 : 1)
        case (let x?, let y?):
            guard let p = x.decimal, let q = y.decimal else { return 0 }
            return p == q ? 0 : (p < q ? -1 : 1)
        }
    }

    private func same(_ a: Value?, _ b: Value?) -> Bool { compare(a, b) == 0 }
}

/// What a call's placement has used so far, and what stops the next candidate: the rule of
/// the quotas, the number of laureates and the envelope, written once for the full selection
/// and the compact one of simulations.
private struct Tally {
    /// Why a candidate cannot be retained.
    enum Obstacle {
        case quota(Int)
        case laureates(Int)
        case envelope(DecimalNumber, used: DecimalNumber)

        /// The reason as the application's decision prints it.
        func reason(fictitious: Bool,
                    checked: (@autoclosure () throws(DecimalError) -> DecimalNumber) throws(EvaluationError) -> DecimalNumber) throws(EvaluationError) -> String {
            switch self {
            case .quota(let quota): return "le quota de la catégorie (\(quota)) est pourvu par une candidature mieux classée"
            case .laureates(let laureates): return "les \(laureates) places de lauréat sont pourvues par des candidatures mieux classées"
            case .envelope(let envelope, let used):
                let left = try checked(try envelope.subtracting(used))
                let made = fictitious ? ", sur une enveloppe fictive, pour les essais" : ""
                return "l'enveloppe restante (\(FrenchFormat.money(left))\(made)) ne permet pas de financer l'aide demandée"
            }
        }
    }

    let selection: Selection
    let envelope: DecimalNumber?
    private(set) var retained = 0
    private(set) var waiting = 0
    private(set) var used = DecimalNumber.zero
    private var perCategory: [String: Int] = [:]

    init(selection: Selection, envelope: DecimalNumber?) {
        self.selection = selection
        self.envelope = envelope
    }

    /// What stops a candidate of this category and amount, checked in this order; nil when it
    /// can be retained.
    func obstacle(category: String?, amount: DecimalNumber?) -> Obstacle? {
        if let category, let quota = selection.quotas.first(where: { $0.category == category })?.count,
           perCategory[category, default: 0] >= quota {
            return .quota(quota)
        }
        if let laureates = selection.laureates, retained >= laureates { return .laureates(laureates) }
        if let envelope, let amount, !CallSelector.fits(amount, after: used, in: envelope) { return .envelope(envelope, used: used) }
        return nil
    }

    /// Counts a candidate on the waiting list, when the list has room; false when it is full.
    mutating func enterWaitingList() -> Bool {
        guard selection.waitingList.map({ waiting < $0 }) ?? true else { return false }
        waiting += 1
        return true
    }

    mutating func retain(category: String?, amount: DecimalNumber?,
                         checked: (@autoclosure () throws(DecimalError) -> DecimalNumber) throws(EvaluationError) -> DecimalNumber) throws(EvaluationError) {
        retained += 1
        if let category { perCategory[category, default: 0] += 1 }
        if let amount { used = try checked(try used.adding(amount)) }
    }
}
