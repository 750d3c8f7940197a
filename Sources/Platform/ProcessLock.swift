/// An exclusive lock held by one process on a lock file (`flock`), with the holder's pid and
/// start time written inside, so that a process kept waiting can say who holds it. The lock
/// ends with the process, so a file left by a killed run stops no one.
///
/// Used for the output folder (`.guichet.lock`) and the register (`registre.sqlite.lock`).
public final class ProcessLock {
    /// Who holds a lock, as its file says.
    public struct Holder: Sendable, Equatable {
        public let pid: Int32
        /// Seconds since 1970 when the holder took the lock; nil in files older than this field.
        public let since: Int?

        /// Whether that process still runs (a pid written by a run since ended may have been
        /// given to another program: never suggest stopping it then).
        public var isRunning: Bool { kill(pid, 0) == 0 || errno == EPERM }
    }

    /// Why a lock could not be taken.
    public enum Failure: Error {
        /// Another process holds it (and says who, when its file could be read).
        case busy(Holder?)
        /// The lock file could not be opened (a link in its place, permissions…).
        case unusable(FileSystemError)
    }

    private let descriptor: Int32

    /// Takes the lock on `path` (created owner-only when missing, never through a link),
    /// waiting up to `timeout` for its holder to finish.
    public init(path: String, waiting timeout: Duration = .zero) throws(Failure) {
        let file = retryingOnInterrupt { open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600) }
        guard file >= 0 else {
            let code = errno
            let reason = code == ELOOP ? "c'est un lien symbolique" : systemReason(code)
            throw .unusable(FileSystemError(path: path, reason: "fichier de verrou inutilisable : \(reason)", code: code))
        }
        let deadline = ContinuousClock.now + timeout
        while flock(file, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            guard code == EWOULDBLOCK || code == EINTR, ContinuousClock.now < deadline else {
                let holder = Self.holder(in: file)
                close(file)
                if code == EWOULDBLOCK || code == EINTR { throw .busy(holder) }
                throw .unusable(.system(path, "verrouillage impossible", code))
            }
            usleep(20_000)
        }
        descriptor = file
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        write("pid=\(getpid())\nsince=\(now.tv_sec)\n")
    }

    deinit {
        // Emptied before unlocking: whoever reads it next finds no stale holder.
        _ = ftruncate(descriptor, 0)
        close(descriptor)
    }

    private func write(_ text: String) {
        guard ftruncate(descriptor, 0) == 0 else { return }
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }

    /// The holder a lock file names: `pid=…` and `since=…` lines, or a bare pid.
    static func holder(in file: Int32) -> Holder? {
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = buffer.withUnsafeMutableBytes { pread(file, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        var fields: [Substring: Substring] = [:]
        for line in String(decoding: buffer[..<count], as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { fields[parts[0]] = parts[1] } else { fields["pid"] = parts.first }
        }
        guard let pid = fields["pid"].flatMap({ Int32($0) }), pid > 0 else { return nil }
        return Holder(pid: pid, since: fields["since"].flatMap { Int($0) })
    }
}
