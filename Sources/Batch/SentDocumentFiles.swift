import Documents
import OpenDocument
import Platform

/// The files of a document sent to an applicant (an act, a request for pieces), written beside
/// its JSON: Markdown for review and diffs, self-contained HTML to read and print and, when the
/// deployment has a template, an OpenDocument text to sign in the authority's own layout. All
/// three come from the one `Document`, so they cannot say different things.
public struct SentDocumentFiles: Sendable {
    /// The authority's template; nil when neither guichet.yaml nor the rules folder gives one,
    /// and the act is then written as Markdown and HTML only.
    public let template: ODTTemplate?

    /// The fingerprints of each format, which keep the state SHA-256 reaches at the bytes every
    /// act of a run shares (the style sheet, the template's parts).
    private let digests = (markdown: SharedPrefixDigest(), html: SharedPrefixDigest(), odt: SharedPrefixDigest())

    public init(template: ODTTemplate?) {
        self.template = template
    }

    /// The SHA-256 of each file written, as the register keeps them so that a notification can
    /// prove it sends the act decided.
    public struct Fingerprints: Sendable, Equatable {
        public let markdown: String
        public let html: String
        public let odt: String?
    }

    /// Writes `name.md`, `name.html` and, with a template, `name.odt`.
    public func write(_ document: Document, markdown: [UInt8], name: String, to output: OutputFolder) throws -> Fingerprints {
        let html = HTMLRendering.utf8(document)
        let odt = try template.map { template in try ODTRendering.render(document, template: template) }
        try output.write(markdown, to: "\(name).md")
        try output.write(html, to: "\(name).html")
        if let odt {
            try output.write(odt, to: "\(name).odt")
        } else {
            // An ODT an earlier run wrote under this name is not this act's: it must not be sent.
            try output.remove("\(name).odt")
        }
        return Fingerprints(markdown: digests.markdown.hex(of: markdown), html: digests.html.hex(of: html), odt: odt.map(digests.odt.hex(of:)))
    }

    /// The template a working folder uses: the one guichet.yaml names (a path relative to the
    /// working folder), else the rules folder's `modeles/acte.odt` when it has one; nil when
    /// neither does. A template named but unusable is an error, never silently replaced.
    public static func template(named path: String?, rulesFolder: String) throws(ODTTemplateError) -> ODTTemplate? {
        if let path {
            let instead = "corrigez ce chemin, relatif au dossier de travail, ou retirez la ligne pour utiliser \(rulesFolder)/\(ODTTemplate.rulesFolderPath)"
            guard RegularFile.exists(path) else {
                throw ODTTemplateError(template: path, reason: "le modèle que nomme guichet.yaml (template) est introuvable ; \(instead)")
            }
            do {
                return try ODTTemplate(contentsOf: path)
            } catch {
                throw ODTTemplateError(template: path, part: error.part,
                                       reason: "le modèle que nomme guichet.yaml (template) ne peut servir : \(error.reason) ; ou bien \(instead)")
            }
        }
        let folder = rulesFolder.hasSuffix("/") ? String(rulesFolder.dropLast()) : rulesFolder
        guard RegularFile.exists(folder + "/" + ODTTemplate.rulesFolderPath) else { return nil }
        return try ODTTemplate.bundledDefault(rulesFolder: rulesFolder)
    }
}
