import Foundation

/// The owner file beside the register (`registre.sqlite.lock`): the guichet process that writes
/// the register holds an exclusive `flock` on it for as long as it writes, and writes its pid and
/// the time it started in it. Another process kept waiting can then say who holds the register,
/// and a file left by a killed process holds no lock, so it stops no one.
final class RegisterLock: @unchecked Sendable {
    let register: String
    let timeout: Duration
    private var descriptor: Int32 = -1
    /// Nested holds by this process (a command that reserves the register, then its batch).
    private var depth = 0
    private let mutex = NSLock()

    var path: String { register + ".lock" }

    init(register: String, timeout: Duration) {
        self.register = register
        self.timeout = timeout
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    func holding<T>(_ body: () throws -> T) throws -> T {
        try acquire()
        defer { release() }
        return try body()
    }

    /// Waits up to `timeout` for the register, then says which process holds it.
    func acquire() throws {
        mutex.lock()
        defer { mutex.unlock() }
        if depth > 0 {
            depth += 1
            return
        }
        let file = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard file >= 0 else {
            let reason = errno == ELOOP ? "c'est un lien symbolique" : String(cString: strerror(errno))
            throw RegisterError("le fichier de verrou \(path) du registre ne peut pas être ouvert : \(reason)")
        }
        let deadline = ContinuousClock.now + timeout
        while flock(file, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, ContinuousClock.now < deadline else {
                let owner = Self.owner(in: file)
                close(file)
                throw RegisterError.busy(register, owner: owner)
            }
            usleep(20_000)
        }
        Self.describeOwner(in: file)
        descriptor = file
        depth = 1
    }

    func release() {
        mutex.lock()
        defer { mutex.unlock() }
        guard depth > 0 else { return }
        depth -= 1
        guard depth == 0 else { return }
        // Emptied before unlocking: whoever reads it next finds no stale owner.
        _ = ftruncate(descriptor, 0)
        close(descriptor)
        descriptor = -1
    }

    /// Who holds the register, as its owner file says: "pid 1234, depuis 10:42:07".
    struct Owner: Sendable {
        let pid: Int32
        let since: Date
    }

    private static func describeOwner(in file: Int32) {
        let text = "pid=\(getpid())\nsince=\(Int(Date().timeIntervalSince1970))\n"
        _ = ftruncate(file, 0)
        _ = text.utf8CString.withUnsafeBufferPointer { pwrite(file, $0.baseAddress, $0.count - 1, 0) }
    }

    private static func owner(in file: Int32) -> Owner? {
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = buffer.withUnsafeMutableBytes { pread(file, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        var fields: [Substring: Substring] = [:]
        for line in String(decoding: buffer[..<count], as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { fields[parts[0]] = parts[1] }
        }
        guard let pid = fields["pid"].flatMap({ Int32($0) }), let since = fields["since"].flatMap({ Double($0) }) else { return nil }
        return Owner(pid: pid, since: Date(timeIntervalSince1970: since))
    }
}
