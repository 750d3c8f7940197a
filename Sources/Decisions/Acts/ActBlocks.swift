import Documents
import Evaluator
import ExactDecimal
import SchemeLanguage

/// What every act says of itself, whether it grants or refuses an aid (`ActDocument`) or takes
/// one back (`WithdrawalAct`): its number, the « Vu » that ground the power of the body that
/// takes it, how it names itself, and the amount the body amended. The blocks every act lays
/// out (letterhead, signature, mentions, annex) are `ActParts` and `ActAnnex`.
enum ActBlocks {
    /// "n° CP20201102-15", the number kept with its sign.
    static func number(_ act: DecisionAct) -> String { "n°\u{00A0}\(act.reference)" }

    // MARK: - The « Vu » of the body's power

    /// « Vu le code général des collectivités territoriales, notamment son article … ; » when the
    /// scheme states the article that grounds the power of the body that decides on it, and
    /// `body` is that body; nil otherwise: no act cites an article that is not its body's.
    static func codeVisa(_ scheme: Scheme, body: DecidingBody?) -> String? {
        guard let authority = scheme.decidedBy, let article = authority.cgctArticle, authority.body == body else { return nil }
        return "Vu le code général des collectivités territoriales, notamment son article \(article) ;"
    }

    /// The scheme's texts in the order of their rank — laws, decrees, deliberations, then rules
    /// adopted under them — and the deliberation that confers the decision on its body, named
    /// once: when it is also among the texts, that visa says so (« …, notamment son article 2,
    /// qui confie la décision… »). A report to an assembly describes an act and is no act: it is
    /// no visa (the JSON's `legal_basis` still lists it).
    static func schemeVisas(_ scheme: Scheme) -> [String] {
        var texts = DecisionRecord.legalBasis(of: scheme).filter { !$0.hasPrefix("Rapport") }
        texts = texts.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
        guard let authority = scheme.decidedBy, let source = authority.source.flatMap(scheme.source),
              source.deliberation.hasPrefix("Délibération") else {
            return texts.map { "Vu \(FrenchGrammar.withArticle($0)) ;" }
        }
        let body = BodyName(authority.body, authority: scheme.authority)
        let confers = "qui confie la décision \(body.toBody)"
        var visas = texts.map { text -> String in
            guard text == source.deliberation else { return "Vu \(FrenchGrammar.withArticle(text)) ;" }
            let article = source.article.map { ", notamment son \($0)" } ?? ""
            return "Vu \(FrenchGrammar.withArticle(text))\(article), \(confers) ;"
        }
        if !texts.contains(source.deliberation) {
            visas.append("Vu \(FrenchGrammar.withArticle(source.citation)), \(confers) ;")
        }
        return visas
    }

    /// Where a text stands among the « Vu »: a law, a decree, a deliberation, anything else.
    private static func rank(_ title: String) -> Int {
        // The longest kind has 12 characters: lowercasing the whole title cost more than the rest of the « Vu ».
        let lowered = title.prefix(12).lowercased()
        for (index, kind) in ["loi", "ordonnance", "décret", "arrêté", "délibération"].enumerated() where lowered.hasPrefix(kind) {
            return index
        }
        return 5
    }

    /// For the letter notifying a deliberation, the deliberation itself; nil for the President's own act.
    static func deliberationVisa(_ act: DecisionAct?, authority: Authority) -> String? {
        guard let act, act.body.votes else { return nil }
        let body = BodyName(act.body, authority: authority)
        return "Vu la délibération \(number(act)) \(FrenchGrammar.de(body.name)) du \(act.date.frenchLong) ;"
    }

    /// The « Vu » of an act as the letter notifying it lists its texts: without the deliberation
    /// notified itself, nor the application, which is no text.
    static func letterTexts(_ visas: [String], act: DecisionAct, authority: Authority) -> [Text] {
        let own = deliberationVisa(act, authority: authority)
        return visas.filter { $0 != own && !$0.hasPrefix("Vu la demande ") }.map { Text(FrenchGrammar.withoutVu($0)) }
    }

    // MARK: - How an act names itself

    /// How the act names itself: "La présente décision" in the President's own act, "Cette
    /// décision" in the letter notifying a deliberation.
    static func subject(_ act: DecisionAct?) -> String {
        act?.body.votes == true ? "Cette décision" : "La présente décision"
    }

    // MARK: - An award or a refusal

