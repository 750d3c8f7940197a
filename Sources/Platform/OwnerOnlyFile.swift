/// Files and folders that only their owner may read: decisions name young people and households,
/// the register holds who received what. Everything Guichet writes goes through here.
///
/// A file is created exclusively under a temporary name in its final folder, without following
/// links (`O_CREAT | O_EXCL | O_NOFOLLOW`, mode 0600), written whole, then renamed over its final
/// name: a reader never sees half a file, a program killed at any point leaves the old file or
/// the new one, and a link planted where the temporary file goes cannot redirect the write to
/// another file. Files are not flushed to disk one by one (that would cost a disk round trip per
/// decision): after a power cut, the file system's own journal decides what survives.
public enum OwnerOnlyFile {
    /// Writes `bytes` to `path` atomically, readable by its owner only.
    public static func write(_ bytes: [UInt8], to path: String) throws(FileSystemError) {
        try write(bytes, to: Place(folder: AT_FDCWD, name: path, shown: path))
    }

    /// Writes `text` to `path` as UTF-8, atomically, readable by its owner only: the string's
    /// own bytes are written, without a copy.
    public static func write(_ text: String, to path: String) throws(FileSystemError) {
        try write(text, to: Place(folder: AT_FDCWD, name: path, shown: path))
    }

    static func write(_ bytes: [UInt8], to place: Place) throws(FileSystemError) {
        var failure: FileSystemError?
        bytes.withUnsafeBytes { buffer in
            do throws(FileSystemError) { try write(buffer, to: place) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    static func write(_ text: String, to place: Place) throws(FileSystemError) {
        var text = text
        var failure: FileSystemError?
        text.withUTF8 { bytes in
            do throws(FileSystemError) { try write(UnsafeRawBufferPointer(bytes), to: place) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Where a file goes: a name relative to an open folder (`AT_FDCWD` for the working
    /// directory, or any name that is a path), and the path shown in errors. A run writing
    /// thousands of files in one folder opens it once (`OutputFolder`), saving the walk along
    /// the folder's path for each file, open and rename alike.
    struct Place {
        let folder: Int32
        let name: String
        let shown: String
    }

    private static func write(_ buffer: UnsafeRawBufferPointer, to place: Place) throws(FileSystemError) {
        let (descriptor, temporary) = try createTemporary(beside: place)
        let written = writeAll(descriptor, buffer)
        let code = errno
        close(descriptor)
        guard written else {
            unlinkat(place.folder, temporary, 0)
            throw .system(place.shown, "écriture impossible", code)
        }
        try moveIntoPlace(temporary, place)
    }

    /// Creates a new, empty temporary file in the folder of `path`; returns its descriptor and path.
    static func createTemporary(beside path: String, names: () -> String = TemporaryName.make) throws(FileSystemError) -> (Int32, String) {
        try createTemporary(beside: Place(folder: AT_FDCWD, name: path, shown: path), names: names)
    }

    /// Creates a new, empty temporary file in the folder of `place`; returns its descriptor and
    /// its name, relative to the same folder as `place.name`.
    static func createTemporary(beside place: Place, names: () -> String = TemporaryName.make) throws(FileSystemError) -> (Int32, String) {
        let folder = TemporaryName.folder(of: place.name)
        // A clash means a planted name or a random collision: another name settles either.
        for _ in 0..<16 {
            let temporary = TemporaryName.join(folder, names())
            let descriptor = retryingOnInterrupt { openat(place.folder, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600) }
            if descriptor >= 0 { return (descriptor, temporary) }
            guard errno == EEXIST || errno == ELOOP else { throw .system(place.shown, "création impossible") }
        }
        throw FileSystemError(path: place.shown, reason: "création impossible : le dossier contient déjà des fichiers temporaires à tous les noms essayés")
    }

    /// Gives a complete temporary file its final name.
    static func moveIntoPlace(_ temporary: String, _ path: String) throws(FileSystemError) {
        try moveIntoPlace(temporary, Place(folder: AT_FDCWD, name: path, shown: path))
    }

    private static func moveIntoPlace(_ temporary: String, _ place: Place) throws(FileSystemError) {
        guard renameat(place.folder, temporary, place.folder, place.name) == 0 else {
            let code = errno
            unlinkat(place.folder, temporary, 0)
            throw .system(place.shown, "écriture impossible", code)
        }
    }

    static func writeAll(_ descriptor: Int32, _ buffer: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < buffer.count {
            let count = retryingOnInterrupt { systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset) }
            guard count > 0 else { return false }
            offset += count
        }
        return true
    }

    /// Creates `path` and any missing parent, each new folder readable by its owner only.
    /// A folder that already exists keeps its permissions: sharing it is the owner's choice.
    public static func createFolder(_ path: String) throws(FileSystemError) {
        guard !path.isEmpty else { return }
        var status = stat()
        if lstat(path, &status) == 0 {
            if (status.st_mode & S_IFMT) == S_IFDIR { return }
            if (status.st_mode & S_IFMT) == S_IFLNK, stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR { return }
            throw FileSystemError(path: path, reason: "ce chemin existe et n'est pas un dossier ; choisissez un autre dossier")
        }
        let parent = TemporaryName.folder(of: path)
        if parent != path, parent != "." { try createFolder(parent) }
        guard mkdir(path, 0o700) == 0 || errno == EEXIST else {
            throw .system(path, "création du dossier impossible")
        }
    }
}
