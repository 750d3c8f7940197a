import CYAML
import Platform

/// Where a document of a file can be read again: the byte offset of the line it begins on, and
/// that line's number (0-based, as libyaml counts), so that its marks are those of the file.
///
/// A batch keeps this rather than the document, and reads the document again when its turn
/// comes (`YAMLDocumentReader(file:at:)`): a document begins with its `---` or its first
/// directive at the start of a line, and nothing before that line changes how it reads.
public struct DocumentPlace: Sendable, Equatable {
    public var offset: Int
    public var line: Int
    /// The bytes from `offset` to the next document's place, when known: the document is read
    /// without a byte more. Otherwise the file is read on, a little at a time, until the
    /// document ends.
    public var length: Int?

    public init(offset: Int, line: Int, length: Int? = nil) {
        self.offset = offset
        self.line = line
        self.length = length
    }
}

/// The bytes of a file from a place, handed to libyaml a little at a time: a document is read
/// again without reading the rest of the file.
final class PositionedInput {
    let file: PositionedFile
    let place: DocumentPlace
    private var offset: Int
    /// What is left to read of the document, when its length is known.
    private var remaining: Int

    /// What libyaml is given per call when the document's length is unknown: libyaml decodes
    /// all it is given, and its raw buffer would otherwise ask for 16 KiB each time.
    static let chunk = 4096

    init(file: PositionedFile, place: DocumentPlace) {
        self.file = file
        self.place = place
        offset = place.offset
        remaining = place.length ?? Int.max
    }

    /// libyaml's read handler: 1 with the bytes read (none at the end of the file), 0 on an
    /// error, which libyaml reports as an input error.
    static let read: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutablePointer<UInt8>?, Int, UnsafeMutablePointer<Int>?) -> Int32 = {
        data, buffer, size, sizeRead in
        guard let data, let buffer, let sizeRead else { return 0 }
        let input = Unmanaged<PositionedInput>.fromOpaque(data).takeUnretainedValue()
        let wanted = input.remaining == Int.max ? min(size, chunk) : min(size, input.remaining)
        guard let count = try? input.file.read(at: input.offset, into: UnsafeMutableRawBufferPointer(start: buffer, count: wanted))
        else { return 0 }
        input.offset += count
        if input.remaining != Int.max { input.remaining -= count }
        sizeRead.pointee = count
        return 1
    }
}
