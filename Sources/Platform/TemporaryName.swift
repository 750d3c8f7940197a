import Synchronization

/// The names of the temporary files Guichet writes before renaming them into place.
///
/// A temporary name starts with `.guichet~tmp~`, which no output name can produce: application
/// ids start with a letter or a digit and never hold `~`. It carries the writer's process id, so
/// that a later run can tell the leftovers of a killed process from a file still being written,
/// and a random part, so that a name planted in advance is unlikely to be met (and, when met,
/// refused by the exclusive creation).
public enum TemporaryName {
    static let prefix = ".guichet~tmp~"

    /// A fresh temporary name for this process.
    static func make() -> String {
        let random = names.withLock { $0.next() }
        return ownPrefix + String(random, radix: 36)
    }

    /// `.guichet~tmp~PID~`: this process's names all start so.
    private static let ownPrefix = "\(prefix)\(getpid())~"

    /// The random parts: drawn from a generator seeded once from the system's randomness, so
    /// that a run writing four files an act asks the kernel once, not once a file, and names
    /// stay unknown to anyone who does not know the seed.
    private static let names: Mutex<SplitMix64> = {
        var system = SystemRandomNumberGenerator()
        return Mutex(SplitMix64(seed: system.next()))
    }()

    /// The process that wrote a temporary file, or nil when `name` is not one of ours.
    static func writer(of name: String) -> pid_t? {
        guard name.hasPrefix(prefix) else { return nil }
        let rest = name.dropFirst(prefix.count).split(separator: "~", omittingEmptySubsequences: false)
        guard rest.count == 2, !rest[1].isEmpty, rest[1].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
              let pid = pid_t(rest[0]), pid > 0 else { return nil }
        return pid
    }

    /// The folder part of a path (`.` for a bare name), where its temporary file goes: a rename
    /// is atomic only within one file system.
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : "\(folder)/\(name)"
    }
}
