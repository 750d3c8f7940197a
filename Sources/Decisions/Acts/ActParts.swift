import Documents
import Evaluator
import ExactDecimal
import SchemeLanguage

/// The parts every document sent to an applicant shares, as `Document` blocks: the letterhead,
/// the considérants that state the grounds, the mentions, the signature, the annex that
/// examines the application, and the footer that traces the document to its rules.
enum ActParts {
    // MARK: - The top of the first page

    /// The authority, its service and the agent in charge (CRPA L. 111-2), the references a
    /// reply quotes, and the addressee.
    static func letterhead(_ record: DecisionRecord, references extra: [Field] = []) -> Letterhead {
        letterhead(authority: record.scheme.authority, application: record.application, deployment: record.issuance.deployment,
                   references: extra)
    }

    static func letterhead(authority: Authority, application: Application, deployment: Deployment, references extra: [Field]) -> Letterhead {
        var references = [Field("Référence de la demande", Text(application.id))]
        if let subject = application.subject { references.append(Field("Objet de la demande", Text(subject))) }
        references.append(Field("Demande déposée le", Text(application.filed.frenchLong)))
        return Letterhead(authority: authority.name, sender: sender(deployment), references: references + extra,
                          addressee: [application.applicant.name] + (application.applicant.address.map { [$0] } ?? []))
    }

    /// The instructing service and the agent in charge, one line each; what guichet.yaml does
    /// not give is said, with where to give it.
    static func sender(_ deployment: Deployment) -> [String] {
        LegalMentions.serviceRows(deployment).map { row in
            row.label != "Service instructeur" ? "Affaire suivie par : \(row.value)" : row.missing == nil ? row.value : "\(row.label) : \(row.value)"
        }
    }

    // MARK: - The grounds

    /// How grounds are worded: as an act's « Considérant », or as a letter states them.
    enum GroundsStyle {
        /// « Considérant qu'aux termes de … : « … » ; », « Considérant que [the fact] ; ».
        case considering
        /// « Aux termes de … : « … ». », « Or, [the fact]. ».
        case letter
    }

    /// Each criterion not met, in law and in fact (CRPA L. 211-5): the text it rests on, then
    /// what the file shows; or, when every condition is met, that the amount comes to nothing.
    static func failedGrounds(_ record: DecisionRecord, style: GroundsStyle) -> [Text] {
        var grounds: [Text] = []
        if record.failed.isEmpty, let amount = record.amount {
            let fact = "toutes les conditions d'éligibilité sont remplies, mais le montant de l'aide calculé selon les règles du dispositif est de \(FrenchFormat.money(amount))"
            grounds.append(Text(style == .considering ? "Considérant que \(fact) ;" : FrenchGrammar.capitalizedFirst(fact) + "."))
        }
        for row in record.failed {
            if let source = row.source, let law = inLaw(source, style: style) { grounds.append(law) }
            var fact = FrenchGrammar.withoutFinalStop(row.failure)
            if let series = FrenchGrammar.thatSeries(row.facts.map(\.statement), besides: row.failure) {
                fact += (style == .considering ? " ; qu'il ressort du dossier " : " ; il ressort du dossier ") + series
            }
            if let note = row.note {
                fact += (style == .considering ? " ; que l'instructeur a relevé : « " : " ; l'instructeur a relevé : « ") + FrenchGrammar.withoutFinalStop(note) + " »"
            }
            grounds.append(Text(style == .considering ? "Considérant \(FrenchGrammar.that(fact)) ;" : FrenchGrammar.sentenceEnd("Or, \(FrenchGrammar.clause(fact))")))
        }
        return grounds
    }

    /// The text a ground rests on: its words between « », or for a summary what it provides in
    /// substance. Nil when the source gives neither.
    static func inLaw(_ source: SourceReference, style: GroundsStyle) -> Text? {
        let text = where_(source)
        let (lead, end) = style == .considering ? ("Considérant qu'", " ;") : ("", ".")
        if let quote = source.quote {
            return Text(FrenchGrammar.capitalizedFirst("\(lead)aux termes \(FrenchGrammar.de(text)) : « \(FrenchGrammar.withoutFinalStop(quote)) »\(end)"))
        }
        guard let summary = source.summary else { return nil }
        return Text(FrenchGrammar.capitalizedFirst("\(lead)en substance, \(text) prévoit que \(FrenchGrammar.withoutFinalStop(MarkdownDecision.phrase(summary)))\(end)"))
    }

    /// "l'article 2 de la délibération n°2020-309 …", or the act with its part in brackets.
    static func where_(_ source: SourceReference) -> String {
        let act = FrenchGrammar.withArticle(source.deliberation)
        guard let article = source.article else { return act }
        return article.lowercased().hasPrefix("article") ? "l'\(article) \(FrenchGrammar.de(act))" : "\(act) (\(article))"
    }

    /// A source as an act cites it: the act and its article, without the lines of the
    /// compiled text the rules quote from (« Délibération n°2020-309 …, article 2 »).
    static func citation(_ source: SourceReference) -> String { source.citation }

    // MARK: - The end of the act

    /// The place is left blank; the date is the act's for a decision of the President, left
    /// blank for the letter notifying a deliberation. The signatory comes from guichet.yaml
    /// (CRPA L. 212-1), « par délégation » when not the authority; when it names none, the
    /// block says so, never a name made up.
    static func signature(_ act: DecisionAct?, authority: Authority, deployment: Deployment) -> Signature {
        let date = act.flatMap { $0.body.votes ? nil : $0.date.frenchLong } ?? "………………………"
        let place = "Fait à ………………………, le \(date)"
        guard let signatory = deployment.signatory else {
            return Signature(placeAndDate: place, title: [], name: nil,
                             missing: "Signataire non renseigné (guichet.yaml) : cet acte ne peut être signé en l'état.")
        }
        var title: [String] = []
        if withoutArticle(signatory.title) != withoutArticle(authority.signatory) {
            title.append("Pour \(FrenchGrammar.lowercasedFirst(authority.signatory)) et par délégation,")
        }
        title.append("\(signatory.title),")
        return Signature(placeAndDate: place, title: title, name: "\(signatory.firstName) \(signatory.name)")
    }

    /// "président du conseil départemental" for "Le Président du Conseil départemental".
    private static func withoutArticle(_ title: String) -> String {
        let lowered = title.lowercased()
        for article in ["le ", "la ", "l'", "l’"] where lowered.hasPrefix(article) { return String(lowered.dropFirst(article.count)) }
        return lowered
    }

    /// A mention under its title, then what it lacks in bold; nothing for no mention.
    static func mention(_ mention: PrintedMention?) -> [Block] {
        guard let mention else { return [] }
        var paragraphs = mention.paragraphs.map { Text($0) }
        if !mention.missing.isEmpty {
            paragraphs.append(.strong("Mention à compléter avant tout envoi : \(mention.missing.joined(separator: " ; "))."))
        }
        return [.mention(title: mention.title, paragraphs: paragraphs)]
    }

    /// The footer that ties the document to its rules and its application: the engine, the
    /// rules file and both fingerprints.
    static func footer(_ record: DecisionRecord) -> [Block] {
        [.separator,
         .paragraph("Établi par Guichet \(record.engineVersion), règles « \(record.scheme.id) » (\(MarkdownDecision.baseName(record.scheme.file))) — SHA-256 des règles : \(record.scheme.rulesHash) ; de la demande : \(record.inputHash).", role: .small)]
    }
}
