import Foundation

/// A file written line by line through a buffer, that appears under its name only once
/// complete: until `commit()`, it lives under a temporary name beside it, removed if the
/// file is given up.
public final class StreamingFile {
    public let path: String
    private let temporary: String
    private var handle: UnsafeMutablePointer<FILE>?
    /// The first write error, with its reason, kept because `errno` will have moved on.
    private var failure: String?

    public init(path: String) throws {
        self.path = path
        temporary = "\(path).tmp-\(getpid())"
        guard let handle = fopen(temporary, "w") else {
            throw WriteError(path: path, reason: String(cString: strerror(errno)))
        }
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
        if !written { failure = String(cString: strerror(errno)) }
    }

    /// Flushes, closes and gives the file its name.
    public func commit() throws {
        guard let handle else { return }
        self.handle = nil
        let closed = fclose(handle) == 0
        if !closed, failure == nil { failure = String(cString: strerror(errno)) }
        if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw WriteError(path: path, reason: failure)
        }
    }
}
