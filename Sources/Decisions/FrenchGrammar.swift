/// The few grammatical agreements a generated French sentence needs.
enum FrenchGrammar {
    static func lowercasedFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.lowercased() + text.dropFirst()
    }

    /// "de" before a noun phrase: "Le Président…" gives "du Président…", "La commission…" "de la commission…".
    static func de(_ phrase: String) -> String {
        if phrase.hasPrefix("Le ") || phrase.hasPrefix("le ") { return "du " + phrase.dropFirst(3) }
        if phrase.hasPrefix("Les ") || phrase.hasPrefix("les ") { return "des " + phrase.dropFirst(4) }
        return "de " + lowercasedFirst(phrase)
    }

    /// The definite article a visa needs: "la délibération…", "le rapport…", "l'arrêté…".
    static func withArticle(_ name: String) -> String {
        let lowered = lowercasedFirst(name)
        if lowered.hasPrefix("délibération") || lowered.hasPrefix("convention") || lowered.hasPrefix("loi") { return "la " + lowered }
        if lowered.hasPrefix("rapport") || lowered.hasPrefix("règlement") || lowered.hasPrefix("code") || lowered.hasPrefix("décret") { return "le " + lowered }
        if let first = lowered.first, "aeéèiouy".contains(first) { return "l'" + lowered }
        return lowered
    }
}
