/// A regular file read at byte offsets the caller gives, without a stream position: a batch
/// reads each document again, in filing order, from where its first reading found it.
///
/// Opened with `RegularFile`'s checks (a pipe, a device or a folder is refused). Reading past
/// the end gives fewer bytes, or none.
public final class PositionedFile {
    public let path: String
    private let descriptor: Int32

    public init(path: String) throws(FileSystemError) {
        self.path = path
        descriptor = try RegularFile.openDescriptor(path)
    }

    deinit {
        close(descriptor)
    }

    /// Reads up to `buffer.count` bytes at `offset`; the number read, 0 at the end of the file.
    public func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws(FileSystemError) -> Int {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return 0 }
        let count = retryingOnInterrupt { pread(descriptor, base, buffer.count, off_t(offset)) }
        guard count >= 0 else { throw .system(path, "lecture impossible") }
        return count
    }
}
