import Documents
import Platform

/// XML laid out once and appended to many documents — a template's XML between its marks, the
/// mentions every act prints, a table cell every act of a run holds — with its CRC-32 when it is
/// long enough for combining that CRC (`CRC32.combine`) to cost less than reading the bytes again.
/// A class, so that passing it around counts one reference.
final class FixedXML: Sendable {
    let bytes: [UInt8]
    /// Nil for short bytes: checksummed with what surrounds them.
    let crc: CRC32.Known?

    /// Below this, the bytes are read with their neighbours: combining a CRC costs about what
    /// checksumming a few dozen bytes does, but each known range cuts the bytes around it in
    /// two, and zlib checksums short pieces much more slowly a byte than long ones (measured
    /// with perf: noting each table cell's tags, about 130 bytes, made content.xml's CRC slower).
    private static let worthKeepingCRC = 256

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        crc = bytes.count >= Self.worthKeepingCRC ? CRC32.Known(bytes) : nil
    }
}

/// The XML of one part of a document's archive (content.xml, styles.xml) being written, with
/// where the `FixedXML` whose CRC is known lies in it: the part's checksum, which its ZIP entry
/// needs, then reads only the bytes written for this document. Most of an act's content.xml is
/// the template's, the mentions' and the annex's shared cells.
struct PartXML {
    /// Where a `FixedXML` was appended, and its CRC.
    private struct KnownRange {
        let offset: Int
        let crc: CRC32.Known
    }

    private(set) var markup: MarkupText
    private var known: [KnownRange] = []

    init(capacity: Int) {
        markup = MarkupText(capacity: capacity)
    }

    var utf8: [UInt8] { markup.utf8 }

    /// Markup written for this document (`MarkupText.raw`).
    mutating func raw(_ text: String) { markup.raw(text) }

    /// Markup spelled out in the renderer's code (`MarkupText.raw(literal:)`).
    mutating func raw(literal text: StaticString) { markup.raw(literal: text) }

    /// Bytes laid out for this document.
    mutating func raw(bytes: [UInt8]) { markup.raw(bytes: bytes) }

    /// Bytes laid out for this document, from a larger array (an archive's first entries).
    mutating func raw(bytes: ArraySlice<UInt8>) { markup.raw(bytes: bytes) }

    /// Writes `bytes` over those at `offset` (`MarkupText.overwrite`): a ZIP header's checksum
    /// and sizes, known once the entry's bytes are written after it.
    mutating func overwrite(at offset: Int, with bytes: [UInt8]) { markup.overwrite(at: offset, with: bytes) }

    /// Lets `write` add to the markup itself: escaped texts, inline runs (`ODFInline`).
    mutating func write(_ write: (inout MarkupText) -> Void) { write(&markup) }

    mutating func append(_ fixed: FixedXML) {
        if let crc = fixed.crc { known.append(KnownRange(offset: markup.utf8.count, crc: crc)) }
        markup.raw(bytes: fixed.bytes)
    }

    /// Another part's XML, with its known ranges.
    mutating func append(_ part: PartXML) {
        let start = markup.utf8.count
        known += part.known.map { KnownRange(offset: start + $0.offset, crc: $0.crc) }
        markup.raw(bytes: part.markup.utf8)
    }

    /// The CRC-32 of the XML: the bytes between the known ranges read, the known ranges'
    /// CRCs combined in.
    var checksum: UInt32 { checksum(from: 0) }

    /// The CRC-32 of the XML from `start` on (an entry of an archive written in place).
    func checksum(from start: Int) -> UInt32 {
        markup.utf8.withUnsafeBufferPointer { bytes in
            var crc: UInt32 = 0
            var position = start
            for range in known where range.offset >= start {
                crc = CRC32.checksum(UnsafeBufferPointer(rebasing: bytes[position..<range.offset]), continuing: crc)
                crc = CRC32.combine(crc, range.crc)
                position = range.offset + range.crc.count
            }
            return CRC32.checksum(UnsafeBufferPointer(rebasing: bytes[position...]), continuing: crc)
        }
    }
}
