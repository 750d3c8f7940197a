/// A folder Guichet writes its results into, held by one run at a time.
///
/// Opening it creates it owner-only when missing, then takes an exclusive lock (`flock` on
/// `.guichet.lock` inside it): a second run on the same folder is refused with the process
/// that holds it, rather than mixing its files with the first one's. Holding the lock, it
/// removes the temporary files that killed runs left behind: only files this program names
/// (see `TemporaryName`), owned by this user, whose writer is no longer running.
public final class OutputFolder {
    public let directory: String
    /// Held for the folder's lifetime: released when the run is over.
    private let lock: ProcessLock
    /// The folder, open: files are created and renamed relative to it, and so land in this
    /// folder even if its path is changed while the run writes.
    private let descriptor: Int32

    static let lockName = ".guichet.lock"

    public init(directory: String) throws(FileSystemError) {
        try OwnerOnlyFile.createFolder(directory)
        self.directory = directory
        lock = try Self.takeLock(in: directory)
        descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .system(directory, "ouverture du dossier impossible") }
        removeLeftovers()
    }

    deinit {
        close(descriptor)
    }

    /// The path of a file of this folder.
    public func path(_ name: String) -> String {
        TemporaryName.join(directory, name)
    }

    /// Writes `text` to the file `name` of this folder, atomically and owner-only.
    public func write(_ text: String, to name: String) throws(FileSystemError) {
        try OwnerOnlyFile.write(text, to: place(name))
    }

    /// Writes `bytes` to the file `name` of this folder, atomically and owner-only.
    public func write(_ bytes: [UInt8], to name: String) throws(FileSystemError) {
        try OwnerOnlyFile.write(bytes, to: place(name))
    }

    private func place(_ name: String) -> OwnerOnlyFile.Place {
        OwnerOnlyFile.Place(folder: descriptor, name: name, shown: path(name))
    }

    /// Removes the file `name` of this folder when there is one: a file an earlier run wrote
    /// that this run does not write again must not stay beside what it wrote.
    public func remove(_ name: String) throws(FileSystemError) {
        guard unlinkat(descriptor, name, 0) == 0 || errno == ENOENT else {
            throw .system(path(name), "suppression impossible")
        }
    }

    private static func takeLock(in directory: String) throws(FileSystemError) -> ProcessLock {
        do {
            return try ProcessLock(path: TemporaryName.join(directory, lockName))
        } catch {
            switch error {
            case .unusable(let problem): throw problem
            case .busy(let holder):
                let who = holder.flatMap { $0.isRunning ? "le processus guichet \($0.pid)" : nil } ?? "un autre processus guichet"
                throw FileSystemError(path: directory, reason: "ce dossier est déjà utilisé par \(who) ; attendez la fin de ce traitement, ou choisissez un autre dossier de sortie (--out)")
            }
        }
    }

    private func removeLeftovers() {
        guard case .success(let names) = FileListing.names(in: directory) else { return }
        for name in names {
            guard let writer = TemporaryName.writer(of: name), writer != getpid(),
                  !ProcessLock.Holder(pid: writer, since: nil).isRunning else { continue }
            var status = stat()
            guard fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0, (status.st_mode & S_IFMT) == S_IFREG,
                  status.st_uid == geteuid() else { continue }
            unlinkat(descriptor, name, 0)
        }
    }
}
