import Foundation
import ZIPFoundation

/// The ZIP container of an OpenDocument file, through ZIPFoundation: read whole into memory,
/// and written in memory with `mimetype` first and stored, as ODF requires (a reader recognises
/// the file by its first bytes), every entry dated alike so that the same parts give the same bytes.
enum ODTArchive {
    /// One file of the archive.
    struct Entry: Sendable {
        let path: String
        let bytes: [UInt8]
        let compressed: Bool
    }

    /// The date every entry carries: 1 January 1980, the first day a ZIP date can say, so that
    /// nothing in the file depends on when it was made.
    static let fixedDate = Date(timeIntervalSince1970: 315_532_800)

    static let mimetype = "mimetype"

    /// The files of the archive, in its order; nil when the bytes are no readable ZIP archive,
    /// or when an entry is damaged (its data cut short, its checksum wrong).
    static func entries(of bytes: [UInt8]) -> [Entry]? {
        guard let archive = try? Archive(data: Data(bytes), accessMode: .read, pathEncoding: nil),
              let ranges = ZIPLocations.dataRanges(in: bytes) else { return nil }
        var entries: [Entry] = []
        for entry in archive where entry.type == .file {
            guard let range = ranges[entry.path], let data = contents(of: entry, at: range, in: bytes) else { return nil }
            entries.append(Entry(path: entry.path, bytes: data, compressed: entry.isCompressed))
        }
        return entries
    }

    /// An entry's bytes, inflated from an input that ends with the entry, and checked against
    /// its size and checksum.
    private static func contents(of entry: ZIPFoundation.Entry, at range: Range<Int>, in bytes: [UInt8]) -> [UInt8]? {
        let expected = Int(clamping: entry.uncompressedSize)
        guard entry.isCompressed else {
            let data = Data(bytes[range])
            return data.count == expected && data.crc32(checksum: 0) == entry.checksum ? [UInt8](data) : nil
        }
        var output = Data()
        let checksum = try? Data.decompress(size: Int64(range.count), bufferSize: 32_768, skipCRC32: false, provider: { position, size in
            let start = range.lowerBound + Int(position)
            guard start < range.upperBound else { throw Damaged.cutShort }
            return Data(bytes[start..<min(start + size, range.upperBound)])
        }, consumer: { chunk in
            output.append(chunk)
            guard output.count <= expected else { throw Damaged.tooLong }
        })
        guard let checksum, checksum == entry.checksum, output.count == expected else { return nil }
        return [UInt8](output)
    }

    private enum Damaged: Error { case cutShort, tooLong }

    /// An ODF archive: `mimetype` first, stored, with `mediaType`; then the entries in order.
    static func write(mediaType: String, entries: [Entry]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create, pathEncoding: nil)
        try add(Entry(path: mimetype, bytes: Array(mediaType.utf8), compressed: false), to: archive)
        for entry in entries { try add(entry, to: archive) }
        guard let data = archive.data else { throw Archive.ArchiveError.unwritableArchive }
        return [UInt8](data)
    }

    private static func add(_ entry: Entry, to archive: Archive) throws {
        let bytes = entry.bytes
        try archive.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: fixedDate,
                             permissions: 0o644, compressionMethod: entry.compressed ? .deflate : .none) { position, size in
            let start = Int(position)
            return Data(bytes[start..<min(start + size, bytes.count)])
        }
    }
}
