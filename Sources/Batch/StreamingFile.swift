import Foundation

/// A file written line by line through a buffer, that appears under its name only once
/// complete: until `commit()`, it lives under a temporary name beside it.
public final class StreamingFile {
    public let path: String
    private let temporary: String
    private let handle: UnsafeMutablePointer<FILE>

    public init(path: String) throws {
        self.path = path
        temporary = "\(path).tmp-\(getpid())"
        guard let handle = fopen(temporary, "w") else {
            throw WriteError(path: path, reason: String(cString: strerror(errno)))
        }
        self.handle = handle
        setvbuf(handle, nil, _IOFBF, 1 << 16)
    }

    public func write(line: String) {
        write(text: line)
        fputc(0x0A, handle)
    }

    public func write(text: String) {
        var text = text
        text.withUTF8 { _ = fwrite($0.baseAddress, 1, $0.count, handle) }
    }

    /// Flushes, closes and gives the file its name.
    public func commit() throws {
        let failed = ferror(handle) != 0
        guard fclose(handle) == 0, !failed, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw WriteError(path: path, reason: reason)
        }
    }
}
