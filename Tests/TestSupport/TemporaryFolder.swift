import Foundation
import Synchronization

/// A folder of its own for one test, removed with everything in it when the test is over, or
/// at the latest when the test process exits (a runner may end before releasing its suites).
public final class TemporaryFolder: Sendable {
    public let path: String

    public init(_ label: String = "test") throws {
        path = NSTemporaryDirectory() + "guichet-\(label)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        Leftovers.add(path)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
        Leftovers.remove(path)
    }

    /// The path of `name` inside the folder.
    public func file(_ name: String) -> String { "\(path)/\(name)" }
}

/// The folders still there, removed when the process exits.
private enum Leftovers {
    static let paths = Mutex<Set<String>>([])
    static let installed = Mutex(false)

    static func add(_ path: String) {
        paths.withLock { _ = $0.insert(path) }
        installed.withLock { done in
            guard !done else { return }
            done = true
            atexit { Leftovers.removeAll() }
        }
    }

    static func remove(_ path: String) {
        paths.withLock { _ = $0.remove(path) }
    }

    static func removeAll() {
        for path in paths.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: path) }
    }
}