    /// The « Vu » of an act that grants or refuses an aid, in order.
    static func awardVisas(_ record: DecisionRecord) -> [String] {
        awardVisasBefore(record) + schemeVisas(of: record) + [deliberationVisa(record)].compactMap { $0 } + awardVisasAfter(record)
    }

    /// The « Vu » before the scheme's texts: the code, and the CRPA for a refusal. The same in
    /// every act of a run with the same outcome and body.
    static func awardVisasBefore(_ record: DecisionRecord) -> [String] {
        awardVisasBefore(record.scheme, body: record.actingBody?.body, outcome: record.outcome)
    }

    static func awardVisasBefore(_ scheme: Scheme, body: DecidingBody?, outcome: Outcome) -> [String] {
        var before = [ActBlocks.codeVisa(scheme, body: body)].compactMap { $0 }
        if outcome == .unfavorable {
            before.append("Vu le code des relations entre le public et l'administration, notamment ses articles L. 211-2 et L. 211-5 ;")
        }
        return before
    }

    /// The scheme's texts (`schemeVisas(_:)`): the same in every act of the run, worked out once.
    static func schemeVisas(of record: DecisionRecord) -> [String] {
        schemeVisas(record.scheme, fragments: record.issuance.fragments)
    }

    /// `schemeVisas(_:)`, kept in the run's `fragments` when it has them.
    static func schemeVisas(_ scheme: Scheme, fragments: DocumentFragments?) -> [String] {
        let authority = scheme.decidedBy.map { [$0.body.rawValue, $0.source ?? "", $0.cgctArticle ?? ""] } ?? []
        guard let fragments else { return schemeVisas(scheme) }
        return fragments.value(["vu"] + authority, scheme: scheme) { schemeVisas(scheme) }
    }

    /// The deliberation notified, for the letter notifying it (`deliberationVisa(_:authority:)`).
    static func deliberationVisa(_ record: DecisionRecord) -> String? {
        deliberationVisa(record.issuance.act, authority: record.scheme.authority)
    }

    /// The « Vu » after the scheme's texts and the deliberation notified: the decisions the act
    /// depends on, then the application.
    /// `applicant`: the applicant's name with its article (`FrenchGrammar.nominal`), and `filed`
    /// the filing date written out, when the caller has them already.
    static func awardVisasAfter(_ record: DecisionRecord, applicant: String? = nil, filed: String? = nil) -> [String] {
        var after = record.dependencies.map { "Vu \(decisionNoun($0.outcome)) au titre du dispositif « \($0.title) » ;" }
        let application = record.application
        let by = FrenchGrammar.by(nominal: applicant ?? FrenchGrammar.nominal(application.applicant.name))
        after.append(String(sized: ["Vu la demande déposée le ", filed ?? application.filed.frenchLong, " ", by, " et les pièces qui l'accompagnent."]))
        return after
    }

    /// "la décision d'attribution", "la décision de rejet": an outcome as an act names another act.
    static func decisionNoun(_ outcome: Outcome) -> String {
        switch outcome {
        case .favorable: "la décision d'attribution prise"
        case .unfavorable: "la décision de rejet prise"
        case .incomplete: "la demande de pièces adressée"
        case .toExamine: "l'instruction en cours"
        }
    }

    /// When the body decided another amount than the one proposed to it, says so, from X to Y.
    static func amendment(_ record: DecisionRecord) -> String? {
        guard let proposed = record.issuance.proposedAmount, proposed != record.amount else { return nil }
        let body = record.actingBody?.capitalized ?? "L'autorité compétente"
        guard let change = amountChange(record) else {
            return "\(body) n'a pas retenu la proposition d'une aide de \(FrenchFormat.money(proposed))."
        }
        return "\(body) a modifié le montant qui lui était proposé, le \(change.lowered ? "ramenant" : "portant") \(change.span)."
    }

    /// How an aid granted changed the amount proposed: lowered or raised, « de X à Y »; nil when
    /// nothing was proposed, nothing changed or nothing is granted.
    static func amountChange(_ record: DecisionRecord) -> (lowered: Bool, span: String)? {
        guard let proposed = record.issuance.proposedAmount, let amount = record.amount, amount != proposed,
              record.outcome == .favorable else { return nil }
        return (amount < proposed, "de \(FrenchFormat.money(proposed)) à \(FrenchFormat.money(amount))")
    }
}
