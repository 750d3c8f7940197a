import Synchronization

/// How many runs of a costly kind may go at once (simulations): a run that finds them all taken
/// is refused at once rather than queued, so that a burst cannot hold the service.
final class Admission: Sendable {
    private let running = Mutex(0)
    let limit: Int

    init(limit: Int) {
        self.limit = limit
    }

    /// Takes a place if one is free.
    func enter() -> Bool {
        running.withLock { count in
            guard count < limit else { return false }
            count += 1
            return true
        }
    }

    func leave() {
        running.withLock { $0 -= 1 }
    }
}
