import Platform

/// Appends stored (uncompressed) entries to a ZIP archive held in memory, as each act adds its
/// `content.xml` and `meta.xml` to the template's base: local headers after the last entry, the
/// base's central directory copied, the new entries' records after it, then a new end record.
///
/// What an act's ODT needs and no more: no compression, no ZIP64 (an act's archive is a few tens
/// of kilobytes), names in ASCII, every entry dated 1 January 1980 like the base's. ZIPFoundation's
/// update mode, which it replaces, read the archive back and checksummed in Swift: a fifth of the
/// time of writing an act.
enum ZIPAppending {
    enum Failure: Error { case noEndRecord, tooLarge, compressedEntry }

    /// The DOS date of 1 January 1980, 00:00: `ODTArchive.fixedDate`.
    private static let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1
    /// Stored, version 1.0 of the format is enough to extract it.
    private static let versionNeeded: UInt16 = 10
    /// Made on UNIX, version 2.0 of the format: the external attributes carry the permissions.
    private static let versionMadeBy: UInt16 = 0x0314
    private static let permissions = UInt32(0o100644) << 16

    /// A stored entry to append, with its CRC-32.
    struct Stored {
        let path: String
        let bytes: [UInt8]
        let crc: UInt32

        init(path: String, bytes: [UInt8]) {
            self.init(path: path, bytes: bytes, crc: CRC32.checksum(bytes))
        }

        /// A part written with the CRCs of its fixed pieces, which its checksum need not read again.
        init(path: String, xml: PartXML) {
            self.init(path: path, bytes: xml.utf8, crc: xml.checksum)
        }

        private init(path: String, bytes: [UInt8], crc: UInt32) {
            self.path = path
            self.bytes = bytes
            self.crc = crc
        }
    }

    /// The entries, which must all be stored, appended to the archive `base`.
    static func appending(_ entries: [ODTArchive.Entry], to base: [UInt8]) throws -> [UInt8] {
        // Only stored parts: the template's base holds the compressed ones.
        guard entries.allSatisfy({ !$0.compressed }) else { throw Failure.compressedEntry }
        return try appending(entries.map { Stored(path: $0.path, bytes: $0.bytes) }, to: base)
    }

    static func appending(_ entries: [Stored], to base: [UInt8]) throws -> [UInt8] {
        let end = try endRecord(of: base)
        var archive: [UInt8] = []
        archive.reserveCapacity(base.count + entries.reduce(0) { $0 + $1.bytes.count + 2 * (46 + $1.path.utf8.count) })
        archive.append(contentsOf: base[..<end.directoryOffset])
        var records: [UInt8] = []
        for entry in entries {
            guard archive.count < Int(UInt32.max), entry.bytes.count < Int(UInt32.max) else { throw Failure.tooLarge }
            let name = Array(entry.path.utf8)
            let crc = entry.crc
            let offset = UInt32(archive.count)
            let size = UInt32(entry.bytes.count)
            archive.append(le32: 0x0403_4B50)
            archive.append(le16: versionNeeded)
            header(into: &archive, crc: crc, size: size, name: name)
            archive.append(contentsOf: name)
            archive.append(contentsOf: entry.bytes)
            records.append(le32: 0x0201_4B50)
            records.append(le16: versionMadeBy)
            records.append(le16: versionNeeded)
            header(into: &records, crc: crc, size: size, name: name)
            records.append(le16: 0)          // comment length
            records.append(le16: 0)          // disk number start
            records.append(le16: 0)          // internal attributes
            records.append(le32: permissions)
            records.append(le32: offset)
            records.append(contentsOf: name)
        }
        let directoryOffset = archive.count
        archive.append(contentsOf: base[end.directoryOffset..<(end.directoryOffset + end.directorySize)])
        archive.append(contentsOf: records)
        let directorySize = archive.count - directoryOffset
        let count = end.entries + entries.count
        guard count <= Int(UInt16.max), directoryOffset < Int(UInt32.max) else { throw Failure.tooLarge }
        archive.append(le32: 0x0605_4B50)
        archive.append(le16: 0)                  // this disk
        archive.append(le16: 0)                  // the disk where the directory starts
        archive.append(le16: UInt16(count))
        archive.append(le16: UInt16(count))
        archive.append(le32: UInt32(directorySize))
        archive.append(le32: UInt32(directoryOffset))
        archive.append(le16: 0)                  // comment length
        return archive
    }

    /// From flags to the extra field's length: the part local headers and central records share.
    private static func header(into bytes: inout [UInt8], crc: UInt32, size: UInt32, name: [UInt8]) {
        bytes.append(le16: 0)                    // flags
        bytes.append(le16: 0)                    // stored
        bytes.append(le16: 0)                    // time 00:00:00
        bytes.append(le16: dosDate)
        bytes.append(le32: crc)
        bytes.append(le32: size)                 // compressed size
        bytes.append(le32: size)                 // uncompressed size
        bytes.append(le16: UInt16(name.count))
        bytes.append(le16: 0)                    // extra field length
    }

    /// The base's end of central directory record, which `ODTArchive.write` ends with no comment.
    private static func endRecord(of base: [UInt8]) throws -> (entries: Int, directorySize: Int, directoryOffset: Int) {
        let start = base.count - 22
        guard start >= 0, base.le32(at: start) == 0x0605_4B50 else { throw Failure.noEndRecord }
        let entries = Int(base.le16(at: start + 10))
        let size = Int(base.le32(at: start + 12))
        let offset = Int(base.le32(at: start + 16))
        guard offset + size == start else { throw Failure.noEndRecord }
        return (entries, size, offset)
    }
}

private extension Array where Element == UInt8 {
    mutating func append(le16 value: UInt16) {
        append(UInt8(truncatingIfNeeded: value))
        append(UInt8(truncatingIfNeeded: value >> 8))
    }

    mutating func append(le32 value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    func le16(at index: Int) -> UInt16 { UInt16(self[index]) | UInt16(self[index + 1]) << 8 }

    func le32(at index: Int) -> UInt32 {
        UInt32(self[index]) | UInt32(self[index + 1]) << 8 | UInt32(self[index + 2]) << 16 | UInt32(self[index + 3]) << 24
    }
}
