import YAMLReader

/// The `authority` and `sources` sections: written in full, or citing by key the entries of
/// the rules folder's `deliberations.yaml`.
extension SchemeBuilder {
    /// `authority: cd62`, a key of the shared file; or the four fields written out, as a
    /// scheme outside a rules folder does.
    mutating func authority(_ node: YAMLNode) -> Authority? {
        if node.mapping != nil {
            guard !deliberations.isShared else {
                log.error("ce dossier de règles déclare ses autorités dans \(deliberations.file) : désignez l'autorité par sa clé (authority: \(deliberations.authorities.keys.sorted().first ?? "…"))",
                          at: node.mark, path: "authority")
                return nil
            }
            return AuthorityReading.read(node, path: "authority", log: log)
        }
        guard let key = sharedKey(node, kind: "authority", path: "authority", declared: deliberations.authorities.keys,
                                  broken: deliberations.brokenAuthorities) else { return nil }
        usedAuthority = key
        return deliberations.authorities[key]
    }

    mutating func sources(_ node: YAMLNode) -> [SourceReference] {
        entries(node, path: "sources").compactMap { id, value, path in
            guard var fields = Fields(value, path: path, log: log) else { return nil }
            let title = citedText(&fields, at: value.mark, path: path)
            let article = fields.optional("article").flatMap { log.text($0, path: "\(path).article") }
            let lines = fields.optional("lines").flatMap { log.text($0, path: "\(path).lines") }
            let quote = fields.optional("quote").flatMap { log.text($0, path: "\(path).quote") }
            fields.rejectUnknown()
            sourceIDs.insert(id)
            return title.map { SourceReference(id: id, deliberation: $0, article: article, lines: lines, quote: quote) }
        }
    }

    /// The title of the text a source quotes: `act: cd62-2020-309`, a key of the shared file,
    /// or `deliberation:` with the title written out.
    private mutating func citedText(_ fields: inout Fields, at mark: SourceMark, path: String) -> String? {
        let actNode = fields.optional("act")
        let writtenNode = fields.optional("deliberation")
        switch (actNode, writtenNode) {
        case (let node?, nil):
            guard let key = sharedKey(node, kind: "act", path: "\(path).act", declared: deliberations.acts.keys,
                                      broken: deliberations.brokenActs) else { return nil }
            usedActs.insert(key)
            return deliberations.acts[key]?.title
        case (nil, let node?):
            guard !deliberations.isShared else {
                log.error("ce dossier de règles déclare ses actes dans \(deliberations.file) : citez l'acte par sa clé (act: …) plutôt que son titre",
                          at: node.mark, path: "\(path).deliberation")
                return nil
            }
            return log.text(node, path: "\(path).deliberation")
        case (_?, _?):
            log.error("give either 'act' (a key of deliberations.yaml) or 'deliberation' (the title written out), not both", at: mark, path: path)
            return nil
        case (nil, nil):
            log.error("missing field 'act': the key of the act quoted, declared under 'acts' in deliberations.yaml", at: mark, path: path)
            return nil
        }
    }

    /// A key of the shared file, checked: an unknown one gets the nearest known key. A broken
    /// entry is reported at its first citation only: its own errors are in the shared file.
    private mutating func sharedKey(_ node: YAMLNode, kind: String, path: String, declared: some Collection<String>,
                                    broken: Set<String>) -> String? {
        guard let key = log.text(node, path: path) else { return nil }
        if broken.contains(key) {
            if citedBroken.insert("\(kind) \(key)").inserted {
                log.error("\(kind) '\(ScalarParsing.truncated(key))' has errors in \(deliberations.file)", at: node.mark, path: path)
            }
            return nil
        }
        guard declared.contains(key) else {
            let known = broken.union(declared).sorted()
            var message = "unknown \(kind) '\(ScalarParsing.truncated(key))'"
            if let guess = Suggestion.closest(to: key, among: known) {
                message += "; did you mean '\(guess)'?"
            } else if known.isEmpty {
                message += ": no \(kind) is declared in \(deliberations.file)"
            } else {
                message += "; the keys of \(deliberations.file) are: \(known.joined(separator: ", "))"
            }
            log.error(message, at: node.mark, path: path)
            return nil
        }
        return key
    }
}
