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

    /// The entries, which must all be stored, appended to the archive `base`.
    static func appending(_ entries: [ODTArchive.Entry], to base: [UInt8]) throws -> [UInt8] {
        // Only stored parts: the template's base holds the compressed ones.
        guard entries.allSatisfy({ !$0.compressed }) else { throw Failure.compressedEntry }
        var writer = try Writer(base: base, capacity: base.count + entries.reduce(0) { $0 + $1.bytes.count + 2 * (46 + $1.path.utf8.count) })
        for entry in entries { try writer.store(path: entry.path) { $0.raw(bytes: entry.bytes) } }
        return try writer.finish()
    }

    /// An archive being written: the base's entries, then stored entries whose bytes are written
    /// in place, after their local header (an act's content.xml is not built apart and then
    /// copied in), then the base's central directory, the new entries' records and a new end record.
    struct Writer {
        private let base: [UInt8]
        private let end: (entries: Int, directorySize: Int, directoryOffset: Int)
        /// The archive so far, with where the fixed XML whose CRC is known lies in it (`PartXML`).
        private var archive: PartXML
        /// The new entries' central directory records.
        private var records: [UInt8] = []
        private var added = 0

        /// - Parameter capacity: the bytes the whole archive will take, about: room reserved once.
        init(base: [UInt8], capacity: Int) throws {
            end = try endRecord(of: base)
            self.base = base
            archive = PartXML(capacity: capacity)
            archive.raw(bytes: base[..<end.directoryOffset])
        }

        /// Appends a stored entry at `path`, whose bytes `write` appends to the archive; its
        /// CRC-32 and size, known once they are written, are then written into its header.
        mutating func store(path: String, write: (inout PartXML) -> Void) throws {
            let offset = archive.utf8.count
            guard offset < Int(UInt32.max) else { throw Failure.tooLarge }
            let name = Array(path.utf8)
            var local: [UInt8] = []
            local.reserveCapacity(30 + name.count)
            local.append(le32: 0x0403_4B50)
            local.append(le16: versionNeeded)
            header(into: &local, crc: 0, size: 0, name: name)
            local.append(contentsOf: name)
            archive.raw(bytes: local)
            let start = archive.utf8.count
            write(&archive)
            guard archive.utf8.count - start < Int(UInt32.max) else { throw Failure.tooLarge }
            let size = UInt32(archive.utf8.count - start)
            let crc = archive.checksum(from: start)
            var sizes: [UInt8] = []
            sizes.reserveCapacity(12)
            sizes.append(le32: crc)
            sizes.append(le32: size)             // compressed size
            sizes.append(le32: size)             // uncompressed size
            archive.overwrite(at: offset + 14, with: sizes)
            records.append(le32: 0x0201_4B50)
            records.append(le16: versionMadeBy)
            records.append(le16: versionNeeded)
            header(into: &records, crc: crc, size: size, name: name)
            records.append(le16: 0)          // comment length
            records.append(le16: 0)          // disk number start
            records.append(le16: 0)          // internal attributes
            records.append(le32: permissions)
            records.append(le32: UInt32(offset))
            records.append(contentsOf: name)
            added += 1
        }

        /// The archive's bytes: the entries, the base's directory and the new records, the end record.
        mutating func finish() throws -> [UInt8] {
            let directoryOffset = archive.utf8.count
            archive.raw(bytes: base[end.directoryOffset..<(end.directoryOffset + end.directorySize)])
            archive.raw(bytes: records)
            let directorySize = archive.utf8.count - directoryOffset
            let count = end.entries + added
            guard count <= Int(UInt16.max), directoryOffset < Int(UInt32.max) else { throw Failure.tooLarge }
            var record: [UInt8] = []
            record.reserveCapacity(22)
            record.append(le32: 0x0605_4B50)
            record.append(le16: 0)                  // this disk
            record.append(le16: 0)                  // the disk where the directory starts
            record.append(le16: UInt16(count))
            record.append(le16: UInt16(count))
            record.append(le32: UInt32(directorySize))
            record.append(le32: UInt32(directoryOffset))
            record.append(le16: 0)                  // comment length
            archive.raw(bytes: record)
            return archive.utf8
        }
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
