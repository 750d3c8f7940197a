import Evaluator
import ExactDecimal
import Foundation
import Imports
import Platform
import RuleSet
import SchemeLanguage
import YAMLReader

/// Evaluates a portfolio under today's rules and under a reform, each with its own register
/// in memory, and adds up the differences. Documents are streamed: only the aggregates and the
/// largest changes are kept, except for a call's admissible projects, held until the end for its
/// selection (`CallHold`: a few fields each, never the whole evaluation).
public final class Simulation {
    public let reform: Reform
    public let base: SchemeCatalog
    public let reformed: SchemeCatalog
    /// The reference of communes the reform's `commune:` breakdowns join, when one is loaded.
    public let communes: CommuneReference?
    private let readers: [String: BreakdownReader]

    /// Portfolios up to this many bytes are read whole and sorted in filing order; larger ones
    /// are streamed in the order given, and each application out of order is reported.
    public static let sortingLimit = 64 << 20

    /// The day each application of a portfolio is decided on: the day it was filed, under
    /// today's rules and under the reform alike. A portfolio is a stream of applications spread
    /// over a year, each decided as it comes in; a single decision date for all would apply
    /// one version of each dated parameter to the whole year, and a reform's `from` would then
    /// split nothing. On the filing date, a reform's `from` keeps meaning « for the applications
    /// from that day on », and the reports stay comparable from one run to the next.
    static func decisionDate(filed: LocalDate) -> LocalDate { filed }

    /// `communes`, the rules folder's reference of communes, is read only by a reform that
    /// declares `commune:` in its breakdowns; without it, those are not made.
    public init(catalog: SchemeCatalog, reform: Reform, communes: CommuneReference? = nil) {
        self.reform = reform
        base = catalog
        reformed = SchemeCatalog(schemes: catalog.schemes.mapValues(reform.apply))
        self.communes = reform.communes.isEmpty ? nil : communes
        readers = BreakdownReader.readers(reform, catalog: catalog.schemes, communes: self.communes)
    }

    /// Runs the portfolio. `row` receives each application's line for the CSV, in `csvFormat`; `problem` each
    /// document that could not be simulated, located; `progress` the count so far; `shouldStop`
    /// is asked between documents, for a clean interruption. The callbacks run on the calling
    /// thread.
    ///
    /// Two threads share the work, each run keeping its register in filing order: one reads,
    /// decodes and evaluates under today's rules; the calling thread evaluates under the reform
    /// and adds up. Chunks of documents pass between them through a short queue, so memory
    /// stays flat whatever the portfolio's size.
    public func run(paths: [String], row: (String) -> Void = { _ in }, problem: (Diagnostic) -> Void = { _ in },
                    progress: (Int) -> Void = { _ in }, shouldStop: @escaping @Sendable () -> Bool = { false },
                    sortingLimit: Int = Simulation.sortingLimit, csvFormat: SimulationCSV.Format = .rfc4180) -> SimulationSummary {
        let handoff = Handoff<SimulationStage>(capacity: 4)
        // Stops the first thread should this one ever leave the loop early.
        defer { handoff.cancel() }
        let producer = Thread { [base] in
            TodayRun(catalog: base, handoff: handoff).run(paths: paths, sortingLimit: sortingLimit, shouldStop: shouldStop)
        }
        producer.stackSize = 8 << 20
        producer.start()
        var summary = SimulationSummary(reform: reform, communes: communes)
        let evaluator = DocumentEvaluator(catalog: reformed)
        let register = MemoryRegister()
        let tracer = ReasonTracer(), reasons = ReasonTexts(base: base, reformed: reformed), communes = self.communes
        let line = { (item: SimulationSummary.Item, change: SimulationSummary.Change) in
            SimulationCSV.line(item, change, reason: reasons.text(scheme: item.scheme, change, filed: item.filed),
                             communes: communes, format: csvFormat)
        }
        // Calls are held until the end, for their selection; a call no run can select is not.
        var calls: [String: CallHold] = [:]
        for (id, scheme) in base.schemes {
            if let after = reformed.schemes[id], let hold = CallHold(before: scheme, after: after), hold.selects { calls[id] = hold }
        }
        while let chunk = handoff.take() {
            for stage in chunk {
                switch stage {
                case .interrupted: summary.interrupted = true
                case .outOfOrder(let diagnostic):
                    summary.outOfOrder += 1
                    diagnostic.map(problem)
                case .failed(let diagnostics):
                    summary.errors += 1
                    diagnostics.forEach(problem)
                case .evaluated(let schemes, let decoded, let before, let problems):
                    if !problems.isEmpty {
                        summary.errors += 1
                        problems.forEach(problem)
                    }
                    // Decoded, so filed: the guard only keeps a malformed stage from being decided on a made-up day.
                    guard let filed = decoded.filed else { continue }
                    let after = evaluator.evaluate(decoded, referenceDate: Self.decisionDate(filed: filed), register: register)
                    for id in schemes {
                        guard let old = before.evaluation(id) else { continue }
                        guard let new = after.evaluation(id) else {
                            // Today's rules decide it, the reform's cannot (an overflow, say).
                            summary.errors += 1
                            (after.errors(id) ?? []).forEach(problem)
                            continue
                        }
                        register.record(new)
                        let reason = tracer.reason(old, new)
                        summary.noteEnvelopes(old, new)
                        if let call = calls[id] {
                            do {
                                if try call.hold(old, new, breakdown: readers[id], reason: reason) { continue }
                            } catch let error as EvaluationError {
                                summary.errors += 1
                                problem(Diagnostic(error.message, at: error.mark))
                                continue
                            } catch {
                                summary.errors += 1
                                problem(Diagnostic("\(error)", at: old.application.mark))
                                continue
                            }
                        }
                        let item = SimulationSummary.Item(old, new, breakdown: readers[id], reason: reason)
                        guard let change = try? summary.add(item, parts: SimulationSummary.parts(old, new)) else {
                            summary.errors += 1
                            problem(Diagnostic("dépassement de capacité : les montants de la demande « \(old.application.id) » ne peuvent "
                                               + "s'ajouter exactement aux totaux de la simulation ; elle n'y est pas comptée", at: old.application.mark))
                            continue
                        }
                        row(line(item, change))
                    }
                }
            }
            progress(summary.applications)
        }
        for id in calls.keys.sorted() {
            let failed = calls[id]?.release(into: &summary, row: { row(line($0, $1)) }) ?? []
            for item in failed {
                summary.errors += 1
                problem(Diagnostic("dépassement de capacité : les montants de la demande « \(item.application) » ne peuvent "
                                   + "s'ajouter exactement aux totaux de la simulation ; elle n'y est pas comptée",
                                   at: SourceMark(file: base.schemes[id]?.file ?? id, line: 1, column: 1)))
            }
        }
        // A call no run can select says why, its admissible projects counted as granted.
        for (id, scheme) in base.schemes where calls[id] == nil && summary.schemes[id]?.call == nil {
            guard let after = reformed.schemes[id], let hold = CallHold(before: scheme, after: after), let totals = summary.schemes[id] else { continue }
            summary.schemes[id]?.call = hold.unselectedFigures(totals)
        }
        return summary
    }
}
