import Documents
import SchemeLanguage

/// What every act shares, whether it grants or refuses an aid (`MarkdownAct`) or takes one back
/// (`WithdrawalAct`): its number, the « Vu » that ground the power of the body that takes it,
/// the routes of appeal, the signature block and the notice on personal data. One place, so
/// that the acts cannot drift apart; the texts themselves are the rules folder's `mentions.yaml`.
enum ActBlocks {
    /// "n° CP20201102-15", the number kept with its sign.
    static func number(_ act: DecisionAct) -> String { "n°\u{00A0}\(act.reference)" }

    /// The row that identifies the act: the deliberation notified, for a body that votes; the
    /// decision itself, for the President; a bold line when neither number nor date is known.
    static func actRow(_ act: DecisionAct?, authority: Authority) -> [String] {
        guard let act else { return ["Acte", "**Numéro et date de l'acte non renseignés**"] }
        let body = BodyName(act.body, authority: authority)
        return act.body.votes
            ? ["Délibération notifiée", "\(number(act)) \(FrenchGrammar.de(body.name)) du \(act.date.frenchLong)"]
            : ["Décision", "\(number(act)) du \(act.date.frenchLong)"]
    }

    // MARK: - The « Vu » of the body's power

    /// « Vu le code général des collectivités territoriales, notamment son article … ; » when the
    /// scheme states the article that grounds the power of the body that decides on it, and
    /// `body` is that body; nil otherwise: no act cites an article that is not its body's.
    static func codeVisa(_ scheme: Scheme, body: DecidingBody?) -> String? {
        guard let authority = scheme.decidedBy, let article = authority.cgctArticle, authority.body == body else { return nil }
        return "Vu le code général des collectivités territoriales, notamment son article \(article) ;"
    }

    /// The scheme's texts, then the deliberation that confers the decision on its body. Only a
    /// deliberation confers the power to decide: a report that describes it is no visa.
    static func schemeVisas(_ scheme: Scheme) -> [String] {
        var visas = DecisionRecord.legalBasis(of: scheme).map { "Vu \(FrenchGrammar.withArticle($0)) ;" }
        if let authority = scheme.decidedBy, let source = authority.source.flatMap(scheme.source),
           source.deliberation.hasPrefix("Délibération") {
            let body = BodyName(authority.body, authority: scheme.authority)
            visas.append("Vu \(FrenchGrammar.withArticle(source.citation)), qui confie la décision \(body.toBody) ;")
        }
        return visas
    }

    /// For the letter notifying a deliberation, the deliberation itself; nil for the President's own act.
    static func deliberationVisa(_ act: DecisionAct?, authority: Authority) -> String? {
        guard let act, act.body.votes else { return nil }
        let body = BodyName(act.body, authority: authority)
        return "Vu la délibération \(number(act)) \(FrenchGrammar.de(body.name)) du \(act.date.frenchLong) ;"
    }

    // MARK: - The end of every act

    /// How the act names itself: "La présente décision" in the President's own act, "Cette
    /// décision" in the letter notifying a deliberation.
    static func subject(_ act: DecisionAct?) -> String {
        act?.body.votes == true ? "Cette décision" : "La présente décision"
    }

    /// The routes and time limits of appeal that fit the beneficiary (`mentions.yaml`, `appeal`):
    /// a person or a private body is « public » under the CRPA and may seize the court through
    /// « Télérecours citoyens »; a commune or an EPCI is an administration, and uses Télérecours.
    static func appeal(_ scheme: Scheme, applicant: Application.Applicant, act: DecisionAct?, into text: inout MarkdownText) {
        MarkdownDecision.mention(LegalMentions.appeal(scheme, applicant: applicant, act: act), into: &text)
    }

    /// The notice on personal data, after the signature, for an act that concerns them.
    static func personalData(_ scheme: Scheme, applicant: Application.Applicant, deployment: Deployment, into text: inout MarkdownText) {
        MarkdownDecision.mention(LegalMentions.personalData(scheme, applicant: applicant, deployment: deployment), into: &text)
    }

    /// The place is left blank; the date is the act's for a decision of the President, left
    /// blank for the letter notifying a deliberation. The signatory's first name, name and title
    /// come from guichet.yaml (CRPA L. 212-1), « par délégation » when they are not the
    /// authority's; when it names none, the block says so, never a name made up.
    static func signature(_ act: DecisionAct?, authority: Authority, deployment: Deployment, into text: inout MarkdownText) {
        let date = act.flatMap { $0.body.votes ? nil : $0.date.frenchLong } ?? "………………………"
        text.line("Fait à ………………………, le \(date)")
        text.blank()
        guard let signatory = deployment.signatory else {
            text.line("**Signataire non renseigné (guichet.yaml) : cet acte ne peut être signé en l'état.**")
            text.blank()
            return
        }
        if withoutArticle(signatory.title) != withoutArticle(authority.signatory) {
            text.line("Pour \(FrenchGrammar.lowercasedFirst(authority.signatory)) et par délégation,")
            text.blank()
        }
        text.line("\(signatory.title),")
        text.blank()
        text.line("(signature)")
        text.blank()
        text.line("\(signatory.firstName) \(signatory.name)")
        text.blank()
    }

    /// "président du conseil départemental" for "Le Président du Conseil départemental".
    private static func withoutArticle(_ title: String) -> String {
        let lowered = title.lowercased()
        for article in ["le ", "la ", "l'", "l’"] where lowered.hasPrefix(article) { return String(lowered.dropFirst(article.count)) }
        return lowered
    }
}
