import Foundation
import SchemeLanguage
import Synchronization

/// Turns Ctrl-C into a request that long runs honour between applications, so that what has
/// been computed so far is still written out whole.
enum Interruption {
    private static let requested = Atomic<Bool>(false)

    /// Installs the handler; a second Ctrl-C ends the program at once.
    static func install() {
        signal(SIGINT) { _ in
            if Interruption.requested.exchange(true, ordering: .relaxed) { _exit(130) }
        }
    }

    static var isRequested: Bool { requested.load(ordering: .relaxed) }
}

/// Progress on standard error, only when it is a terminal: pipes and CI logs stay clean.
struct Progress {
    private let enabled = isatty(STDERR_FILENO) == 1
    private let label: String
    private let start = Date()

    init(_ label: String) { self.label = label }

    func update(_ count: Int) {
        guard enabled else { return }
        let rate = Double(count) / max(Date().timeIntervalSince(start), 0.001)
        Console.control("\r\(label) : \(FrenchFormat.count(count, "demande")) (\(FrenchFormat.count(Int(rate))) par seconde)\u{1B}[K")
    }

    func finish() {
        if enabled { Console.control("\r\u{1B}[K") }
    }
}
