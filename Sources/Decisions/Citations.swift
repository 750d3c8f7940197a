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
        var parts = [number.map { "Délib. \($0)" } ?? codeInitials(source.deliberation) ?? source.deliberation]
        if let article = source.article { parts.append(article) }
        if withLines, let lines = source.lines { parts.append("l. \(lines)") }
        return parts.joined(separator: ", ")
    }
    /// A code by its initials, as French law abbreviates codes: « Code général des collectivités
    /// territoriales » gives « CGCT »; nil for any other title.
    static func codeInitials(_ title: String) -> String? {
        guard title.hasPrefix("Code ") else { return nil }
        let small: Set<String> = ["de", "des", "du", "la", "le", "les", "et", "entre", "en"]
        let words = title.split(separator: " ").map { $0.hasPrefix("l'") || $0.hasPrefix("d'") ? $0.dropFirst(2) : $0 }
        let initials = words.filter { !small.contains(String($0)) }.compactMap(\.first).map { String($0).uppercased() }
        return initials.count > 1 ? initials.joined() : nil
    }

    static func baseName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
