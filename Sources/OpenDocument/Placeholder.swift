/// The marks an ODT template holds where the renderer writes a document's parts: `{{corps}}`,
/// a paragraph of its own in content.xml replaced by the document's blocks, and the others
/// replaced in place, in content.xml or in styles.xml (a header, a footer). The names are French:
/// the authority's staff type them in LibreOffice (Docs/ODT-TEMPLATES.md).
enum Placeholder: String, CaseIterable, Sendable {
    /// The document's blocks: the whole paragraph that holds the mark is replaced.
    case body = "corps"
    /// The letterhead's authority ("Département du Pas-de-Calais").
    case authority = "autorite"
    /// The letterhead's sender lines (the service, the agent in charge), one line each.
    case sender = "expediteur"
    /// The letterhead's references, « Libellé : valeur », one line each.
    case references = "references"
    /// The addressee's name and address lines.
    case addressee = "destinataire"
    /// The document's title.
    case title = "titre"

    /// The mark as the template's author types it.
    var mark: String { "{{\(rawValue)}}" }

    /// The marks of the letterhead: a part whose mark the template lacks is written at the top
    /// of the body instead, so that no reference or addressee is lost with a bare template.
    static let letterhead: [Placeholder] = [.authority, .sender, .references, .addressee]

    /// Every mark, for an error that lists them.
    static var known: String { allCases.map(\.mark).joined(separator: ", ") }
}
