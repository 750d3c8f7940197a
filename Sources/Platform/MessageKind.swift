/// What a line the tool prints on standard error is — an error, a warning or a note — and the
/// French word it opens with. The one place for those words: every line reads alike, and stays
/// parseable by editors and CI logs, its place first:
/// `fichier:ligne:colonne: erreur : message [champ]`.
public enum MessageKind: String, Sendable, CaseIterable {
    /// Something stops what it concerns; the command exits with a non-zero code.
    case error = "erreur"
    /// Something may be off, and the work goes on.
    case warning = "avertissement"
    /// Something the user should know, which is no fault.
    case note = "note"

    /// `place: erreur : message`, or `erreur : message` when nothing locates it. The colon after
    /// the place is the one of `fichier:ligne:colonne`, with no space before it; the one after
    /// the word takes the French space.
    public func line(_ message: String, at place: String? = nil) -> String {
        let text = "\(rawValue) : \(message)"
        return place.map { "\($0): \(text)" } ?? text
    }
}
