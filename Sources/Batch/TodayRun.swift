import Foundation
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
/// Limits across applications need filing order. A portfolio of up to `sortingThreshold`
/// bytes is read whole and sorted, as a batch is; a larger one is streamed as it stands
/// (`guichet portfolio generate` writes in filing order), and each document filed before one
/// already evaluated is reported.
final class TodayRun {
    static let sortingThreshold = 64 << 20
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

    func run(paths: [String], shouldStop: () -> Bool) {
        defer {
            if !chunk.isEmpty, !cancelled { handoff.put(chunk) }
            handoff.close()
        }
        var files: [String] = []
        for path in paths {
            switch YAMLFiles.list(path) {
            case .success(let found): files += found
            case .failure(let diagnostic): emit(.failed([diagnostic]))
            }
        }
        let bytes = files.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
        if bytes <= Self.sortingThreshold {
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
        var pending: [Pending] = []
        let complete = forEachDocument(in: files, shouldStop: shouldStop) { document in
            if let decoded = decode(document) { pending.append(decoded) }
        }
        guard complete else { return }
        pending.sort(by: Pending.filingOrder)
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

    /// A decoded document waiting for its turn.
    private struct Pending {
        let schemes: [String]
        let decoded: DocumentEvaluator.Decoded
        let filed: LocalDate
        let id: String
        let mark: SourceMark

        static func filingOrder(_ a: Pending, _ b: Pending) -> Bool {
            if a.filed != b.filed { return a.filed < b.filed }
            if a.id != b.id { return a.id < b.id }
            return (a.mark.file, a.mark.line) < (b.mark.file, b.mark.line)
        }
    }

    /// Decodes a scheme's application or a household's file; reports and returns nil when it
    /// names no known scheme or family, reuses an id, or no scheme can read it.
    private func decode(_ document: YAMLNode) -> Pending? {
        let schemes: [String], decoded: DocumentEvaluator.Decoded, context: String
        if let family = Application.familyName(of: document) {
            schemes = evaluator.catalog.family(family).map(\.id)
            guard !schemes.isEmpty else { return fail(Diagnostic("unknown family '\(family)'", at: document.mark, path: "family")) }
            context = "family:\(family)"
            decoded = evaluator.decode(document, schemes: schemes, context: context, header: .family(family))
        } else {
            switch Application.schemeID(of: document) {
            case .failure(let diagnostic): return fail(diagnostic)
            case .success(let id) where evaluator.catalog.schemes[id] == nil:
                return fail(Diagnostic("unknown scheme '\(id)'", at: document.mark, path: "scheme"))
            case .success(let id):
                schemes = [id]
                context = id
                decoded = evaluator.decode(document, schemes: evaluator.schemes(for: id), context: id, header: .scheme)
            }
        }
        guard let application = schemes.lazy.compactMap({ decoded.application($0) }).first else {
            emit(.failed(schemes.flatMap { decoded.errors($0) ?? [] }))
            return nil
        }
        guard seenIDs.insert(Self.fingerprint("\(context)\u{1F}\(application.id)")).inserted else {
            return fail(Diagnostic("application id '\(application.id)' is used twice in the portfolio; give each application its own id", at: document.mark, path: "id"))
        }
        return Pending(schemes: schemes, decoded: decoded, filed: application.filed, id: application.id, mark: document.mark)
    }

    /// FNV-1a, 64 bits: the same on every run, unlike `Hasher`.
    private static func fingerprint(_ text: String) -> UInt64 {
        text.utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
    }

    private func fail(_ diagnostic: Diagnostic) -> Pending? {
        emit(.failed([diagnostic]))
        return nil
    }

    private func checkOrder(_ pending: Pending) {
        if let latest, (pending.filed, pending.id) < (latest.filed, latest.id) {
            disorders += 1
            let diagnostic = disorders > Self.reportedDisorders ? nil : Diagnostic(
                "filed on \(pending.filed), before an application already simulated (\(latest.id), \(latest.filed)); limits across applications are applied in the portfolio's order: give it sorted by filing date",
                at: pending.mark, path: "filed", severity: .warning)
            emit(.outOfOrder(diagnostic))
            return
        }
        latest = (pending.filed, pending.id)
    }

    private func evaluate(_ pending: Pending) -> SimulationStage {
        let before = evaluator.evaluate(pending.decoded, register: register)
        var problems: [Diagnostic] = []
        for id in pending.schemes {
            guard let evaluation = before.evaluation(id) else {
                problems += before.errors(id) ?? [Diagnostic("the application could not be evaluated", at: pending.mark)]
                continue
            }
            register.record(evaluation)
        }
        return .evaluated(schemes: pending.schemes, decoded: pending.decoded, before: before, problems: problems)
    }
}
