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

    public init(offset: Int, line: Int) {
        self.offset = offset
        self.line = line
    }
}

/// The bytes of a file from a place, handed to libyaml a little at a time: a document is read
/// again without reading the rest of the file.
final class PositionedInput {
    let file: PositionedFile
    let place: DocumentPlace
    private var offset: Int

    /// What libyaml is given per call: a document of a batch is a few hundred bytes, and its
    /// raw buffer would otherwise ask for 16 KiB each time.
    static let chunk = 4096

    init(file: PositionedFile, place: DocumentPlace) {
        self.file = file
        self.place = place
        offset = place.offset
    }

    /// libyaml's read handler: 1 with the bytes read (none at the end of the file), 0 on an
    /// error, which libyaml reports as an input error.
    static let read: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutablePointer<UInt8>?, Int, UnsafeMutablePointer<Int>?) -> Int32 = {
        data, buffer, size, sizeRead in
        guard let data, let buffer, let sizeRead else { return 0 }
        let input = Unmanaged<PositionedInput>.fromOpaque(data).takeUnretainedValue()
        let target = UnsafeMutableRawBufferPointer(start: buffer, count: min(size, chunk))
        guard let count = try? input.file.read(at: input.offset, into: target) else { return 0 }
        input.offset += count
        sizeRead.pointee = count
        return 1
    }
}
