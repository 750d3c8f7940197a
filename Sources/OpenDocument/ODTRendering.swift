import Documents

/// A document as an OpenDocument text (.odt), in an authority's template: the template's files
/// kept (its styles, its logo, its settings), content.xml written with the document's blocks where
/// `{{corps}}` stands and the letterhead at its marks, the marks of styles.xml (a header, a footer)
/// filled, and meta.xml written with the title, which the default template's footer shows through
/// a title field.
///
/// The parts the template fixes are compressed once, when it is read (`ODTTemplate.base`); each
/// document adds its content.xml and meta.xml stored, not deflated, and styles.xml only when the
/// template put a mark in it. Deflating content.xml took more time than building and writing the
/// rest of the act in every format: an act is then about 30 KB instead of 8 KB.
///
/// The same document and template give the same entries, byte for byte, on any machine: nothing
/// depends on the clock (every entry is dated 1 January 1980), the order of a dictionary or the
/// locale. The archive itself is byte-identical only with the same deflate: the template's parts
/// are compressed by the system's zlib (Apple's Compression on macOS), whose output may change
/// from one build or version to another. So the same machine gives the same file; another may give
/// another file holding the same entries. The register is not concerned: the fingerprint it keeps
/// of an .odt is that of the file as written, checked against that same file when the act is
/// notified, never against a new rendering.
public enum ODTRendering {
    /// The bytes of the .odt file.
    public static func render(_ document: Document, template: ODTTemplate) throws(ODTTemplateError) -> [UInt8] {
        let marks = template.marks
        let tables = ODFBody.tables(of: document, templateMarks: marks)
        let automaticStyles = ODFBody.automaticStyles(tables: tables, missingStyles: template.missingStyleDefinitions)
        let values = MarkValues(document: document, templateMarks: marks, tables: tables)
        // content.xml is written straight into the archive, after the template's parts, and the
        // body straight into content.xml: nothing built apart and then copied in (about 20 KB an
        // act). The room reserved for the body is what `ODFBody` reserves for its own buffer; 2 KB
        // more hold meta.xml and the entries' headers and directory records.
        let capacity = template.base.count + template.content.literalCount + automaticStyles.utf8.count + 65_536 + 2_048
            + (template.stylesVary ? template.styles?.literalCount ?? 0 : 0)
        do {
            var archive = try ZIPAppending.Writer(base: template.base, capacity: capacity)
            try archive.store(path: ODTTemplate.contentPath) {
                template.content.render(into: &$0, automaticStyles: automaticStyles, value: values.write)
            }
            try archive.store(path: ODTManifest.metaPath) { ODTManifest.meta(title: document.title, into: &$0) }
            if template.stylesVary, let styles = template.styles {
                try archive.store(path: ODTTemplate.stylesPath) { styles.render(into: &$0, value: values.write) }
            }
            return try archive.finish()
        } catch {
            throw ODTTemplateError(template: template.name, reason: "écriture du document « \(document.title) » impossible (\(error))")
        }
    }
}

/// What each mark of the template becomes for one document, as ODF XML.
private struct MarkValues {
    let document: Document
    let templateMarks: Set<Placeholder>
    /// The body's tables, which the automatic styles were written for (`ODFBody.tables`).
    let tables: [[Int]?]

    /// Appends the mark's XML to `part`.
    func write(_ mark: Placeholder, into part: inout PartXML) {
        if mark == .body { return ODFBody.render(document, templateMarks: templateMarks, tables: tables, into: &part) }
        part.write { write(mark, into: &$0) }
    }

    private func write(_ mark: Placeholder, into xml: inout MarkupText) {
        let letterhead = document.letterhead
        switch mark {
        case .body: break           // the body, laid out in place by `write(_:into:)`
        case .title: xml.text(MarkdownText.oneLine(document.title))
        case .authority: xml.text(MarkdownText.oneLine(letterhead?.authority ?? ""))
        case .sender: ODFInline.lines(letterhead?.sender ?? [], into: &xml)
        case .addressee: ODFInline.lines(letterhead?.addressee ?? [], into: &xml)
        case .references:
            for (index, field) in (letterhead?.references ?? []).enumerated() {
                if index > 0 { xml.raw(literal: "<text:line-break/>") }
                ODFInline.span(MarkdownText.oneLine(field.label) + " : ", style: ODFStyles.strong, into: &xml)
                ODFInline.text(field.value, into: &xml)
            }
        }
    }
}
