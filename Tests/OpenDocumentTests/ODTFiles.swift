import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import OpenDocument
import ZIPFoundation

/// Reading and making .odt archives in the tests, independently of the renderer: a rendered
/// file's parts, and templates made from the default one with a part changed.
enum ODTFiles {
    /// Each file of the archive, by path, as text, in the archive's order.
    static func parts(_ bytes: [UInt8]) throws -> [(path: String, text: String)] {
        let archive = try Archive(data: Data(bytes), accessMode: .read, pathEncoding: nil)
        var parts: [(String, String)] = []
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts.append((entry.path, String(decoding: data, as: UTF8.self)))
        }
        return parts
    }

    /// Each entry's path and uncompressed bytes, in the archive's order: what two .odt files must
    /// share to be the same document, whichever zlib deflated them.
    static func entries(_ bytes: [UInt8]) throws -> [(path: String, bytes: Data)] {
        let archive = try Archive(data: Data(bytes), accessMode: .read, pathEncoding: nil)
        return try archive.map { entry in
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            return (entry.path, data)
        }
    }

    /// Whether two .odt files hold the same entries, in the same order, with the same contents.
    static func sameEntries(_ first: [UInt8], _ second: [UInt8]) throws -> Bool {
        let (a, b) = (try entries(first), try entries(second))
        return a.map(\.path) == b.map(\.path) && a.map(\.bytes) == b.map(\.bytes)
    }

    /// The same entries archived again, each stored or deflated as `compressed` says: a file
    /// another zlib could have written.
    static func rearchived(_ bytes: [UInt8], compressed: Bool) throws -> [UInt8] {
        let copy = try Archive(data: Data(), accessMode: .create, pathEncoding: nil)
        for (path, data) in try entries(bytes) {
            try copy.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                              compressionMethod: compressed && path != "mimetype" ? .deflate : .none) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return [UInt8](copy.data ?? Data())
    }

    /// The modification date of each entry, as ZIPFoundation reads it.
    static func modificationDates(_ bytes: [UInt8]) throws -> [Date] {
        let archive = try Archive(data: Data(bytes), accessMode: .read, pathEncoding: nil)
        return archive.compactMap { $0.fileAttributes[.modificationDate] as? Date }
    }

    static func part(_ path: String, of bytes: [UInt8]) throws -> String {
        try parts(bytes).first { $0.path == path }?.text ?? ""
    }

    /// The default template with some of its parts changed by `edit` (path → new text).
    static func template(editing edits: [String: (String) -> String]) throws -> [UInt8] {
        let source = try Data(contentsOf: URL(fileURLWithPath: Repository.rules + "/modeles/acte.odt"))
        let original = try Archive(data: source, accessMode: .read, pathEncoding: nil)
        let copy = try Archive(data: Data(), accessMode: .create, pathEncoding: nil)
        for entry in original {
            var data = Data()
            _ = try original.extract(entry) { data.append($0) }
            if let edit = edits[entry.path] { data = Data(edit(String(decoding: data, as: UTF8.self)).utf8) }
            let bytes = data
            try copy.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(bytes.count),
                              compressionMethod: entry.path == "mimetype" ? .none : .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return [UInt8](copy.data ?? Data())
    }
}

/// An XML part parsed with Foundation's parser, namespaces processed: whether it is well formed,
/// its character data, and its elements with their attributes.
final class ParsedXML: NSObject, XMLParserDelegate {
    private(set) var text = ""
    private(set) var elements: [(name: String, attributes: [String: String])] = []
    private(set) var error: String?

    init(_ xml: String) {
        super.init()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        parser.delegate = self
        if !parser.parse() { error = parser.parserError.map { "\($0)" } ?? "erreur d'analyse" }
    }

    var isWellFormed: Bool { error == nil }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.append((qualifiedName ?? elementName, attributes))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func elements(named name: String) -> [[String: String]] {
        elements.filter { $0.name == name }.map(\.attributes)
    }
}
