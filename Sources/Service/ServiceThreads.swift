import NIOCore
import NIOPosix

/// The threads that answer requests: NIO's event loops, on which Swift's tasks run too.
///
/// By default Hummingbird reads a request on an event loop, hands its handler to Swift's
/// concurrency pool, and comes back to write the answer: on two cores, with the client on the
/// same machine, those hops between four threads made the slowest answers, not the evaluation
/// (`Scripts/bench-serve`, 16 connections: p99 9,2 ms and 8 100 requests/s with the hops,
/// 4,4 ms and 11 700 requests/s with the tasks on the loops). Here the tasks run on the loops
/// themselves, one loop per core. Fewer loops shorten the tail at 16 connections a little more
/// but starve some of 256 (p99 0,6 s with one loop on two cores): a loop per core it is.
public enum ServiceThreads {
    /// The loops for this machine: one per core.
    public static var suggested: Int { System.coreCount }

    /// Sets the number of event loops and runs Swift's tasks on them. Call it once, on the main
    /// thread, before any task is started or any loop is used; false when the platform does
    /// not let tasks run on the loops (the service then runs as well, with the hops).
    @discardableResult
    public static func prepare(loops: Int) -> Bool {
        NIOSingletons.groupLoopCountSuggestion = max(1, loops)
        return NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }
}
