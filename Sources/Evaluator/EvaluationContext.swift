import ExactDecimal
import SchemeLanguage

/// The state of one application's evaluation: its facts, the steps computed so far, and the
/// trace of what was read and what was found missing.
struct EvaluationContext {
    let application: Application
    /// For each input, the index of the piece that establishes it, if any.
    private let inputPieces: [Int?]
    private let pieceIDs: [String]
    private let inputConfirm: [Bool]
    /// Parameter values in force on the filing date, chosen once per application.
    let parameters: [Value?]
    /// Values of the amount steps computed so far.
    var steps: [Value?]
    /// Every input read, in order; a criterion's facts are a range of it.
    private(set) var trace: [Int] = []
    /// Where the current criterion's reads start in `trace`.
    private var traceStart = 0
    /// Facts and pieces found missing since `beginTrace()`.
    private(set) var missing: [MissingItem] = []
    /// Inputs read whose declared value awaits an instructor's confirmation, since `beginTrace()`.
    private(set) var unconfirmed: [Int] = []

    init(plan: EvaluationPlan, application: Application) {
        self.application = application
        inputPieces = plan.inputPieces
        pieceIDs = plan.pieceIDs
        inputConfirm = plan.inputConfirm
        parameters = plan.parameters.map { $0.value(on: application.filed) }
        steps = Array(repeating: nil, count: plan.stepCount)
        trace.reserveCapacity(2 * plan.inputIDs.count)
    }

    /// Starts a new trace; returns where its reads begin in `trace`.
    mutating func beginTrace() -> Int {
        traceStart = trace.count
        missing.removeAll(keepingCapacity: true)
        unconfirmed.removeAll(keepingCapacity: true)
        return traceStart
    }

    mutating func read(_ index: Int) -> Value? {
        if !trace[traceStart...].contains(index) { trace.append(index) }
        guard let value = application.facts[index] else {
            note(.fact(index))
            return nil
        }
        // A fact whose piece is absent is not established.
        if let piece = inputPieces[index], !application.pieces.contains(piece) {
            note(.piece(pieceIDs[piece]))
            return nil
        }
        if inputConfirm[index], !application.confirmed.contains(index), !unconfirmed.contains(index) {
            unconfirmed.append(index)
        }
        return value
    }

    private mutating func note(_ item: MissingItem) {
        if !missing.contains(item) { missing.append(item) }
    }

    /// How much has been noted so far, to forget what an undecisive side of `and`/`or` asked.
    var checkpoint: (missing: Int, unconfirmed: Int) { (missing.count, unconfirmed.count) }

    mutating func forget(from start: (missing: Int, unconfirmed: Int), to end: (missing: Int, unconfirmed: Int)) {
        missing.removeSubrange(start.missing..<end.missing)
        unconfirmed.removeSubrange(start.unconfirmed..<end.unconfirmed)
    }
}
