import Platform

/// The owner file beside the register (`registre.sqlite.lock`): the guichet process that writes
/// the register holds it for as long as it writes (see `ProcessLock`), so that another process
/// kept waiting can say who holds the register.
///
/// Holds nest: a command reserves the register for its whole run, then its batch takes it
/// again. The register is used from one thread, so the count needs no lock.
final class RegisterLock {
    let register: String
    let timeout: Duration
    private var held: ProcessLock?
    private var depth = 0

    var path: String { register + ".lock" }

    init(register: String, timeout: Duration) {
        self.register = register
        self.timeout = timeout
    }

    func holding<T>(_ body: () throws -> T) throws -> T {
        try acquire()
        defer { release() }
        return try body()
    }

    /// Waits up to `timeout` for the register, then says which process holds it.
    func acquire() throws {
        if depth == 0 {
            do {
                held = try ProcessLock(path: path, waiting: timeout)
            } catch {
                switch error {
                case .busy(let holder): throw RegisterError.busy(register, owner: holder)
                case .unusable(let problem):
                    throw RegisterError("le fichier de verrou \(path) du registre ne peut pas être ouvert : \(problem.reason)")
                }
            }
        }
        depth += 1
    }

    func release() {
        guard depth > 0 else { return }
        depth -= 1
        if depth == 0 { held = nil }
    }
}
