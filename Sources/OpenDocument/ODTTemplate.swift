import Platform

/// An authority's model of its documents: an OpenDocument text (.odt) made in LibreOffice, with
/// its letterhead, its page, its footer and the styles « Guichet … », in which the renderer writes
/// each document where the marks `{{corps}}`, `{{autorite}}`… stand (Docs/ODT-TEMPLATES.md).
///
/// Read and checked once — a batch renders thousands of documents from one template — and cut
/// where the renderer writes, so that rendering a document only puts bytes end to end.
public struct ODTTemplate: Sendable {
    /// Where the template was read from, as errors name it.
    public let name: String
    /// The media type of its `mimetype` entry: a text, or a text template (.ott).
    let mediaType: String
    /// The archive of the parts every document takes from the template as they are (`mimetype`,
    /// the manifest, the pictures, styles.xml when no mark is in it), compressed once: a document
    /// adds its own parts after them.
    let base: [UInt8]
    /// Whether styles.xml holds marks, and so is written for each document.
    let stylesVary: Bool
    let content: TemplatePart
    let styles: TemplatePart?
    /// The names of the styles the template defines, in styles.xml or content.xml.
    let definedStyles: Set<String>
    /// The definitions of `missingStyles` as automatic styles, written once for every document.
    let missingStyleDefinitions: FixedXML

    /// Where a rules folder keeps the template of the acts, which a deployment replaces with
    /// its own.
    public static let rulesFolderPath = "modeles/acte.odt"

    /// The template of the acts in a rules folder: `<rulesFolder>/modeles/acte.odt`, the
    /// repository's default until the authority puts its own there.
    public static func bundledDefault(rulesFolder: String) throws(ODTTemplateError) -> ODTTemplate {
        let folder = rulesFolder.hasSuffix("/") ? String(rulesFolder.dropLast()) : rulesFolder
        return try ODTTemplate(contentsOf: folder + "/" + rulesFolderPath)
    }

    /// The template in the file at `path`.
    public init(contentsOf path: String) throws(ODTTemplateError) {
        let bytes: [UInt8]
        do {
            bytes = try RegularFile.read(path)
        } catch {
            let reason = if !RegularFile.exists(path) {
                "fichier introuvable ; un dossier de règles doit contenir le modèle des actes, \(Self.rulesFolderPath)"
            } else if error.code == 0 {
                "ce n'est pas un fichier ordinaire ; donnez le chemin d'un fichier .odt"
            } else {
                error.reason
            }
            throw ODTTemplateError(template: path, reason: reason)
        }
        try self.init(bytes: bytes, name: path)
    }

    /// The template in `bytes`, an .odt file's content; `name` says where it comes from in errors.
    public init(bytes: [UInt8], name: String) throws(ODTTemplateError) {
        guard let all = ODTArchive.entries(of: bytes) else { throw .notAnArchive(name) }
        guard let mimetype = all.first(where: { $0.path == ODTArchive.mimetype }) else { throw .missingPart(name, ODTArchive.mimetype) }
        let declared = String(decoding: mimetype.bytes, as: UTF8.self).trimmingWhitespace
        guard ["application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.text-template"].contains(declared) else {
            throw .notText(name, mimetype: declared)
        }
        guard let content = all.first(where: { $0.path == "content.xml" }) else { throw .missingPart(name, "content.xml") }
        let styles = all.first(where: { $0.path == "styles.xml" })
        self.name = name
        // A text template gives a text: the rendered document is not itself a template.
        self.mediaType = "application/vnd.oasis.opendocument.text"
        self.content = try TemplatePart(xml: content.bytes, name: "content.xml", template: name, isContent: true)
        self.styles = try styles.map { entry throws(ODTTemplateError) in
            try TemplatePart(xml: entry.bytes, name: "styles.xml", template: name, isContent: false)
        }
        stylesVary = !(self.styles?.marks.isEmpty ?? true)
        let perDocument: Set<String> = stylesVary ? [Self.contentPath, ODTManifest.metaPath, Self.stylesPath] : [Self.contentPath, ODTManifest.metaPath]
        let fixed = ODTManifest.forDocuments(all.filter { $0.path != ODTArchive.mimetype }, mediaType: mediaType)
            .filter { !perDocument.contains($0.path) }
        do {
            base = try ODTArchive.write(mediaType: mediaType, entries: fixed)
        } catch {
            throw ODTTemplateError(template: name, reason: "ses parties ne peuvent être réécrites (\(error)) ; enregistrez-le à nouveau dans LibreOffice")
        }
        let defined = Bytes.styleNames(in: content.bytes).union(Bytes.styleNames(in: styles?.bytes ?? []))
        definedStyles = defined
        missingStyleDefinitions = FixedXML(ODFStyles.all.filter { !defined.contains($0.name) }.flatMap { Array($0.automaticDefinition.utf8) })
    }

    static let contentPath = "content.xml"
    static let stylesPath = "styles.xml"

    /// The marks the template holds, in content.xml or styles.xml.
    var marks: Set<Placeholder> { content.marks.union(styles?.marks ?? []) }

    /// The renderer's styles the template does not define, which each document then defines itself.
    var missingStyles: [ODFStyle] { ODFStyles.all.filter { !definedStyles.contains($0.name) } }

    /// The display names of the renderer's styles the template lacks: what a template's author
    /// may want to add (« Guichet Visa »…).
    public var missingStyleNames: [String] { missingStyles.map(\.displayName) }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        var text = Substring(self)
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        return String(text)
    }
}
