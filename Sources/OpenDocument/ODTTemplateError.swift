/// Why a template cannot be used, said in French to the person who edits it: which file (the
/// template, and the part of it — content.xml, styles.xml), what is wrong, and what to do.
public struct ODTTemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The template's path or name.
    public let template: String
    /// The part of the archive concerned (content.xml…), nil for the archive as a whole.
    public let part: String?
    /// What is wrong and what to do, in French, as the person who edits the template reads it.
    public let reason: String

    public init(template: String, part: String? = nil, reason: String) {
        self.template = template
        self.part = part
        self.reason = reason
    }

    /// « modèle X, content.xml : reason »: the whole message, as the command line prints it.
    public var description: String {
        let place = part.map { "modèle \(template), \($0)" } ?? "modèle \(template)"
        return "\(place) : \(reason)"
    }

    static func notAnArchive(_ template: String) -> ODTTemplateError {
        ODTTemplateError(template: template, reason: "ce fichier n'est pas une archive OpenDocument (ZIP) lisible ; "
            + "un modèle doit être un document texte enregistré par LibreOffice au format « Texte ODF (.odt) »")
    }

    static func notText(_ template: String, mimetype: String) -> ODTTemplateError {
        ODTTemplateError(template: template, part: "mimetype",
                         reason: "ce document n'est pas un texte OpenDocument (type « \(mimetype) ») ; "
                            + "enregistrez le modèle dans LibreOffice Writer au format « Texte ODF (.odt) »")
    }

    static func missingPart(_ template: String, _ part: String) -> ODTTemplateError {
        ODTTemplateError(template: template, part: part,
                         reason: "cette partie manque à l'archive ; enregistrez à nouveau le modèle dans LibreOffice Writer au format « Texte ODF (.odt) »")
    }

    static func missingBody(_ template: String) -> ODTTemplateError {
        ODTTemplateError(template: template, part: "content.xml",
                         reason: "le repère {{corps}} manque : le modèle doit contenir, dans le corps du texte, "
                            + "un paragraphe qui ne contient que {{corps}}, à l'endroit où le document est inséré")
    }
}
