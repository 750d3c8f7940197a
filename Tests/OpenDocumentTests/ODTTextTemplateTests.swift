import Documents
import OpenDocument
import Testing

/// A text template (.ott) saved by LibreOffice gives documents that are texts, in their
/// `mimetype` and in their manifest alike: LibreOffice refuses a file where the two disagree.
@Suite struct ODTTextTemplateTests {
    static let textType = "application/vnd.oasis.opendocument.text"
    static let templateType = "application/vnd.oasis.opendocument.text-template"

    /// The default template saved as a text template: its `mimetype` and its manifest's root entry say so.
    static func textTemplate() throws -> [UInt8] {
        try ODTFiles.template(editing: [
            "mimetype": { _ in templateType },
            "META-INF/manifest.xml": { $0.replacing("manifest:media-type=\"\(textType)\"", with: "manifest:media-type=\"\(templateType)\"") },
        ])
    }

    private static func rootMediaType(_ manifest: String) -> String? {
        ParsedXML(manifest).elements(named: "manifest:file-entry").first { $0["manifest:full-path"] == "/" }?["manifest:media-type"]
    }

    @Test func theFixtureIsATextTemplate() throws {
        let bytes = try Self.textTemplate()
        #expect(try ODTFiles.part("mimetype", of: bytes) == Self.templateType)
        #expect(Self.rootMediaType(try ODTFiles.part("META-INF/manifest.xml", of: bytes)) == Self.templateType)
    }

    @Test func aDocumentFromATextTemplateIsAText() throws {
        let template = try ODTTemplate(bytes: Self.textTemplate(), name: "modele.ott")
        let document = try ODTRendering.render(SampleAct.document, template: template)
        let mimetype = try ODTFiles.part("mimetype", of: document)
        let manifest = try ODTFiles.part("META-INF/manifest.xml", of: document)
        #expect(mimetype == Self.textType)
        #expect(Self.rootMediaType(manifest) == mimetype)
        #expect(ParsedXML(manifest).isWellFormed)
        // The other entries are listed as they were.
        #expect(manifest.contains("manifest:full-path=\"Pictures/logo.png\" manifest:media-type=\"image/png\""))
    }

    @Test func theRootEntryIsFoundWhateverTheOrderOfItsAttributes() throws {
        let manifest = "<manifest:manifest><manifest:file-entry manifest:media-type=\"\(Self.templateType)\" manifest:version=\"1.3\" manifest:full-path=\"/\"/>"
            + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>"
        let bytes = try ODTFiles.template(editing: ["mimetype": { _ in Self.templateType }, "META-INF/manifest.xml": { _ in manifest }])
        let document = try ODTRendering.render(SampleAct.document, template: ODTTemplate(bytes: bytes, name: "m.ott"))
        let written = try ODTFiles.part("META-INF/manifest.xml", of: document)
        #expect(written.hasPrefix("<manifest:manifest><manifest:file-entry manifest:media-type=\"\(Self.textType)\" manifest:version=\"1.3\" manifest:full-path=\"/\"/>"
            + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"))
    }
}
