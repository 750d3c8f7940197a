import Decisions
import Evaluator
import ExactDecimal
import Foundation
import SchemeLanguage
import YAMLReader

/// Evaluates a portfolio under today's rules and under a reform, each with its own register
/// in memory, and adds up the differences. Documents are streamed: memory does not grow with
/// the portfolio, only the aggregates and the largest changes are kept.
public final class Simulation {
    public let reform: Reform
    public let base: SchemeCatalog
    public let reformed: SchemeCatalog

    public init(catalog: SchemeCatalog, reform: Reform) {
        self.reform = reform
        base = catalog
        reformed = SchemeCatalog(schemes: catalog.schemes.mapValues(reform.apply))
    }

    /// One document after today's rules: what the reform's run needs, or why it cannot run.
    private enum Stage {
        case evaluated(schemes: [String], decoded: DocumentEvaluator.Decoded, before: DocumentEvaluator.Evaluated, problems: [Diagnostic])
        case failed([Diagnostic])
        case interrupted
    }

    /// Runs the portfolio. `row` receives each application's line for the CSV; `problem` each
    /// document that could not be simulated, located; `progress` the count so far; `shouldStop`
    /// is asked between documents, for a clean interruption. The callbacks run on the calling
    /// thread.
    ///
    /// Two threads share the work, each run keeping its register in filing order: one reads,
    /// decodes and evaluates under today's rules; the calling thread evaluates under the reform
    /// and adds up. Chunks of documents pass between them through a short queue, so memory
    /// stays flat whatever the portfolio's size.
    public func run(paths: [String], row: (String) -> Void = { _ in }, problem: (Diagnostic) -> Void = { _ in },
                    progress: (Int) -> Void = { _ in }, shouldStop: @escaping @Sendable () -> Bool = { false }) -> SimulationSummary {
        let handoff = Handoff<Stage>(capacity: 4)
        let producer = Thread { [base] in
            Self.evaluateToday(paths: paths, catalog: base, into: handoff, shouldStop: shouldStop)
        }
        producer.stackSize = 8 << 20
        producer.start()
        var summary = SimulationSummary(reform: reform)
        let evaluator = DocumentEvaluator(catalog: reformed)
        let register = MemoryRegister()
        while let chunk = handoff.take() {
            for stage in chunk {
                switch stage {
                case .interrupted: summary.interrupted = true
                case .failed(let diagnostics):
                    summary.errors += 1
                    diagnostics.forEach(problem)
                case .evaluated(let schemes, let decoded, let before, let problems):
                    if !problems.isEmpty {
                        summary.errors += 1
                        problems.forEach(problem)
                    }
                    let after = evaluator.evaluate(decoded, register: register)
                    for id in schemes {
                        guard let old = before.evaluation(id), let new = after.evaluation(id) else { continue }
                        register.record(new)
                        summary.add(old, new, breakdown: reform.breakdown[id])
                        row(SimulationSummary.csvLine(old, new))
                    }
                }
            }
            progress(summary.applications)
        }
        return summary
    }

    /// The first thread: documents in order, each decoded and evaluated under today's rules.
    private static func evaluateToday(paths: [String], catalog: SchemeCatalog, into handoff: Handoff<Stage>,
                                      shouldStop: () -> Bool) {
        let evaluator = DocumentEvaluator(catalog: catalog)
        let register = MemoryRegister()
        var chunk: [Stage] = []
        chunk.reserveCapacity(chunkSize)
        func emit(_ stage: Stage) -> Bool {
            chunk.append(stage)
            guard chunk.count == chunkSize else { return true }
            defer { chunk.removeAll(keepingCapacity: true) }
            return handoff.put(chunk)
        }
        defer {
            if !chunk.isEmpty { handoff.put(chunk) }
            handoff.close()
        }
        for file in paths.flatMap({ Self.files($0, emit: emit) }) {
            let reader: YAMLDocumentReader
            do { reader = try YAMLDocumentReader(path: file) } catch {
                guard emit(.failed([Diagnostic(error)])) else { return }
                continue
            }
            while true {
                if shouldStop() {
                    _ = emit(.interrupted)
                    return
                }
                let document: YAMLNode
                do {
                    guard let next = try reader.nextDocument() else { break }
                    document = next
                } catch {
                    // A syntax error leaves the rest of the stream unreadable.
                    guard emit(.failed([Diagnostic(error)])) else { return }
                    break
                }
                guard emit(evaluateToday(document, evaluator: evaluator, register: register)) else { return }
            }
        }
    }

    private static let chunkSize = 256

    private static func files(_ path: String, emit: (Stage) -> Bool) -> [String] {
        switch YAMLFiles.list(path) {
        case .success(let found): return found
        case .failure(let diagnostic):
            _ = emit(.failed([diagnostic]))
            return []
        }
    }

