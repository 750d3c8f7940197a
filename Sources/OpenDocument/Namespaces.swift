/// The XML namespaces the renderer's markup uses, declared on a part's root element when the
/// template's author (or a tool other than LibreOffice) left one out: the rendered part must be
/// namespace-well-formed whatever the template declared.
enum Namespaces {
    static let used: [(prefix: String, uri: String)] = [
        ("office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0"),
        ("style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0"),
        ("text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0"),
        ("table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0"),
        ("fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"),
    ]

    /// The part with the missing declarations added to its root element (the first `office:`
    /// element); the part as it is when nothing is missing or it has no such root.
    static func declared(in xml: [UInt8]) -> [UInt8] {
        guard let root = firstOfficeElement(in: xml) else { return xml }
        let end = Bytes.endOfTag(xml, from: root)
        let tag = xml[root..<end]
        let missing = used.filter { Bytes.find("xmlns:\($0.prefix)=", in: Array(tag)) == nil }
        guard !missing.isEmpty, end >= 2 else { return xml }
        let insertion = xml[end - 2] == UInt8(ascii: "/") ? end - 2 : end - 1
        let declarations = missing.map { " xmlns:\($0.prefix)=\"\($0.uri)\"" }.joined()
        return Array(xml[..<insertion]) + Array(declarations.utf8) + Array(xml[insertion...])
    }

    private static func firstOfficeElement(in xml: [UInt8]) -> Int? {
        var index = 0
        while let open = Bytes.find("<", in: xml, from: index) {
            if Bytes.matches(Array("<office:".utf8), in: xml, at: open) { return open }
            index = open + 1
        }
        return nil
    }
}
