import Batch
import Evaluator
import Foundation
import Platform
import RuleSet
import SchemeLanguage
import YAMLReader

/// One document after today's rules: what the reform's run needs, or why it cannot run.
enum SimulationStage {
    case evaluated(schemes: [String], decoded: DocumentEvaluator.Decoded, before: DocumentEvaluator.Evaluated, problems: [Diagnostic])
    case failed([Diagnostic])
    /// Filed before a document already evaluated: limits across applications may be off.
    case outOfOrder(Diagnostic?)
    case interrupted
}

/// The first thread of a simulation: reads, decodes and evaluates each document under today's
/// rules, in filing order, and hands the results on in chunks.
///
/// Limits across applications need filing order. A portfolio of up to `sortingLimit`
/// bytes is read whole and sorted, as a batch is; a larger one is streamed as it stands
/// (`guichet portfolio generate` writes in filing order), and each document filed before one
/// already evaluated is reported.
final class TodayRun {
    private static let chunkSize = 256
    private static let reportedDisorders = 10

    private let evaluator: DocumentEvaluator
    private let register = MemoryRegister()
    private let handoff: Handoff<SimulationStage>
    private var chunk: [SimulationStage] = []
    /// Fingerprints of the ids seen, by scheme or family: a million of them fit in a few
    /// megabytes, where the ids themselves would take a hundred.
    private var seenIDs: Set<UInt64> = []
    private var latest: (filed: LocalDate, id: String)?
    private var disorders = 0
    private var cancelled = false

    init(catalog: SchemeCatalog, handoff: Handoff<SimulationStage>) {
        evaluator = DocumentEvaluator(catalog: catalog)
        self.handoff = handoff
        chunk.reserveCapacity(Self.chunkSize)
    }

    func run(paths: [String], sortingLimit: Int, shouldStop: () -> Bool) {
        defer {
            if !chunk.isEmpty, !cancelled { handoff.put(chunk) }
            handoff.close()
        }
        var files: [String] = []
        for path in paths {
            let (found, problems) = YAMLFiles.list(path)
            files += found
            for problem in problems { emit(.failed([problem])) }
        }
        let bytes = files.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
        if bytes <= sortingLimit {
            runSorted(files, shouldStop: shouldStop)
        } else {
            forEachDocument(in: files, shouldStop: shouldStop) { document in
                guard let pending = decode(document) else { return }
                checkOrder(pending)
                emit(evaluate(pending))
            }
        }
    }

    private func runSorted(_ files: [String], shouldStop: () -> Bool) {
        var pending: [PendingDocument] = []
        let complete = forEachDocument(in: files, shouldStop: shouldStop) { document in
            if let decoded = decode(document) { pending.append(decoded) }
        }
        guard complete else { return }
        pending.sort(by: PendingDocument.filingOrder)
        for item in pending {
            if shouldStop() {
                emit(.interrupted)
                return
            }
            emit(evaluate(item))
        }
    }

    /// Calls `body` with each document of each file; false when interrupted or cancelled.
    @discardableResult
    private func forEachDocument(in files: [String], shouldStop: () -> Bool, _ body: (YAMLNode) -> Void) -> Bool {
        for file in files {
            let reader: YAMLDocumentReader
            do { reader = try YAMLDocumentReader(path: file) } catch {
                emit(.failed([Diagnostic(error)]))
                continue
            }
            while !cancelled {
                if shouldStop() {
                    emit(.interrupted)
                    return false
                }
                do {
                    guard let document = try reader.nextDocument() else { break }
                    body(document)
                } catch {
                    // A syntax error leaves the rest of the stream unreadable.
                    emit(.failed([Diagnostic(error)]))
                    break
                }
            }
        }
        return !cancelled
    }

    private func emit(_ stage: SimulationStage) {
        guard !cancelled else { return }
        chunk.append(stage)
        guard chunk.count == Self.chunkSize else { return }
        cancelled = !handoff.put(chunk)
        chunk.removeAll(keepingCapacity: true)
    }

    // MARK: One document

    /// Decodes a document through the batch's own reading; reports and returns nil when it
    /// cannot be decided, or reuses an id.
    private func decode(_ document: YAMLNode) -> PendingDocument? {
        let pending: PendingDocument
        switch evaluator.prepare(document) {
        case .ready(let ready): pending = ready
        case .failed(let entry): return fail(entry.diagnostics)
        }
        guard seenIDs.insert(Self.fingerprint("\(pending.target ?? pending.family ?? "")\u{1F}\(pending.id)")).inserted else {
            return fail([Diagnostic("la référence « \(pending.id) » sert deux fois dans le portefeuille : donnez à chaque demande la sienne", at: pending.mark, path: "id")])
        }
        return pending
    }

    /// FNV-1a, 64 bits: the same on every run, unlike `Hasher`.
    private static func fingerprint(_ text: String) -> UInt64 {
        text.utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
    }

    private func fail(_ diagnostics: [Diagnostic]) -> PendingDocument? {
        emit(.failed(diagnostics))
        return nil
    }

    private func checkOrder(_ pending: PendingDocument) {
        if let latest, (pending.filed, pending.id) < (latest.filed, latest.id) {
            disorders += 1
            let diagnostic = disorders > Self.reportedDisorders ? nil : Diagnostic(
                "demande déposée le \(pending.filed.frenchLong), avant une demande déjà simulée (\(latest.id), déposée le \(latest.filed.frenchLong)) ; "
                    + "les plafonds entre demandes s'appliquent dans l'ordre du portefeuille : triez-le par date de dépôt",
                at: pending.mark, path: "filed", severity: .warning)
            emit(.outOfOrder(diagnostic))
            return
        }
        latest = (pending.filed, pending.id)
    }

    private func evaluate(_ pending: PendingDocument) -> SimulationStage {
        let before = evaluator.evaluate(pending.decoded, referenceDate: Simulation.decisionDate(filed: pending.filed), register: register)
        var problems: [Diagnostic] = []
        for id in pending.schemes {
            guard let evaluation = before.evaluation(id) else {
                problems += before.errors(id) ?? [Diagnostic("la demande n'a pu être évaluée", at: pending.mark)]
                continue
            }
            register.record(evaluation)
        }
        return .evaluated(schemes: pending.schemes, decoded: pending.decoded, before: before, problems: problems)
    }
}
