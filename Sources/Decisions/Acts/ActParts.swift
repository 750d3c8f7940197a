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
    /// `filed`: the filing date written out (`LocalDate.frenchLong`), when the caller has it already.
    static func letterhead(_ record: DecisionRecord, references extra: [Field] = [], filed: String? = nil) -> Letterhead {
        // The sender depends on guichet.yaml's service alone: the same lines in every document of a run.
        let deployment = record.issuance.deployment
        let lines = record.issuance.fragment(["expéditeur"], scheme: record.scheme, from: deployment.service) { _ in Self.sender(deployment) }
        return letterhead(authority: record.scheme.authority, application: record.application, deployment: deployment,
                          references: extra, filed: filed, sender: lines)
    }

    /// `sender`: the lines `sender(deployment)` gives, when the caller has them already.
    static func letterhead(authority: Authority, application: Application, deployment: Deployment, references extra: [Field],
                           filed: String? = nil, sender lines: [String]? = nil) -> Letterhead {
        var references = [Field("Référence de la demande", Text(application.id))]
        if let subject = application.subject { references.append(Field("Objet de la demande", Text(subject))) }
        references.append(Field("Demande déposée le", Text(filed ?? application.filed.frenchLong)))
        return Letterhead(authority: authority.name, sender: lines ?? sender(deployment), references: references + extra,
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
        /// « Considérant qu'aux termes de … : « … » ; », « Considérant qu'il ressort des pièces
        /// du dossier que … ; que, par suite, … ; ».
        case considering
        /// « Aux termes de … : « … ». », « Il ressort des pièces du dossier que … Par suite, … ».
        case letter
    }

    /// Each criterion not met, in law and in fact (CRPA L. 211-5): the text it rests on, then
    /// what the file shows, then the ground it leads to; or, when every condition is met, that
    /// the amount comes to nothing. A refusal whose grounds the rules do not give says so in
    /// bold: it cannot be sent as it is.
    static func failedGrounds(_ record: DecisionRecord, style: GroundsStyle) -> [Text] {
        var grounds: [Text] = []
        if record.failed.isEmpty {
            guard let amount = record.amount else {
                return [.strong("Motif à compléter : les règles du dispositif ne donnent aucun critère non rempli ni montant ; cette décision de rejet ne peut être envoyée sans ses motifs (code des relations entre le public et l'administration, article L. 211-2).")]
            }
            let comes = amount == .zero ? "est nul" : "s'élève à \(FrenchFormat.money(amount))"
            let fact = "toutes les conditions d'éligibilité sont remplies, mais le montant de l'aide calculé selon les règles du dispositif \(comes)"
            grounds.append(Text(style == .considering ? "Considérant que \(fact) ;" : FrenchGrammar.capitalizedFirst(fact) + "."))
        }
        for row in record.failed {
            if let source = row.source, let law = inLaw(source, style: style, record: record) { grounds.append(law) }
            // The same criterion fails on the same facts in many applications of a run: the
            // clauses, which compare the facts word by word with the ground, are worked out once.
            let words = [row.failure, row.note ?? "\u{0}"] + row.facts.map(\.statement)
            grounds.append(record.issuance.fragment(["motif", style == .considering ? "considérant" : "lettre"] + words, scheme: record.scheme, from: words) { _ in inFact(row, style: style) })
        }
        return grounds
    }

    /// What the file shows, then the ground it leads to: « Considérant qu'il ressort des pièces du
    /// dossier que … ; que, par suite, … ; », leaving out a fact the ground already states.
    private static func inFact(_ row: DecisionRecord.CriterionRow, style: GroundsStyle) -> Text {
        var facts = FrenchGrammar.thatSeries(row.facts.map(\.statement), besides: row.failure)
        if let note = row.note {
            let noted = "l'instructeur a relevé : « \(FrenchGrammar.withoutFinalStop(note)) »"
            facts = facts.map { "\($0) et qu'\(noted)" } ?? "qu'\(noted)"
        }
        let ground = FrenchGrammar.thatClauses(row.failure)
        switch (style, facts) {
        case (.considering, let facts?): return Text("Considérant qu'il ressort des pièces du dossier \(facts) ; que, par suite, \(ground.dropFirst(ground.hasPrefix("qu'") ? 3 : 4)) ;")
        case (.considering, nil): return Text("Considérant \(ground) ;")
        // A ground ending with an abbreviation keeps its point as the sentence's (« … au P.D.E.S.I. »).
        case (.letter, let facts?): return Text(FrenchGrammar.sentenceEnd("Il ressort des pièces du dossier \(facts). Par suite, \(ground.dropFirst(ground.hasPrefix("qu'") ? 3 : 4))"))
        case (.letter, nil): return Text(FrenchGrammar.sentenceEnd("Or, \(ground.dropFirst(ground.hasPrefix("qu'") ? 3 : 4))"))
        }
    }

    /// What `inLaw(_:style:)` reads of a source.
    private struct CitedPassage: Equatable, Sendable {
        let deliberation: String
        let article: String?
        let quote: String?
        let summary: String?
        let context: Bool

        init(_ source: SourceReference) {
            (deliberation, article, quote, summary, context) = (source.deliberation, source.article, source.quote, source.summary, source.context)
        }
    }

    /// `inLaw(_:style:)`, worked out once for the run: the same criteria fail in many
    /// applications, and their texts are long.
    private static func inLaw(_ source: SourceReference, style: GroundsStyle, record: DecisionRecord) -> Text? {
        record.issuance.fragment(["en-droit", style == .considering ? "considérant" : "lettre", source.id], scheme: record.scheme,
                                 from: CitedPassage(source)) { _ in inLaw(source, style: style) }
    }

    /// The text a ground rests on: its words between « », or for a summary what it provides in
    /// substance. A passage read for context only (`context: true`: an annex that describes the
    /// rules, not the act that makes them) is cited as what it is: a description, never « aux
    /// termes de » a text the act does not rest on. Nil when the source gives neither.
    static func inLaw(_ source: SourceReference, style: GroundsStyle) -> Text? {
        let text = citedText(source)
        let (lead, end) = style == .considering ? ("Considérant qu'", " ;") : ("", ".")
        if let quote = source.quote {
            let words = "« \(FrenchGrammar.withoutFinalStop(quote)) »"
            if source.context {
                let described = style == .considering ? "Considérant que \(text), qui décrit les règles du dispositif, indique : " : "\(FrenchGrammar.capitalizedFirst(text)), qui décrit les règles du dispositif, indique : "
                return Text(described + words + end)
            }
            return Text(FrenchGrammar.capitalizedFirst("\(lead)aux termes \(FrenchGrammar.de(text)) : \(words)\(end)"))
        }
        guard let summary = source.summary else { return nil }
        let verb = source.context ? "décrit" : "prévoit"
        return Text(FrenchGrammar.capitalizedFirst("\(lead)en substance, \(text) \(verb) que \(FrenchGrammar.withoutFinalStop(FrenchGrammar.phrase(summary)))\(end)"))
    }

    /// "l'article 2 de la délibération n°2020-309 …", or the act, a comma, then its part.
    static func citedText(_ source: SourceReference) -> String {
        let act = FrenchGrammar.withArticle(source.deliberation)
        guard let article = source.article else { return act }
        return article.lowercased().hasPrefix("article") ? "l'\(article) \(FrenchGrammar.de(act))" : "\(act), \(article)"
    }

    // MARK: - The end of the act

    /// The place is left blank; the date is the act's for a decision of the President, left
    /// blank for the letter notifying a deliberation. The signatory comes from guichet.yaml
    /// (CRPA L. 212-1), « par délégation » when not the authority; when it names none, the
    /// block says so, never a name made up.
    static func signature(_ act: DecisionAct?, authority: Authority, deployment: Deployment) -> Signature {
        // « Fait à … » closes an act; a letter notifying a deliberation is dated as a letter.
        let place = act.map { $0.body.votes ? "………………………, le ………………………" : "Fait à ………………………, le \($0.date.frenchLong)" }
            ?? "Fait à ………………………, le ………………………"
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

    /// What an act's signature is made from.
    private struct SignatureSource: Equatable, Sendable {
        let act: DecisionAct?
        let authority: String
        let signatory: Deployment.Person?
    }

    /// The act's signature block: the same in every act of the run, so laid out once for it.
    static func signatureBlock(_ record: DecisionRecord) -> [Block] {
        let (authority, deployment) = (record.scheme.authority, record.issuance.deployment)
        let source = SignatureSource(act: record.issuance.act, authority: authority.signatory, signatory: deployment.signatory)
        return record.issuance.sharedBlocks(["signature"], scheme: record.scheme, from: source) { source in
            [.signature(signature(source.act, authority: authority, deployment: deployment))]
        }
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

    /// The mentions of these ids the record prints, in this order: the same words in most acts
    /// of a run, so laid out once for it (`Issuance.sharedBlocks`).
    /// Kept from the record's mentions, which those of the run share (`LegalMentions.printed`):
    /// telling them equal is then nearly free.
    static func mentions(_ ids: [String], of record: DecisionRecord) -> [Block] {
        let key = ["mentions", record.application.applicant.beneficiaryKind?.rawValue ?? "", ActBlocks.subject(record.issuance.act)] + ids
        return record.issuance.sharedBlocks(key, scheme: record.scheme, from: record.mentions) { printed in
            ids.flatMap { id in mention(printed.mention(id)) }
        }
    }

    /// The footer that ties the document to its rules and its application: the engine, the
    /// rules file and both fingerprints.
    static func footer(_ record: DecisionRecord) -> [Block] {
        // All but the application's fingerprint is the scheme's: worked out once for it
        // (`SchemeWording.footer`) by this engine.
        let engine = record.engineVersion
        let rules = engine == DecisionRecord.currentEngineVersion ? record.wording.footer : footer(engine: engine, scheme: record.scheme)
        return [.separator, .paragraph(Text(String(sized: [rules, record.inputHash, "."])), role: .small)]
    }

    /// The footer's words before the application's fingerprint.
    static func footer(engine: String, scheme: Scheme) -> String {
        "Établi par Guichet \(engine), règles « \(scheme.id) » (\(Citations.baseName(scheme.file))) — SHA-256 des règles : \(scheme.rulesHash) ; de la demande : "
    }
}
