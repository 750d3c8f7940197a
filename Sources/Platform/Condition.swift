/// A mutex with a condition variable (POSIX threads), for the one place two threads wait on
/// each other: `Handoff`. Kept here rather than taken from Foundation, so that this module
/// depends on the C library alone.
final class Condition: @unchecked Sendable {
    // The mutex and the condition are only ever touched through pthread calls, which are
    // themselves thread-safe; they are allocated once so that their addresses never move.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let condition: UnsafeMutablePointer<pthread_cond_t>

    init() {
        mutex = .allocate(capacity: 1)
        condition = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
        condition.deallocate()
    }

    func lock() { pthread_mutex_lock(mutex) }
    func unlock() { pthread_mutex_unlock(mutex) }
    /// Waits for a broadcast; the caller holds the lock, and holds it again on return.
    func wait() { pthread_cond_wait(condition, mutex) }
    func broadcast() { pthread_cond_broadcast(condition) }
}
