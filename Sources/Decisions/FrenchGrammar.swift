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
    /// stands for both ("… au P.D.E.S.I.", not "… au P.D.E.S.I.."), or with a question or an
    /// exclamation mark.
    static func sentenceEnd(_ text: String) -> String {
        text.hasSuffix(".") || text.hasSuffix("?") || text.hasSuffix("!") ? text : text + "."
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
                                    "groupement", "pôle", "conseil", "parc", "pays", "gip", "collège", "lycée"]

    /// An applicant's name with the article it takes: "la Commune de Wimereux", "le Syndicat mixte…",
    /// "l'Association…"; a person's name is left as it is.
    static func nominal(_ name: String) -> String {
        if let article = asciiArticle(name) { return article + name }
        let firstWord = name.split(separator: " ").first.map { $0.lowercased() } ?? ""
        if let first = firstWord.first, "aeéèiouyh".contains(first), feminine.contains(firstWord) || masculine.contains(firstWord) || firstWord == "établissement" {
            return "l'" + name
        }
        // A household named « Famille Lambert »: « la famille Lambert », as a sentence says it.
        if firstWord == "famille" { return "la famille" + name.dropFirst("famille".count) }
        if feminine.contains(firstWord) { return "la " + name }
        if masculine.contains(firstWord) { return "le " + name }
        return name
    }

    /// The article `nominal` gives a name whose first word is plain ASCII (nearly every name:
    /// « Commune », « Association », « Demandeur »), found on its bytes without splitting the
    /// name into words nor comparing Unicode strings; nil for any other name, and for « Famille »,
    /// which `nominal` words differently. Only a word of ASCII letters can equal one of the
    /// nouns in ASCII, and a space followed by ASCII is a word's end for `split` as well (a space
    /// followed by a combining mark would not be).
    private static func asciiArticle(_ name: String) -> String? {
        name.withUTF8Bytes { bytes -> String? in
            var end = 0
            while end < bytes.count, bytes[end] != 0x20 {
                guard bytes[end] < 0x80 else { return nil }
                end += 1
            }
            guard end > 0, end + 1 >= bytes.count || bytes[end + 1] < 0x80 else { return nil }
            let word = bytes[0..<end].map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0 }
            guard word != Array("famille".utf8) else { return nil }
            let isFeminine = asciiNouns.feminine.contains(word)
            if isFeminine || asciiNouns.masculine.contains(word), Array("aeiouyh".utf8).contains(word[0]) { return "l'" }
            return isFeminine ? "la " : asciiNouns.masculine.contains(word) ? "le " : ""
        }
    }

    /// The nouns `nominal` knows that are spelled in ASCII, as bytes.
    private static let asciiNouns = (feminine: feminine.filter { $0.utf8.allSatisfy { $0 < 0x80 } }.map { Array($0.utf8) },
                                     masculine: masculine.filter { $0.utf8.allSatisfy { $0 < 0x80 } }.map { Array($0.utf8) })

    /// "à" before an applicant: "à la Commune…", "au Syndicat…", "à l'Association…".
    static func to(_ name: String) -> String { to(nominal: nominal(name)) }

    /// `to(_:)` of a name already given its article (`nominal(_:)`): a document that names its
    /// applicant several times finds the article once.
    static func to(nominal phrase: String) -> String {
        phrase.hasPrefix("le ") ? "au " + phrase.dropFirst(3) : "à " + phrase
    }

    /// "par" before an applicant: "par la Commune…".
    static func by(_ name: String) -> String { by(nominal: nominal(name)) }

    /// `by(_:)` of a name already given its article (`nominal(_:)`).
    static func by(nominal phrase: String) -> String { "par " + phrase }

    /// A sentence as a clause after « que »: « Le porteur n'est pas habilité. » gives « que le
    /// porteur n'est pas habilité », « qu'il … » before a vowel; a word in capitals keeps them
    /// (« que FSL … »), and a final abbreviation keeps its point (« P.D.E.S.I. »).
    static func that(_ sentence: String) -> String {
        let lowered = clause(sentence)
        let vowel = lowered.first.map { "aeiouyéèêëâàîïôûùhAEIOUYÉÈÊÀÂÎÔ".contains($0) } ?? false
        return (vowel ? "qu'" : "que ") + lowered
    }

    /// A sentence inside another: its first letter in lower case (unless it begins a word in
    /// capitals), without its final full stop.
    static func clause(_ sentence: String) -> String {
        let text = sentence.hasSuffix(".") && !sentence.hasSuffix(".)") && !endsWithAbbreviation(sentence) ? String(sentence.dropLast()) : sentence
        let start = text.prefix(2)
        return start.count == 2 && start.allSatisfy(\.isUppercase) ? text : lowercasedFirst(text)
    }

    /// « que a, que b et que c »: the statements as clauses, leaving out the one that says the
    /// same as `ground`; nil when none is left.
    static func thatSeries(_ statements: [String], besides ground: String) -> String? {
        let stated = words(ground)
        // A fact the ground already states says nothing more: « le propriétaire du site n'a pas
        // validé le projet » after « le projet n'a pas été validé par le propriétaire du site ».
        let clauses = statements.uniqued().filter { statement in
            let own = words(statement)
            return own.isEmpty || !own.isSubset(of: stated)
        }.map(that)
        guard !clauses.isEmpty else { return nil }
        return clauses.count == 1 ? clauses[0] : clauses.dropLast().joined(separator: ", ") + " et " + clauses[clauses.count - 1]
    }

    /// The words of a sentence, in lower case, without its punctuation.
    private static func words(_ sentence: String) -> Set<Substring> {
        Set(sentence.lowercased().split { $0 == " " || $0 == "," || $0 == ";" || $0 == "\u{00A0}" }
            .map { $0.hasSuffix(".") && $0.filter({ $0 == "." }).count == 1 ? $0.dropLast() : $0 })
    }

    /// The sentence without its final punctuation (« . », « ; », « , », « : »), unless the point
    /// closes an abbreviation: a quotation or a clause ends where the act's own sentence goes on.
    static func withoutFinalStop(_ text: String) -> String {
        var result = text
        while let last = result.last, ";,:".contains(last) || last == " " || last == "\u{00A0}" || last == "\u{202F}" {
            result.removeLast()
        }
        return result.hasSuffix(".") && !endsWithAbbreviation(result) ? String(result.dropLast()) : result
    }

    /// A sentence that may hold several clauses separated by « ; », each after « que »: « Le FSL
    /// peut intervenir ; le fonds s'adresse… » gives « que le FSL peut intervenir ; que le fonds
    /// s'adresse… ».
    static func thatClauses(_ sentence: String) -> String {
        sentence.components(separatedBy: " ; ").map(that).joined(separator: " ; ")
    }

    /// Whether a sentence ends with an abbreviation whose point is also its full stop (« P.D.E.S.I. »).
    static func endsWithAbbreviation(_ sentence: String) -> Bool {
        sentence.hasSuffix(".") && sentence.dropLast().split(separator: " ").last.map { $0.count >= 2 && $0.dropLast().last == "." || $0.filter { $0 == "." }.count >= 2 } ?? false
    }

    /// A visa without its « Vu » and final « ; » or « . », as a list of texts reads it:
    /// « Vu la délibération n° … ; » gives « la délibération n° … ».
    static func withoutVu(_ visa: String) -> String {
        var text = visa.hasPrefix("Vu ") ? String(visa.dropFirst(3)) : visa
        for end in [" ;", "."] where text.hasSuffix(end) { text = String(text.dropLast(end.count)) }
        return text
    }

    /// A summary after « En substance : », its first word in lower case unless it is an
    /// acronym or a name written in capitals (« E.S.I. », « FSL »).
    static func phrase(_ summary: String) -> String {
        let start = summary.prefix(2)
        guard start.count == 2, start.last!.isLowercase else { return summary }
        return FrenchGrammar.lowercasedFirst(summary)
    }
}
