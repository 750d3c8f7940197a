/// A file written line by line through a buffer, that appears under its name only once
/// complete: until `commit()`, it lives under a temporary name in the same folder, created
/// as `OwnerOnlyFile` creates every file, and removed if the file is given up.
public final class StreamingFile {
    public let path: String
    private let temporary: String
    private var handle: UnsafeMutablePointer<FILE>?
    /// The first write error, with its reason, kept because `errno` will have moved on.
    private var failure: String?

    public init(path: String) throws(FileSystemError) {
        self.path = path
        let (descriptor, temporary) = try OwnerOnlyFile.createTemporary(beside: path)
        guard let handle = fdopen(descriptor, "w") else {
            let code = errno
            close(descriptor)
            unlink(temporary)
            throw .system(path, "écriture impossible", code)
        }
        self.temporary = temporary
        self.handle = handle
        setvbuf(handle, nil, _IOFBF, 1 << 16)
    }

    deinit {
        if let handle {
            fclose(handle)
            unlink(temporary)
        }
    }

    public func write(line: String) {
        write(text: line + "\n")
    }

    public func write(text: String) {
        guard let handle, failure == nil else { return }
        var text = text
        let written = text.withUTF8 { fwrite($0.baseAddress, 1, $0.count, handle) == $0.count }
        if !written { failure = systemReason(errno) }
    }

    /// Flushes, closes and gives the file its name.
    public func commit() throws(FileSystemError) {
        guard let handle else { return }
        self.handle = nil
        let closed = fclose(handle) == 0
        if !closed, failure == nil { failure = systemReason(errno) }
        if let failure {
            unlink(temporary)
            throw FileSystemError(path: path, reason: "écriture impossible : \(failure)")
        }
        try OwnerOnlyFile.moveIntoPlace(temporary, path)
    }
}