    /// One document, a scheme's application or a household's file for a family; the schemes
    /// that could not read it are reported, the others simulated.
    private static func evaluateToday(_ document: YAMLNode, evaluator: DocumentEvaluator, register: MemoryRegister) -> Stage {
        let schemes: [String], decoded: DocumentEvaluator.Decoded
        if let family = Application.familyName(of: document) {
            schemes = evaluator.catalog.family(family).map(\.id)
            guard !schemes.isEmpty else { return .failed([Diagnostic("unknown family '\(family)'", at: document.mark, path: "family")]) }
            decoded = evaluator.decode(document, schemes: schemes, context: "family:\(family)", header: .family(family))
        } else {
            switch Application.schemeID(of: document) {
            case .failure(let diagnostic): return .failed([diagnostic])
            case .success(let id) where evaluator.catalog.schemes[id] == nil:
                return .failed([Diagnostic("unknown scheme '\(id)'", at: document.mark, path: "scheme")])
            case .success(let id):
                schemes = [id]
                decoded = evaluator.decode(document, schemes: evaluator.schemes(for: id), context: id, header: .scheme)
            }
        }
        let before = evaluator.evaluate(decoded, register: register)
        var problems: [Diagnostic] = []
        for id in schemes {
            guard let evaluation = before.evaluation(id) else {
                problems += before.errors(id) ?? [Diagnostic("the application could not be evaluated", at: document.mark)]
                continue
            }
            register.record(evaluation)
        }
        return .evaluated(schemes: schemes, decoded: decoded, before: before, problems: problems)
    }
}

/// What a simulation adds up, per scheme.
public struct SimulationSummary: Sendable {
    public struct Change: Sendable {
        public let application: String
        public let applicant: String
        public let before: DecimalNumber
        public let after: DecimalNumber
        public var difference: DecimalNumber { (try? after.subtracting(before)) ?? .zero }
    }

    public struct SchemeTotals: Sendable {
        public var applications = 0
        public var outcomesBefore: [Outcome: Int] = [:]
        public var outcomesAfter: [Outcome: Int] = [:]
        public var amountBefore = DecimalNumber.zero
        public var amountAfter = DecimalNumber.zero
        /// Amounts by the value of the reform's breakdown input.
        public var byGroup: [String: (before: DecimalNumber, after: DecimalNumber, count: Int)] = [:]
        /// How many applications fall in each band of change (see `bands`).
        public var distribution: [Int] = Array(repeating: 0, count: SimulationSummary.bands.count)
        public var winners: [Change] = []
        public var losers: [Change] = []
        public var envelope: DecimalNumber?

        public init() {}
    }

    /// Bands of change per application.
    public static let bands = [
        "baisse de plus de 10 000 €", "baisse de 1 000 à 10 000 €", "baisse jusqu'à 1 000 €", "inchangé",
        "hausse jusqu'à 1 000 €", "hausse de 1 000 à 10 000 €", "hausse de plus de 10 000 €",
    ]

    public let reform: Reform
    public var applications = 0
    public var errors = 0
    public var interrupted = false
    public var schemes: [String: SchemeTotals] = [:]
    static let kept = 10

    init(reform: Reform) {
        self.reform = reform
    }

    mutating func add(_ old: Evaluation, _ new: Evaluation, breakdown: String?) {
        applications += 1
        var totals = schemes[old.scheme.id] ?? SchemeTotals()
        totals.applications += 1
        totals.outcomesBefore[old.outcome, default: 0] += 1
        totals.outcomesAfter[new.outcome, default: 0] += 1
        let before = Self.granted(old), after = Self.granted(new)
        totals.amountBefore = (try? totals.amountBefore.adding(before)) ?? totals.amountBefore
        totals.amountAfter = (try? totals.amountAfter.adding(after)) ?? totals.amountAfter
        if let breakdown, let index = old.scheme.inputIndex(breakdown) {
            let group = old.application.facts[index].map(FrenchFormat.canonical) ?? "non renseigné"
            var entry = totals.byGroup[group] ?? (.zero, .zero, 0)
            entry.before = (try? entry.before.adding(before)) ?? entry.before
            entry.after = (try? entry.after.adding(after)) ?? entry.after
            entry.count += 1
            totals.byGroup[group] = entry
        }
        let change = Change(application: old.application.id, applicant: old.application.applicant.name, before: before, after: after)
        totals.distribution[Self.band(change.difference)] += 1
        Self.keep(change, in: &totals.winners, better: { $0.difference > $1.difference }, positive: true)
        Self.keep(change, in: &totals.losers, better: { $0.difference < $1.difference }, positive: false)
        totals.envelope = totals.envelope ?? Self.envelope(of: new)
        schemes[old.scheme.id] = totals
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

    /// Keeps the `kept` largest changes in one direction, ties by application id.
    private static func keep(_ change: Change, in list: inout [Change], better: (Change, Change) -> Bool, positive: Bool) {
        guard positive ? change.difference > .zero : change.difference < .zero else { return }
        list.append(change)
        list.sort { better($0, $1) || (!better($1, $0) && $0.application < $1.application) }
        if list.count > kept { list.removeLast() }
    }

    private static func envelope(of evaluation: Evaluation) -> DecimalNumber? {
        guard let selection = evaluation.scheme.selection, case .parameter(let index)? = selection.envelope?.node else { return nil }
        return evaluation.scheme.parameters[index].value(on: evaluation.application.filed)?.decimal
    }

    public static let csvHeader = "application,scheme,outcome_before,amount_before,outcome_after,amount_after,difference"

    static func csvLine(_ old: Evaluation, _ new: Evaluation) -> String {
        let before = granted(old), after = granted(new)
        let difference = (try? after.subtracting(before)) ?? .zero
        return [old.application.id, old.scheme.id, old.outcome.rawValue, FrenchFormat.moneyCanonical(before),
                new.outcome.rawValue, FrenchFormat.moneyCanonical(after), FrenchFormat.moneyCanonical(difference)]
            .map { $0.contains(",") || $0.contains("\"") ? "\"" + $0.replacing("\"", with: "\"\"") + "\"" : $0 }
            .joined(separator: ",")
    }
}
