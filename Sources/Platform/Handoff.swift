/// A bounded queue between two threads: the producer waits when `capacity` chunks are
/// waiting, the consumer when none is. Closing ends the stream; cancelling stops the producer.
///
/// Only `Sendable` elements cross: what one thread hands over, the other may use freely.
public final class Handoff<Element: Sendable>: @unchecked Sendable {
    // Every stored property below is read and written with `condition` locked.
    private let condition = Condition()
    private var chunks: [[Element]] = []
    private var closed = false
    private var cancelled = false
    private let capacity: Int

    public init(capacity: Int) {
        self.capacity = capacity
    }

    /// False once the consumer has cancelled: the producer should stop.
    @discardableResult
    public func put(_ chunk: [Element]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while chunks.count >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        chunks.append(chunk)
        condition.broadcast()
        return true
    }

    /// The next chunk, or nil once the producer has closed and everything was taken.
    public func take() -> [Element]? {
        condition.lock()
        defer { condition.unlock() }
        while chunks.isEmpty && !closed { condition.wait() }
        guard !chunks.isEmpty else { return nil }
        let chunk = chunks.removeFirst()
        condition.broadcast()
        return chunk
    }

    public func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    public func cancel() {
        condition.lock()
        cancelled = true
        chunks.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}
