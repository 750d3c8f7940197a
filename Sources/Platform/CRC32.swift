import CZlibChecksum

/// The CRC-32 of the ZIP format, by the system's zlib: a document's entries are checksummed
/// every time an act is written, and zlib's runs several times faster than a table in Swift.
public enum CRC32 {
    public static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            var crc: UInt = 0
            var start = 0
            // zlib takes a 32-bit length: larger buffers go in slices.
            while start < buffer.count {
                let length = min(buffer.count - start, Int(UInt32.max))
                crc = CZlibChecksum.crc32(crc, buffer.baseAddress! + start, UInt32(length))
                start += length
            }
            return UInt32(truncatingIfNeeded: crc)
        }
    }
}
