/// Where each entry's data lies in a ZIP archive, read from its central directory and local
/// headers. ZIPFoundation lists and checks the archive; this only finds the compressed bytes, so
/// that `ODTArchive` can inflate them with an input that ends where the entry ends: ZIPFoundation
/// 0.9.20's own extraction loops forever on a deflate stream cut short (a damaged file), which a
/// batch must refuse, not hang on.
enum ZIPLocations {
    /// The range of each entry's stored or compressed bytes, by path; nil when the archive's
    /// directory cannot be read (ZIP64 archives included: a template is never that large).
    static func dataRanges(in bytes: [UInt8]) -> [String: Range<Int>]? {
        guard let end = endOfCentralDirectory(in: bytes) else { return nil }
        let count = Int(uint16(bytes, end + 10))
        var position = Int(uint32(bytes, end + 16))
        var ranges: [String: Range<Int>] = [:]
        for _ in 0..<count {
            guard position + 46 <= bytes.count, uint32(bytes, position) == 0x0201_4B50 else { return nil }
            let compressedSize = Int(uint32(bytes, position + 20))
            let nameLength = Int(uint16(bytes, position + 28))
            let skipped = nameLength + Int(uint16(bytes, position + 30)) + Int(uint16(bytes, position + 32))
            let header = Int(uint32(bytes, position + 42))
            guard position + 46 + nameLength <= bytes.count, header + 30 <= bytes.count, uint32(bytes, header) == 0x0403_4B50 else { return nil }
            let name = String(decoding: bytes[(position + 46)..<(position + 46 + nameLength)], as: UTF8.self)
            let start = header + 30 + Int(uint16(bytes, header + 26)) + Int(uint16(bytes, header + 28))
            guard start + compressedSize <= bytes.count else { return nil }
            ranges[name] = start..<(start + compressedSize)
            position += 46 + skipped
        }
        return ranges
    }

    /// The end-of-central-directory record: the last of its signature within the 64 KiB a
    /// trailing comment may take.
    private static func endOfCentralDirectory(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 22 else { return nil }
        var index = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 65_535)
        while index >= lowest {
            if uint32(bytes, index) == 0x0605_4B50 { return index }
            index -= 1
        }
        return nil
    }

    private static func uint16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
        guard at + 2 <= bytes.count else { return 0 }
        return UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    private static func uint32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        guard at + 4 <= bytes.count else { return 0 }
        return UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
    }
}
