import Evaluator
import Foundation
import RuleSet

/// Evaluators already warmed — their expressions compiled, their decoders built, once per scheme —
/// lent to one request at a time, since a `DocumentEvaluator` keeps caches that are not safe to
/// share. Building one costs more than evaluating an application with it.
final class EvaluatorPool: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [DocumentEvaluator] = []
    private let catalog: SchemeCatalog
    /// Enough for the threads that answer requests; more are built when needed, and dropped.
    private let kept: Int

    init(catalog: SchemeCatalog, kept: Int = 8) {
        self.catalog = catalog
        self.kept = kept
    }

    /// An evaluator for this request alone, given back with `giveBack` when it is over.
    func borrow() -> DocumentEvaluator {
        lock.withLock { idle.popLast() } ?? DocumentEvaluator(catalog: catalog)
    }

    func giveBack(_ evaluator: DocumentEvaluator) {
        lock.withLock { if idle.count < kept { idle.append(evaluator) } }
    }
}
