import YAMLReader

/// The `authority` and `sources` sections: written in full, or citing by key the entries of
/// the rules folder's `deliberations.yaml`.
extension SchemeBuilder {
    /// `authority: {id: cd62, decides: commission-permanente, source: delegation}`: a key of the
    /// shared file and who decides; or, as a scheme outside a rules folder does, the authority's
    /// fields written out, who decides being optional there. `authority: cd62` alone still names
    /// the authority, but a folder with a shared file requires who decides.
    mutating func authority(_ node: YAMLNode) -> Authority? {
        guard node.mapping != nil else {
            guard let key = sharedKey(node, kind: "authority", path: "authority", declared: deliberations.authorities.keys,
                                      broken: deliberations.brokenAuthorities) else { return nil }
            usedAuthority = key
            log.error("say who decides on the applications: write authority: {id: \(ScalarParsing.truncated(key)), decides: …, source: …}, "
                      + "where decides is \(DecidingBody.listed("or")) and source the scheme's source that quotes the delegation",
                      at: node.mark, path: "authority")
            return deliberations.authorities[key]
        }
        let names = Set(node.mapping?.compactMap(\.key.scalar) ?? [])
        guard var fields = Fields(node, path: "authority", log: log) else { return nil }
        let authority: Authority?
        // The key form, unless the fields of an authority are written out ('name' and the rest).
        if names.contains("id") || deliberations.isShared && !names.contains("name") {
            authority = fields.required("id", what: "the key of an authority of deliberations.yaml, such as cd62").flatMap { idNode in
                guard let key = sharedKey(idNode, kind: "authority", path: "authority.id", declared: deliberations.authorities.keys,
                                          broken: deliberations.brokenAuthorities) else { return nil }
                usedAuthority = key
                return deliberations.authorities[key]
            }
        } else {
            guard !deliberations.isShared else {
                log.error("ce dossier de règles déclare ses autorités dans \(deliberations.file) : désignez l'autorité par sa clé (authority: {id: \(deliberations.authorities.keys.sorted().first ?? "…"), decides: …, source: …})",
                          at: node.mark, path: "authority")
                return nil
            }
            authority = AuthorityReading.read(&fields, path: "authority", log: log)
        }
        // Who decides: required in a folder with a shared file, optional for a scheme on its own.
        let decidesNode = deliberations.isShared
            ? fields.required("decides", what: "who decides on the applications: \(DecidingBody.listed("or"))")
            : fields.optional("decides")
        let sourceNode = fields.optional("source")
        let articleNode = fields.optional("cgct_article")
        fields.rejectUnknown()
        let article = articleNode.flatMap(cgctArticle)
        if let decidesNode, let text = log.text(decidesNode, path: "authority.decides"),
           let body = DecidingBody.read(text, at: decidesNode.mark, path: "authority.decides", log: log) {
            if let authority, authority.name(of: body) == nil {
                let place = usedAuthority.map { "the authority '\($0)' of \(deliberations.file)" } ?? "'authority.bodies'"
                log.error("\(place) gives no name to the body '\(body.rawValue)': add it under 'bodies', with its article, as documents print it",
                          at: decidesNode.mark, path: "authority.decides")
            }
            declaredDecision = DeclaredDecision(body: body, source: sourceNode, cgctArticle: article, mark: node.mark)
        } else if decidesNode == nil {
            // Both say something of the body that decides, which only 'decides' names.
            let orphans = [("source", "cites the text that gives", sourceNode),
                           ("cgct_article", "names the article of the code général des collectivités territoriales that grounds", articleNode)]
            for (field, what, node) in orphans {
                guard let node else { continue }
                log.error("'\(field)' \(what) its power to the body named by 'decides': add 'decides' (\(DecidingBody.listed("or")))",
                          at: node.mark, path: "authority.\(field)")
            }
        }
        return authority
    }

