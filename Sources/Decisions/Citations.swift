import SchemeLanguage

/// How every document cites a text: in full with its lines (« Textes appliqués », the fiche),
/// shortly in a criteria table, and a rules file by its name.
enum Citations {
    static func citation(_ source: SourceReference) -> String {
        var parts = [source.citation]
        if let lines = source.lines { parts.append(lines.contains("-") ? "lignes \(lines.replacing("-", with: " à "))" : "ligne \(lines)") }
        return parts.joined(separator: ", ")
    }
    /// "Délib. n°2020-309, article 2, l. 5159-5162", for the criteria table; worked out once per
    /// scheme (`SchemeWording`).
    static func shortCitation(_ source: SourceReference, withLines: Bool = true) -> String {
        let number = source.deliberation.firstMatch(of: /n°\s*[0-9-]+/).map { String($0.output) }
        var parts = [number.map { "Délib. \($0)" } ?? source.deliberation]
        if let article = source.article { parts.append(article) }
        if withLines, let lines = source.lines { parts.append("l. \(lines)") }
        return parts.joined(separator: ", ")
    }
    static func baseName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
