import Foundation
import Platform
import Testing
import YAMLReader

/// A document read again from its place (`LineStarts`, `YAMLDocumentReader(file:at:)`) is the
/// document the whole stream gave, node for node and mark for mark, whatever ends its lines.
@Suite("Documents read again from their place")
struct DocumentPlaceTests {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "guichet-places-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = "\(folder)/\(name)"
        try OwnerOnlyFile.write(bytes, to: path)
        return path
    }

    /// Every document of the file with where it began, read as a stream.
    func stream(_ path: String) throws -> [(start: SourceMark, node: String)] {
        let reader = try YAMLDocumentReader(path: path)
        var read: [(SourceMark, String)] = []
        while let document = try reader.nextDocument() { read.append((reader.documentStart, Self.dump(document))) }
        return read
    }

    /// A node with everything it carries: content, mark, tag, plainness, nullness.
    static func dump(_ node: YAMLNode) -> String {
        let head = "\(node.mark)|\(node.tag ?? "-")|\(node.isPlainScalar)|\(node.isNull)"
        switch node.content {
        case .scalar(let text): return "\(head)=\(text.debugDescription)"
        case .sequence(let items): return "\(head)[\(items.map(dump).joined(separator: ","))]"
        case .mapping(let pairs): return "\(head){\(pairs.map { dump($0.key) + ":" + dump($0.value) }.joined(separator: ","))}"
        }
    }

    static let breaks: [(name: String, text: String)] = [
        ("lf", "a: 1\n"),
        ("crlf", "a: 1\r\n"),
        ("cr", "a: 1\r"),
        ("nel", "a: 1\u{85}"),
        ("ls", "a: 1\u{2028}"),
    ]

    @Test("Each document reads the same from its place", arguments: breaks.map(\.name))
    func sameFromItsPlace(lineBreak name: String) throws {
        let br = Self.breaks.first { $0.name == name }!.text.dropFirst("a: 1".count)
        let text = [
            "\u{FEFF}# a comment before the first document", "id: un", "texte: \"é, ü et 漢字\"", "bloc: |+", "  gardé", "", "...",
            "# entre deux documents", "%YAML 1.1", "--- &ancre", "id: deux", "liste: [1,", "  2]",
            "--- !!map", "id: trois", "plié: >", "  a", "  b", "---", "--- ~", "---", "id: 'six'",
        ].joined(separator: String(br))
        let path = try write("stream-\(name).yaml", Array(text.utf8))
        let whole = try stream(path)
        #expect(whole.count == 6)
        var places: [DocumentPlace] = []
        let found = LineStarts.places(count: whole.count, line: { whole[$0].start.line - 1 }, in: path) { _, place in places.append(place) }
        #expect(found && places.count == whole.count)
        let file = try PositionedFile(path: path)
        for (k, (start, node)) in whole.enumerated() {
            #expect(places[k].line == start.line - 1)
            // Read on to the end of the document, or exactly to the next one's place.
            var bounded = places[k]
            bounded.length = k + 1 < places.count ? places[k + 1].offset - places[k].offset : nil
            for place in [places[k], bounded] {
                let reader = YAMLDocumentReader(file: file, at: place)
                let again = try #require(try reader.nextDocument())
                #expect(Self.dump(again) == node)
                #expect(reader.documentStart == start)
            }
        }
    }

    /// What is wrong at a place is told at the line of the file, not of the place.
    @Test func anErrorAtAPlaceIsLocatedInTheFile() throws {
        let path = try write("broken.yaml", Array("id: 1\n---\nid: 2\nliste: [1,\n  2\n".utf8))
        let reader = YAMLDocumentReader(file: try PositionedFile(path: path), at: DocumentPlace(offset: 6, line: 1))
        let error = try #require(readingError(reader))
        #expect(error.mark.file == path)
        #expect(error.mark.line == 6, "\(error)")
        #expect(error.message.contains("commencé ligne 4"), "\(error)")
    }

    @Test func aUTF16FileIsTold() throws {
        let utf16 = try write("utf16.yaml", [0xFF, 0xFE] + Array("id: 1\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let utf8 = try write("utf8.yaml", [0xEF, 0xBB, 0xBF] + Array("id: 1\n".utf8))
        #expect(LineStarts.isUTF16(utf16))
        #expect(!LineStarts.isUTF16(utf8))
    }
}