    /// `cgct_article: L. 3221-12-1`: an article of the legislative part of the CGCT, written as
    /// the « Vu » of an act prints it.
    private func cgctArticle(_ node: YAMLNode) -> String? {
        guard let text = log.text(node, path: "authority.cgct_article") else { return nil }
        guard text.wholeMatch(of: /L\. [1-9][0-9]*(-[0-9]+)*/) != nil else {
            log.error("expected an article of the code général des collectivités territoriales as acts print it, such as L. 3211-2 or L. 3221-12-1; found '\(ScalarParsing.truncated(text))'",
                      at: node.mark, path: "authority.cgct_article")
            return nil
        }
        return text
    }

    /// Who decides, once the sources are read: a body acting by delegation cites the source
    /// that quotes its delegation.
    func decisionAuthority() -> DecisionAuthority? {
        guard let declared = declaredDecision else { return nil }
        guard let node = declared.source else {
            if declared.body != .assembly {
                log.error("missing field 'source': the id of the source (under 'sources') that quotes the act delegating the decisions to the body '\(declared.body.rawValue)'",
                          at: declared.mark, path: "authority")
            }
            return DecisionAuthority(body: declared.body, source: nil, cgctArticle: declared.cgctArticle)
        }
        guard let id = sourceID(node, path: "authority.source") else { return nil }
        return DecisionAuthority(body: declared.body, source: id, cgctArticle: declared.cgctArticle)
    }

    mutating func sources(_ node: YAMLNode) -> [SourceReference] {
        entries(node, path: "sources").compactMap { id, value, path in
            guard var fields = Fields(value, path: path, log: log) else { return nil }
            let cited = citedText(&fields, at: value.mark, path: path)
            let article = fields.optional("article").flatMap { log.text($0, path: "\(path).article") }
            let linesNode = fields.optional("lines")
            let lines = linesNode.flatMap { log.text($0, path: "\(path).lines") }
            let quoteNode = fields.optional("quote")
            let quote = quoteNode.flatMap { log.text($0, path: "\(path).quote") }
            let summaryNode = fields.optional("summary")
            let summary = summaryNode.flatMap { log.text($0, path: "\(path).summary") }
            let context = fields.optional("context").flatMap { log.boolean($0, path: "\(path).context") } ?? false
            fields.rejectUnknown()
            sourceIDs.insert(id)
            if quoteNode == nil, summaryNode == nil {
                log.error("une source donne les mots du texte (quote), une paraphrase (summary), ou les deux : "
                          + "quote est imprimé entre « » comme le texte même, summary sans guillemets",
                          at: value.mark, path: path)
            }
            return cited.map {
                SourceReference(id: id, deliberation: $0.title, article: article, lines: lines, quote: quote, summary: summary,
                                act: $0.act, context: context, linesMark: linesNode?.mark, quoteMark: quoteNode?.mark)
            }
        }
    }

    /// The title of the text a source quotes: `act: cd62-2020-309`, a key of the shared file,
    /// or `deliberation:` with the title written out; with the key, when there is one.
    private mutating func citedText(_ fields: inout Fields, at mark: SourceMark, path: String) -> (title: String, act: String?)? {
        let actNode = fields.optional("act")
        let writtenNode = fields.optional("deliberation")
        switch (actNode, writtenNode) {
        case (let node?, nil):
            guard let key = sharedKey(node, kind: "act", path: "\(path).act", declared: deliberations.acts.keys,
                                      broken: deliberations.brokenActs) else { return nil }
            usedActs.insert(key)
            return deliberations.acts[key].map { ($0.title, key) }
        case (nil, let node?):
            guard !deliberations.isShared else {
                log.error("ce dossier de règles déclare ses actes dans \(deliberations.file) : citez l'acte par sa clé (act: …) plutôt que son titre",
                          at: node.mark, path: "\(path).deliberation")
                return nil
            }
            return log.text(node, path: "\(path).deliberation").map { ($0, nil) }
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
