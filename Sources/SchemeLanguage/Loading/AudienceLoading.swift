import YAMLReader

/// The optional `beneficiaries` and `themes` fields: who may apply and what the scheme is
/// about, each a list of words of a closed vocabulary. They change no evaluation; a public
/// catalogue filters on them, so a misspelt word is an error located at it, with the closest word.
extension SchemeBuilder {
    /// `beneficiaries: [commune, epci, association]`.
    func beneficiaries(_ node: YAMLNode) -> [BeneficiaryCategory] {
        words(node, path: "beneficiaries", what: "bénéficiaire", example: "[commune, epci, association]")
    }

    /// `themes: [sport, tourisme]`.
    func themes(_ node: YAMLNode) -> [SchemeTheme] {
        words(node, path: "themes", what: "thème", example: "[sport, tourisme]")
    }

    private func words<Word: RawRepresentable & CaseIterable & Equatable>(
        _ node: YAMLNode, path: String, what: String, example: String
    ) -> [Word] where Word.RawValue == String {
        let known = Word.allCases.map(\.rawValue)
        guard let items = node.sequence else {
            log.error("\(path) attend une liste, par exemple \(path): \(example), pas \(ScalarParsing.shown(node))", at: node.mark, path: path)
            return []
        }
        if items.isEmpty {
            log.error("\(path) est vide : nommez au moins un \(what) parmi \(known.joined(separator: ", ")), ou retirez le champ",
                      at: node.mark, path: path)
        }
        var words: [Word] = []
        for (position, item) in items.enumerated() {
            let itemPath = "\(path)[\(position)]"
            guard let text = item.scalar else {
                log.error("un \(what) s'écrit comme un mot (\(known[0])), pas \(item.kindName)", at: item.mark, path: itemPath)
                continue
            }
            guard let word = Word(rawValue: text) else {
                var message = "\(what) inconnu « \(ScalarParsing.truncated(text)) »"
                if let guess = Suggestion.closest(to: text, among: known) { message += " ; vouliez-vous dire « \(guess) » ?" }
                message += " Les \(what)s possibles sont : \(known.joined(separator: ", "))"
                log.error(message, at: item.mark, path: itemPath)
                continue
            }
            guard !words.contains(word) else {
                log.error("« \(text) » figure deux fois dans \(path)", at: item.mark, path: itemPath)
                continue
            }
            words.append(word)
        }
        return words
    }
}
