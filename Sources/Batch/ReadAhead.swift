import Evaluator
import Foundation
import Platform
import RuleSet

/// The second reading (`SecondReading`) on a thread of its own, ahead of the decisions: while
/// the calling thread evaluates a document, writes its files and records it, this one reads and
/// decodes the next ones, in filing order, and hands them over in chunks. A batch reads its
/// documents twice so that its memory stays flat, without taking much longer for it.
///
/// The thread has its own `DocumentEvaluator`, for decoding only, and touches nothing of the
/// caller's: only `Prepared` values cross, through a `Handoff` of a few chunks, so that no more
/// than a thousand or so documents are held at once.
final class ReadAhead {
    private static let chunkSize = 256
    private let handoff = Handoff<Prepared>(capacity: 4)
    private var chunk: [Prepared] = []
    private var next = 0
    /// Used on the calling thread only, if ever.
    private var fallback = SecondReading()

    /// Starts reading the documents of `index` in its order, but for those at the positions
    /// `skipped` (which are not decided: their files would clash).
    init(_ index: FilingIndex, catalog: SchemeCatalog, skipping skipped: Set<Int>) {
        let handoff = handoff
        let reader = Thread {
            var reading = SecondReading()
            let evaluator = DocumentEvaluator(catalog: catalog)
            var chunk: [Prepared] = []
            chunk.reserveCapacity(Self.chunkSize)
            for position in 0..<index.count where !skipped.contains(position) {
                chunk.append(reading.document(at: position, in: index, with: evaluator))
                guard chunk.count == Self.chunkSize else { continue }
                guard handoff.put(chunk) else { return }
                chunk.removeAll(keepingCapacity: true)
            }
            if !chunk.isEmpty { handoff.put(chunk) }
            handoff.close()
        }
        reader.stackSize = 8 << 20
        reader.start()
    }

    /// Stops the thread, should the batch end before taking every document (the register failed).
    deinit {
        handoff.cancel()
    }

    /// The document at `position`, the next the thread read (positions are taken in order, the
    /// skipped ones aside). Read here should the thread have stopped short, which it does not.
    func document(at position: Int, in index: FilingIndex, with evaluator: DocumentEvaluator) -> Prepared {
        if next == chunk.count, let more = handoff.take() {
            chunk = more
            next = 0
        }
        guard next < chunk.count else { return fallback.document(at: position, in: index, with: evaluator) }
        next += 1
        return chunk[next - 1]
    }
}
