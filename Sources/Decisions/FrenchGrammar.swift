/// The few grammatical agreements a generated French sentence needs.
enum FrenchGrammar {
    static func lowercasedFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.lowercased() + text.dropFirst()
    }

    static func capitalizedFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// The text closed by a full stop, unless it ends with an abbreviation's point, which
    /// stands for both ("… au P.D.E.S.I.", not "… au P.D.E.S.I..").
    static func sentenceEnd(_ text: String) -> String {
        text.hasSuffix(".") ? text : text + "."
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

    private static let feminine = ["commune", "communauté", "association", "région", "métropole", "fédération",
                                   "ligue", "société", "maison", "union", "agglomération"]
    private static let masculine = ["syndicat", "département", "centre", "comité", "club", "office", "établissement",
                                    "groupement", "pôle", "conseil", "parc", "pays", "gip"]

    /// An applicant's name with the article it takes: "la Commune de Wimereux", "le Syndicat mixte…",
    /// "l'Association…"; a person's name is left as it is.
    static func nominal(_ name: String) -> String {
        let firstWord = name.split(separator: " ").first.map { $0.lowercased() } ?? ""
        if let first = firstWord.first, "aeéèiouyh".contains(first), feminine.contains(firstWord) || masculine.contains(firstWord) || firstWord == "établissement" {
            return "l'" + name
        }
        if feminine.contains(firstWord) { return "la " + name }
        if masculine.contains(firstWord) { return "le " + name }
        return name
    }

    /// "à" before an applicant: "à la Commune…", "au Syndicat…", "à l'Association…".
    static func to(_ name: String) -> String {
        let phrase = nominal(name)
        return phrase.hasPrefix("le ") ? "au " + phrase.dropFirst(3) : "à " + phrase
    }

    /// "par" before an applicant: "par la Commune…".
    static func by(_ name: String) -> String { "par " + nominal(name) }
}
