/// Files created once where they stand, never renamed into place: the register's database,
/// which SQLite then opens by name, and its pseudonymisation key.
///
/// Both are created exclusively and without following links (`O_CREAT | O_EXCL | O_NOFOLLOW`,
/// mode 0600): a link planted at the path would otherwise make the key or the register land
/// elsewhere, and an existing key is never overwritten.
public enum FileInPlace {
    /// Creates `path` with `contents`, then flushes the file and its folder's entry to disk, so
    /// that it survives a power cut. Fails with `EEXIST` when anything is already there.
    public static func create(_ path: String, contents: [UInt8]) throws(FileSystemError) {
        let descriptor = retryingOnInterrupt { open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600) }
        guard descriptor >= 0 else { throw .system(path, "création impossible") }
        defer { close(descriptor) }
        let written = contents.withUnsafeBytes { OwnerOnlyFile.writeAll(descriptor, $0) }
        guard written, fsync(descriptor) == 0 else {
            // A partial key would read back as another key: leave none rather than half of one.
            let code = errno
            unlink(path)
            throw .system(path, "écriture impossible", code)
        }
        syncFolder(of: path)
    }

    /// Creates an empty `path` unless a file is already there. A link is followed only when it
    /// leads to an existing file: SQLite would follow a link to nowhere and create the
    /// database at its target, so that one fails with `ENOENT`.
    public static func createEmptyIfMissing(_ path: String) throws(FileSystemError) {
        let descriptor = retryingOnInterrupt { open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600) }
        if descriptor >= 0 {
            close(descriptor)
            return
        }
        guard errno == EEXIST else { throw .system(path, "création impossible") }
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw FileSystemError(path: path, reason: "lien symbolique vers un fichier absent", code: ENOENT)
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw FileSystemError(path: path, reason: "ce chemin n'est pas un fichier ordinaire (un dossier ?) : choisissez un autre chemin", code: EISDIR)
        }
    }

    /// The bytes of a small file, read without following a link (`ELOOP` when it is one), or
    /// nil when there is no file.
    public static func read(_ path: String) throws(FileSystemError) -> [UInt8]? {
        let descriptor = retryingOnInterrupt { open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC) }
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw .system(path, "lecture impossible")
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = retryingOnInterrupt { buffer.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress!, $0.count) } }
            guard count >= 0 else { throw .system(path, "lecture impossible") }
            if count == 0 { return bytes }
            bytes += buffer[..<count]
        }
    }

    private static func syncFolder(of path: String) {
        let descriptor = retryingOnInterrupt { open(TemporaryName.folder(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
