import ExactDecimal
import SchemeLanguage

/// The state of one application's evaluation: its facts, the steps computed so far, and the
/// trace of what was read and what was found missing.
struct EvaluationContext {
    let application: Application
    /// The day whose rules apply (`decision_date`): the decision date, or for a fiche or a
    /// simulation the day it is made.
    let referenceDate: LocalDate
    /// For each input, the index of the piece that establishes it, if any.
    private let inputPieces: [Int?]
    private let pieceIDs: [String]
    private let inputConfirm: [Bool]
    /// Parameter values, chosen once per application: on the reference date, or on the date the
    /// parameter names (computed when first needed, since that date may be a missing fact).
    private(set) var parameters: [Value?]
    private var parameterChosen: [Bool]
    private let parameterDates: [CompiledExpression?]
    private let parameterDefinitions: [Parameter]
    /// Values of the amount steps computed so far.
    var steps: [Value?]
    /// Values of the schedule's steps for the month being computed.
    var monthSteps: [Value?]
    /// The first day of the month being computed, inside the schedule.
    var month: LocalDate?
    /// What the schedule came to, for the amount steps.
    var scheduleTotal: Value?
    var scheduleMonths: Value?
    private let perMonth: [Bool]
    /// Evaluations of the schemes this one depends on, on the same application.
    private let dependencies: [String: Evaluation]
    private let register: any LimitReader
    private let plan: EvaluationPlan
    /// The limits read so far, each once.
    private(set) var limitResults: [LimitResult] = []
    /// Every input read, in order; a criterion's facts are a range of it.
    private(set) var trace: [Int] = []
    /// Where the current criterion's reads start in `trace`.
    private var traceStart = 0
    /// Facts and pieces found missing since `beginTrace()`.
    private(set) var missing: [MissingItem] = []
    /// Inputs read whose declared value awaits an instructor's confirmation, since `beginTrace()`.
    private(set) var unconfirmed: [Int] = []

    init(plan: EvaluationPlan, application: Application, referenceDate: LocalDate, dependencies: [String: Evaluation],
         register: any LimitReader) {
        self.application = application
        self.referenceDate = referenceDate
        self.dependencies = dependencies
        self.register = register
        self.plan = plan
        inputPieces = plan.inputPieces
        pieceIDs = plan.pieceIDs
        inputConfirm = plan.inputConfirm
        parameterDefinitions = plan.parameters
        parameterDates = plan.parameterDates
        // Each parameter is read through a buffer pointer, which lends it to `value(on:)`, where
        // the array's subscript made a copy of it (its versions, label and source retained, then
        // released). Sound: the pointer is used only inside the closure, while the plan holds the array.
        var parameters: [Value?] = []
        parameters.reserveCapacity(plan.parameters.count)
        plan.parameters.withUnsafeBufferPointer { definitions in
            for index in definitions.indices {
                parameters.append(plan.parameterDates[index] == nil ? definitions[index].value(on: referenceDate) : nil)
            }
        }
        self.parameters = parameters
        parameterChosen = plan.parameterDates.map { $0 == nil }
        steps = Array(repeating: nil, count: plan.stepCount)
        monthSteps = Array(repeating: nil, count: plan.schedule?.steps.count ?? 0)
        perMonth = plan.perMonth
        trace.reserveCapacity(2 * plan.inputIDs.count)
    }

    /// The value of a parameter in force on its date, or nil while that date is unknown. A
    /// parameter the text leaves without a value, and nothing has set, is an error naming it
    /// and saying where to set it: never a missing fact to ask the applicant for.
    mutating func parameter(_ index: Int, at expression: Expression) throws(EvaluationError) -> Value? {
        if parameterDefinitions[index].isUnset {
            throw EvaluationError(message: parameterDefinitions[index].unsetMessage(scheme: plan.schemeID), mark: expression.mark)
        }
        if parameterChosen[index] { return parameters[index] }
        guard let date = parameterDates[index], case .date(let day)? = try date(&self) else { return nil }
        let value = parameterDefinitions[index].value(on: day)
        parameters[index] = value
        parameterChosen[index] = true
        return value
    }

    func inputID(_ index: Int) -> String { plan.inputIDs[index] }

    /// Starts a new trace; returns where its reads begin in `trace`.
    mutating func beginTrace() -> Int {
        traceStart = trace.count
        missing.removeAll(keepingCapacity: true)
        unconfirmed.removeAll(keepingCapacity: true)
        return traceStart
    }

    mutating func read(_ index: Int) -> Value? {
        if !trace[traceStart...].contains(index) { trace.append(index) }
        guard let value = fact(index) else {
            // Given month by month but not for this month: that month is asked, not the whole fact.
            if perMonth[index], let month, application.monthlyFacts[index] != nil {
                noteMonth(index, month)
            } else {
                note(.fact(index))
            }
            return nil
        }
        // A fact whose piece is absent is not established; a "no" needs no proof.
        if let piece = inputPieces[index], !application.pieces.contains(piece), value != .boolean(false) {
            note(.piece(pieceIDs[piece]))
            return nil
        }
        if inputConfirm[index], !application.confirmed.contains(index), !unconfirmed.contains(index) {
            unconfirmed.append(index)
        }
        return value
    }

