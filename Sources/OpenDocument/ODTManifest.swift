import Documents

/// The document's metadata (meta.xml) and its listing in the manifest: the title, the language
/// and a fixed generator, and no date — the same document gives the same bytes on any day.
enum ODTManifest {
    static let generator = "Guichet"
    static let metaPath = "meta.xml"
    private static let manifestPath = "META-INF/manifest.xml"

    /// Appends meta.xml for a document titled `title` to `part` (an archive's entry).
    static func meta(title: String, into part: inout PartXML) {
        part.write { meta(title: title, into: &$0) }
    }

    private static func meta(title: String, into xml: inout MarkupText) {
        xml.raw(literal: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        xml.raw(literal: "<office:document-meta xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" ")
        xml.raw(literal: "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" office:version=\"1.3\">")
        xml.raw(literal: "<office:meta><meta:generator>")
        xml.raw(generator)
        xml.raw(literal: "</meta:generator><dc:title>")
        xml.text(title)
        xml.raw(literal: "</dc:title><dc:language>fr-FR</dc:language></office:meta></office:document-meta>")
    }

    /// The template's entries as a document's: the manifest's root entry says `mediaType`, the
    /// `mimetype` of the documents, and a meta.xml is listed.
    static func forDocuments(_ entries: [ODTArchive.Entry], mediaType: String) -> [ODTArchive.Entry] {
        withMeta(entries).map { entry in
            guard entry.path == manifestPath else { return entry }
            return ODTArchive.Entry(path: entry.path, bytes: withRootMediaType(mediaType, in: entry.bytes), compressed: entry.compressed)
        }
    }

    /// The manifest with its root entry (`manifest:full-path="/"`) of media type `mediaType`. A
    /// text template (.ott) declares itself a template there; LibreOffice refuses a document whose
    /// manifest and `mimetype` disagree, so the documents made from it say they are texts in both.
    static func withRootMediaType(_ mediaType: String, in manifest: [UInt8]) -> [UInt8] {
        guard let path = Bytes.find("manifest:full-path=\"/\"", in: manifest),
              let start = Bytes.findLast("<", in: manifest, before: path) else { return manifest }
        let end = Bytes.endOfTag(manifest, from: start)
        let attribute = "manifest:media-type=\""
        guard let found = Bytes.find(attribute, in: manifest, from: start, to: end) else { return manifest }
        let valueStart = found + attribute.utf8.count
        guard let valueEnd = Bytes.find("\"", in: manifest, from: valueStart, to: end) else { return manifest }
        return Array(manifest[..<valueStart]) + Array(mediaType.utf8) + Array(manifest[valueEnd...])
    }

    /// The template's entries with a meta.xml, listed in the manifest: a template saved without
    /// one still gives documents with their title.
    private static func withMeta(_ entries: [ODTArchive.Entry]) -> [ODTArchive.Entry] {
        guard !entries.contains(where: { $0.path == metaPath }) else { return entries }
        let listing = "<manifest:file-entry manifest:full-path=\"\(metaPath)\" manifest:media-type=\"text/xml\"/>"
        var result = entries.map { entry -> ODTArchive.Entry in
            guard entry.path == manifestPath, let end = Bytes.find("</manifest:manifest>", in: entry.bytes) else { return entry }
            let bytes = Array(entry.bytes[..<end]) + Array(listing.utf8) + Array(entry.bytes[end...])
            return ODTArchive.Entry(path: entry.path, bytes: bytes, compressed: entry.compressed)
        }
        result.append(ODTArchive.Entry(path: metaPath, bytes: [], compressed: true))
        return result
    }
}
