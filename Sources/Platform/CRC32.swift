import CZlibChecksum

/// The CRC-32 of the ZIP format, by the system's zlib: a document's entries are checksummed
/// every time an act is written, and zlib's runs several times faster than a table in Swift.
public enum CRC32 {
    public static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { checksum($0) }
    }

    /// The CRC-32 of `crc`'s bytes followed by `bytes`: 0 for no bytes before.
    public static func checksum(_ bytes: UnsafeBufferPointer<UInt8>, continuing crc: UInt32 = 0) -> UInt32 {
        guard let base = bytes.baseAddress else { return crc }
        var crc = UInt(crc)
        var start = 0
        // zlib takes a 32-bit length: larger buffers go in slices.
        while start < bytes.count {
            let length = min(bytes.count - start, Int(UInt32.max))
            crc = CZlibChecksum.crc32(crc, base + start, UInt32(length))
            start += length
        }
        return UInt32(truncatingIfNeeded: crc)
    }
}