    /// A fact's value; for a per-month fact, its value for the month being computed, or the
    /// value given for every month.
    private func fact(_ index: Int) -> Value? {
        if perMonth[index], let month, let value = application.monthlyFacts[index]?[month] { return value }
        return application.facts[index]
    }

    /// Another scheme's outcome: a decision already taken (given in the application), else that
    /// scheme's evaluation on the same application. Incomplete there, it is missing here.
    mutating func outcome(of schemeID: String) -> Value? {
        let outcome = application.outcomes[schemeID] ?? dependencies[schemeID]?.outcome
        switch outcome {
        case .favorable?, .unfavorable?: return .enumeration(outcome!.rawValue)
        case .incomplete?, nil:
            note(.decision(schemeID))
            return nil
        case .toExamine?:
            // Nothing to ask the applicant: a person must settle the other decision first.
            return nil
        }
    }

    /// What earlier decisions count towards a limit, or nil while a key fact is missing.
    mutating func limit(_ index: Int, at expression: Expression) throws(EvaluationError) -> Value? {
        if let known = limitResults.first(where: { $0.index == index }) { return known.value }
        let limit = plan.limits[index]
        if let given = application.limitValues[limit.id] {
            limitResults.append(LimitResult(index: index, value: given, entries: []))
            return given
        }
        guard let key = limitKey(index) else { return nil }
        let entries: [LimitEntry]
        do {
            entries = try register.entries(scheme: plan.schemeID, limit: limit.id, key: key,
                                           before: (application.filed, application.id))
        } catch {
            throw EvaluationError(message: "le registre n'a pu être lu pour la limite « \(limit.id) » : \(error)", mark: expression.mark)
        }
        let value = try Self.measure(limit, entries, at: expression)
        limitResults.append(LimitResult(index: index, value: value, entries: entries))
        return value
    }

    /// The sum a limit reads, checked: an overflow must not leave the sum smaller than the truth.
    private static func measure(_ limit: Limit, _ entries: [LimitEntry], at expression: Expression) throws(EvaluationError) -> Value {
        switch limit.measure {
        case .amount:
            var total = DecimalNumber.zero
            for entry in entries {
                // A favourable decision recorded without an amount granted none.
                guard let amount = entry.amount else { continue }
                do throws(DecimalError) { total = try total.adding(amount) } catch { throw EvaluationError.overflow(at: expression) }
            }
            return .money(total)
        case .months:
            var total = 0
            for entry in entries {
                let (sum, overflow) = total.addingReportingOverflow(entry.months)
                guard !overflow else { throw EvaluationError.overflow(at: expression) }
                total = sum
            }
            return .integer(total)
        case .count:
            return .integer(entries.count)
        }
    }

    /// The key of a limit for this application: its `by` facts (read, so that a missing one is
    /// asked for) and the period of its filing date.
    mutating func limitKey(_ index: Int) -> LimitKey? {
        let limit = plan.limits[index]
        var parts: [LimitKey.Part] = []
        for input in limit.keys {
            guard let value = read(input) else { return nil }
            parts.append(LimitKey.Part(value: Self.keyText(value), personal: plan.personal[input]))
        }
        // « Par an » is the year of the award: the aid decided in a calendar year counts against
        // that year's cap, whenever it was filed.
        let period = limit.period == .calendarYear ? String(referenceDate.year) : "*"
        return LimitKey(parts: parts, period: period)
    }

    private static func keyText(_ value: Value) -> String {
        switch value {
        case .text(let text), .enumeration(let text): text
        case .integer(let integer): String(integer)
        case .date(let date): date.description
        case .boolean(let flag): flag ? "true" : "false"
        default: value.decimal?.description ?? ""
        }
    }

    func value(of builtin: Builtin) -> Value? {
        switch builtin {
        case .filingDate: .date(application.filed)
        case .decisionDate: .date(referenceDate)
        case .month: month.map(Value.date)
        case .monthEnd: month.map { .date($0.lastOfMonth) }
        case .scheduleTotal: scheduleTotal
        case .scheduleMonths: scheduleMonths
        }
    }

    private mutating func note(_ item: MissingItem) {
        if !missing.contains(item) { missing.append(item) }
    }

    /// One item per fact lists its missing months, so that a decision asks « apl pour 2020-12,
    /// 2021-01 » once. A month added to an item noted before an undecisive `and`/`or` is not
    /// forgotten with it: at worst one month more is asked.
    private mutating func noteMonth(_ index: Int, _ month: LocalDate) {
        for position in missing.indices {
            guard case .months(index, var months) = missing[position] else { continue }
            if !months.contains(month) {
                months.append(month)
                missing[position] = .months(index, months)
            }
            return
        }
        missing.append(.months(index, [month]))
    }

    /// How much has been noted so far, to forget what an undecisive side of `and`/`or` asked.
    var checkpoint: (missing: Int, unconfirmed: Int) { (missing.count, unconfirmed.count) }

    mutating func forget(from start: (missing: Int, unconfirmed: Int), to end: (missing: Int, unconfirmed: Int)) {
        missing.removeSubrange(start.missing..<end.missing)
        unconfirmed.removeSubrange(start.unconfirmed..<end.unconfirmed)
    }
}
