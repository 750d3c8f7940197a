import Documents

/// A document as an OpenDocument text (.odt), in an authority's template: the template's files
/// kept (its styles, its logo, its settings), content.xml written with the document's blocks where
/// `{{corps}}` stands and the letterhead at its marks, the marks of styles.xml (a header, a footer)
/// filled, and meta.xml written with the title.
///
/// The same document and template give the same entries, byte for byte, on any machine: nothing
/// depends on the clock (every entry is dated 1 January 1980), the order of a dictionary or the
/// locale. The archive itself is byte-identical only with the same deflate: content.xml and
/// styles.xml are compressed by the system's zlib (Apple's Compression on macOS), whose output may
/// change from one build or version to another. So the same machine gives the same file; another
/// may give another file holding the same entries. The register is not concerned: the fingerprint
/// it keeps of an .odt is that of the file as written, checked against that same file when the act
/// is notified, never against a new rendering.
public enum ODTRendering {
    /// The bytes of the .odt file.
    public static func render(_ document: Document, template: ODTTemplate) throws(ODTTemplateError) -> [UInt8] {
        var body = ODFBody()
        if let letterhead = document.letterhead { body.letterhead(letterhead, templateMarks: template.marks) }
        body.render(document.blocks)
        var automaticStyles = MarkupText(capacity: 8_192)
        for style in template.missingStyles { automaticStyles.raw(style.automaticDefinition) }
        automaticStyles.raw(bytes: body.automaticStyles.utf8)
        let values = MarkValues(document: document, body: body.xml.utf8)
        let content = template.content.render(automaticStyles: automaticStyles.utf8, value: values.xml)
        let styles = template.styles?.render(value: values.xml)
        let entries = template.entries.map { entry -> ODTArchive.Entry in
            switch entry.path {
            case "content.xml": ODTArchive.Entry(path: entry.path, bytes: content, compressed: true)
            case "styles.xml": ODTArchive.Entry(path: entry.path, bytes: styles ?? entry.bytes, compressed: true)
            case ODTManifest.metaPath: ODTArchive.Entry(path: entry.path, bytes: ODTManifest.meta(title: document.title), compressed: true)
            default: entry
            }
        }
        do {
            return try ODTArchive.write(mediaType: template.mediaType, entries: entries)
        } catch {
            throw ODTTemplateError(template: template.name, reason: "écriture du document « \(document.title) » impossible (\(error))")
        }
    }
}

/// What each mark of the template becomes for one document, as ODF XML.
private struct MarkValues {
    let document: Document
    let body: [UInt8]

    func xml(_ mark: Placeholder) -> [UInt8] {
        var xml = MarkupText(capacity: 256)
        let letterhead = document.letterhead
        switch mark {
        case .body: return body
        case .title: xml.text(MarkdownText.oneLine(document.title))
        case .authority: xml.text(MarkdownText.oneLine(letterhead?.authority ?? ""))
        case .sender: ODFInline.lines(letterhead?.sender ?? [], into: &xml)
        case .addressee: ODFInline.lines(letterhead?.addressee ?? [], into: &xml)
        case .references:
            for (index, field) in (letterhead?.references ?? []).enumerated() {
                if index > 0 { xml.raw("<text:line-break/>") }
                ODFInline.span(MarkdownText.oneLine(field.label) + " : ", style: ODFStyles.strong, into: &xml)
                ODFInline.text(field.value, into: &xml)
            }
        }
        return xml.utf8
    }
}
