/// Opening files to read them, refusing anything but a regular file.
public enum RegularFile {
    /// Opens `path` for reading. A pipe, a device or a folder is refused before a byte is read:
    /// the file is opened without blocking and checked on its descriptor, so that a FIFO put
    /// where an application was expected cannot hang the program.
    public static func open(_ path: String) throws(FileSystemError) -> UnsafeMutablePointer<FILE> {
        let descriptor = try openDescriptor(path)
        guard let stream = fdopen(descriptor, "rb") else {
            let code = errno
            close(descriptor)
            throw .system(path, "lecture impossible", code)
        }
        return stream
    }

    /// Opens `path` for reading as `open` does, and gives the descriptor itself: for reading at
    /// given offsets (`PositionedFile`) rather than as a stream.
    static func openDescriptor(_ path: String) throws(FileSystemError) -> Int32 {
        let descriptor = retryingOnInterrupt { systemOpen(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY) }
        guard descriptor >= 0 else {
            throw .system(path, "lecture impossible", errno)
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let code = errno
            close(descriptor)
            throw .system(path, "lecture impossible", code)
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            let what = (status.st_mode & S_IFMT) == S_IFDIR ? "c'est un dossier" : "ce n'est pas un fichier ordinaire"
            throw FileSystemError(path: path, reason: "lecture impossible : \(what) ; donnez le chemin d'un fichier YAML")
        }
        return descriptor
    }
}

extension RegularFile {
    /// The whole content of the regular file at `path`.
    public static func read(_ path: String) throws(FileSystemError) -> [UInt8] {
        let stream = try open(path)
        defer { fclose(stream) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = fread(&buffer, 1, buffer.count, stream)
            if count > 0 { bytes.append(contentsOf: buffer[0..<count]) }
            guard count == buffer.count else { break }
        }
        guard ferror(stream) == 0 else { throw .system(path, "lecture impossible") }
        return bytes
    }

    /// Whether something (a file, a folder, a link that leads somewhere) is at `path`.
    public static func exists(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0
    }
}
