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
            guard let key = sharedKey(node, kind: .authority, path: "authority", declared: deliberations.authorities.keys,
                                      broken: deliberations.brokenAuthorities) else { return nil }
            usedAuthority = key
            log.error("dites qui décide des demandes : écrivez authority: {id: \(ScalarParsing.truncated(key)), decides: …, source: …}, "
                      + "où decides vaut \(DecidingBody.listed("ou")) et source est la source du dispositif qui cite la délégation",
                      at: node.mark, path: "authority")
            return deliberations.authorities[key]
        }
        let names = Set(node.mapping?.compactMap(\.key.scalar) ?? [])
        guard var fields = Fields(node, path: "authority", log: log) else { return nil }
        let authority: Authority?
        // The key form, unless the fields of an authority are written out ('name' and the rest).
        if names.contains("id") || deliberations.isShared && !names.contains("name") {
            authority = fields.required("id", what: "la clé d'une autorité de deliberations.yaml, comme cd62").flatMap { idNode in
                guard let key = sharedKey(idNode, kind: .authority, path: "authority.id", declared: deliberations.authorities.keys,
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
            ? fields.required("decides", what: "qui décide des demandes : \(DecidingBody.listed("ou"))")
            : fields.optional("decides")
        let sourceNode = fields.optional("source")
        let articleNode = fields.optional("cgct_article")
        fields.rejectUnknown()
        let article = articleNode.flatMap(cgctArticle)
        if let decidesNode, let text = log.text(decidesNode, path: "authority.decides"),
           let body = DecidingBody.read(text, at: decidesNode.mark, path: "authority.decides", log: log) {
            if let authority, authority.name(of: body) == nil {
                let place = usedAuthority.map { "l'autorité « \($0) » de \(deliberations.file)" } ?? "« authority.bodies »"
                log.error("\(place) ne donne pas de nom à l'instance « \(body.rawValue) » : ajoutez-le sous « bodies », avec son article, tel que les documents l'impriment",
                          at: decidesNode.mark, path: "authority.decides")
            }
            declaredDecision = DeclaredDecision(body: body, source: sourceNode, cgctArticle: article, mark: node.mark)
        } else if decidesNode == nil {
            // Both say something of the body that decides, which only 'decides' names.
            let orphans = [("source", "cite le texte qui donne son pouvoir", sourceNode),
                           ("cgct_article", "nomme l'article du code général des collectivités territoriales qui fonde le pouvoir", articleNode)]
            for (field, what, node) in orphans {
                guard let node else { continue }
                log.error("« \(field) » \(what) de l'instance que nomme « decides » : ajoutez « decides » (\(DecidingBody.listed("ou")))",
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
            log.error("attendu un article du code général des collectivités territoriales tel que les actes l'impriment, comme L. 3211-2 ou L. 3221-12-1, trouvé \(ScalarParsing.quoted(text))",
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
                log.error("champ « source » manquant : l'identifiant de la source (sous « sources ») qui cite l'acte déléguant les décisions à l'instance « \(declared.body.rawValue) »",
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
            guard let key = sharedKey(node, kind: .act, path: "\(path).act", declared: deliberations.acts.keys,
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
            log.error("donnez « act » (une clé de deliberations.yaml) ou « deliberation » (le titre en toutes lettres), pas les deux", at: mark, path: path)
            return nil
        case (nil, nil):
            log.error("champ « act » manquant : la clé de l'acte cité, déclaré sous « acts » dans deliberations.yaml", at: mark, path: path)
            return nil
        }
    }

    /// A key of the shared file, checked: an unknown one gets the nearest known key. A broken
    /// entry is reported at its first citation only: its own errors are in the shared file.
    private mutating func sharedKey(_ node: YAMLNode, kind: SharedKind, path: String, declared: some Collection<String>,
                                    broken: Set<String>) -> String? {
        guard let key = log.text(node, path: path) else { return nil }
        if broken.contains(key) {
            if citedBroken.insert("\(kind) \(key)").inserted {
                log.error("\(kind.definite) \(ScalarParsing.quoted(key)) contient des erreurs dans \(deliberations.file) : corrigez-les d'abord", at: node.mark, path: path)
            }
            return nil
        }
        guard declared.contains(key) else {
            let known = broken.union(declared).sorted()
            var message = "\(kind.noun) \(ScalarParsing.quoted(key)) \(kind.unknown)"
            if let question = Suggestion.question(for: key, among: known) {
                message += " ; " + question
            } else if known.isEmpty {
                message += " : \(kind.none) dans \(deliberations.file)"
            } else {
                message += " ; les clés de \(deliberations.file) sont : \(known.joined(separator: ", "))"
            }
            log.error(message, at: node.mark, path: path)
            return nil
        }
        return key
    }
}

/// What a key of `deliberations.yaml` names, and its French words for messages.
enum SharedKind {
    case authority, act

    var noun: String { self == .authority ? "autorité" : "acte" }
    var definite: String { self == .authority ? "l'autorité" : "l'acte" }
    var unknown: String { self == .authority ? "inconnue" : "inconnu" }
    var none: String { self == .authority ? "aucune autorité n'est déclarée" : "aucun acte n'est déclaré" }
}
