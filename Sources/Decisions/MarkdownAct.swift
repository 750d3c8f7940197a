import Evaluator
import ExactDecimal
import SchemeLanguage

/// The act of the competent body: the President's decision, or for a body that votes the
/// notification of its deliberation. Signed by the deployment's signatory, with the routes of
/// appeal; a notified act says when it was notified.
enum MarkdownAct {
    static func render(_ record: DecisionRecord, into text: inout MarkdownText) {
        MarkdownDecision.heading(record, extraRows: actRows(record), into: &text)
        text.list(visas(record))
        decision(record, into: &text)
        MarkdownDecision.placement(record, into: &text)
        MarkdownDecision.examination(record, into: &text)
        if record.outcome == .unfavorable {
            MarkdownDecision.failedCriteria(record, title: "Motifs de la décision", into: &text)
        }
        MarkdownDecision.notices(record, title: "Suites de la décision", into: &text)
        MarkdownDecision.texts(record, into: &text)
        appeal(record, into: &text)
        signature(record, into: &text)
    }

    /// "n° CP20201102-15", the number kept with its sign.
    static func number(_ act: DecisionAct) -> String { "n°\u{00A0}\(act.reference)" }

    /// The act's number and date, and when it was notified.
    private static func actRows(_ record: DecisionRecord) -> [[String]] {
        var rows: [[String]] = []
        if let act = record.issuance.act {
            let body = BodyName(act.body, authority: record.scheme.authority)
            rows.append(act.body.votes
                ? ["Délibération notifiée", "\(number(act)) \(FrenchGrammar.de(body.name)) du \(act.date.frenchLong)"]
                : ["Décision", "\(number(act)) du \(act.date.frenchLong)"])
        } else {
            rows.append(["Acte", "**Numéro et date de l'acte non renseignés**"])
        }
        if let notified = record.issuance.notifiedOn { rows.append(["Notifiée le", notified.frenchLong]) }
        return rows
    }

    private static func visas(_ record: DecisionRecord) -> [String] {
        var visas: [String] = []
        if let delegation = record.actingBody?.delegationVisa { visas.append(delegation) }
        if record.outcome == .unfavorable {
            visas.append("Vu le code des relations entre le public et l'administration, notamment ses articles L. 211-2 et L. 211-5 ;")
        }
        visas += record.legalBasis.map { "Vu \(FrenchGrammar.withArticle($0)) ;" }
        // Only a deliberation confers the power to decide; a report that describes it is no visa.
        if let authority = record.scheme.decidedBy, let source = authority.source.flatMap(record.scheme.source),
           source.deliberation.hasPrefix("Délibération"), let body = record.decidingBody {
            visas.append("Vu \(FrenchGrammar.withArticle(source.citation)), qui confie la décision \(body.toBody) ;")
        }
        if let act = record.issuance.act, act.body.votes {
            let body = BodyName(act.body, authority: record.scheme.authority)
            visas.append("Vu la délibération \(number(act)) \(FrenchGrammar.de(body.name)) du \(act.date.frenchLong) ;")
        }
        visas += record.dependencies.map { "Vu la décision « \($0.outcome.rawValue) » au titre du dispositif « \($0.title) » ;" }
        let application = record.application
        visas.append("Vu la demande déposée le \(application.filed.frenchLong) \(FrenchGrammar.by(application.applicant.name)) et les pièces qui l'accompagnent.")
        return visas
    }

    private static func decision(_ record: DecisionRecord, into text: inout MarkdownText) {
        text.heading("Décision : \(record.outcome.rawValue)")
        text.line(record.issuance.act.map { $0.body.votes ? notification(record, $0) : statement(record) } ?? statement(record))
        text.blank()
        if let amendment = amendment(record) {
            text.line(amendment)
            text.blank()
        }
    }

    /// What was decided, as the body that votes decided it: "Par délibération n° … du …, la
    /// Commission permanente … a décidé d'attribuer …".
    private static func notification(_ record: DecisionRecord, _ act: DecisionAct) -> String {
        let body = BodyName(act.body, authority: record.scheme.authority)
        let name = record.application.applicant.name
        let scheme = "« \(record.scheme.title) »"
        let decided = "Par délibération \(number(act)) du \(act.date.frenchLong), \(body.name) a décidé"
        switch (record.outcome, record.amount) {
        case (.favorable, let amount?):
            return "\(decided) d'attribuer \(FrenchGrammar.to(name)) une aide d'un montant de **\(FrenchFormat.money(amount))** au titre du dispositif \(scheme)."
        case (.favorable, nil) where record.selected:
            return "\(decided) de **retenir** la candidature présentée \(FrenchGrammar.by(name)) au titre de l'appel \(scheme)."
        case (.favorable, nil):
            return "\(decided) de déclarer **recevable** la candidature présentée \(FrenchGrammar.by(name)) (\(scheme)) : elle est admise à la sélection."
        default:
            let what = record.grants ? "de **rejeter** la demande présentée" : "de déclarer **irrecevable** la candidature présentée"
            return "\(decided) \(what) \(FrenchGrammar.by(name)) au titre du dispositif \(scheme), pour les motifs de droit et de fait exposés ci-dessous."
        }
    }

    /// What is decided, in the words of the act itself (a decision of the President).
    private static func statement(_ record: DecisionRecord) -> String {
        let name = record.application.applicant.name
        let scheme = "« \(record.scheme.title) »"
        switch (record.outcome, record.amount) {
        case (.favorable, let amount?):
            return "Une aide d'un montant de **\(FrenchFormat.money(amount))** est attribuée \(FrenchGrammar.to(name)) au titre du dispositif \(scheme)."
        case (.favorable, nil) where record.selected:
            return "La candidature présentée \(FrenchGrammar.by(name)) est **retenue** au titre de l'appel \(scheme)."
        case (.favorable, nil):
            return "La candidature présentée \(FrenchGrammar.by(name)) (\(scheme)) est **recevable** : elle est admise à la sélection."
        default:
            let what = record.grants ? "La demande présentée" : "La candidature présentée"
            let verdict = record.grants ? "**rejetée**" : "**irrecevable**"
            return "\(what) \(FrenchGrammar.by(name)) au titre du dispositif \(scheme) est \(verdict), pour les motifs de droit et de fait exposés ci-dessous."
        }
    }

    /// When the body decided another amount than the one proposed to it, says so, from X to Y.
    static func amendment(_ record: DecisionRecord) -> String? {
        guard let proposed = record.issuance.proposedAmount, proposed != record.amount else { return nil }
        let body = record.actingBody?.capitalized ?? "L'autorité compétente"
        guard let amount = record.amount, record.outcome == .favorable else {
            return "\(body) n'a pas retenu la proposition d'une aide de \(FrenchFormat.money(proposed))."
        }
        let verb = amount < proposed ? "le ramenant" : "le portant"
        return "\(body) a modifié le montant qui lui était proposé, \(verb) de \(FrenchFormat.money(proposed)) à \(FrenchFormat.money(amount))."
    }

    private static func appeal(_ record: DecisionRecord, into text: inout MarkdownText) {
        let authority = record.scheme.authority
        let address = authority.courtAddress.map { " (\($0))" } ?? ""
        let subject = record.issuance.act?.body.votes == true ? "Cette décision" : "La présente décision"
        text.heading("Voies et délais de recours")
        text.line("\(subject) peut faire l'objet, dans un délai de deux mois à compter de sa notification, d'un recours gracieux auprès \(FrenchGrammar.de(authority.signatory)) ou d'un recours contentieux devant le \(authority.court)\(address). Le tribunal administratif peut aussi être saisi par l'application « Télérecours citoyens » accessible sur le site www.telerecours.fr.")
        text.blank()
        text.line("Le recours gracieux interrompt le délai du recours contentieux, qui court à nouveau à compter de la réponse de l'administration ; le silence gardé pendant deux mois sur le recours gracieux vaut décision de rejet.")
        text.blank()
    }

    /// "président du conseil départemental" for "Le Président du Conseil départemental".
    private static func withoutArticle(_ title: String) -> String {
        let lowered = title.lowercased()
        for article in ["le ", "la ", "l'", "l’"] where lowered.hasPrefix(article) { return String(lowered.dropFirst(article.count)) }
        return lowered
    }

    /// The place is left blank; the date is the decision's for a decision of the President, left
    /// blank for the letter notifying a deliberation. The signatory's first name, name and title
    /// come from guichet.yaml: when it does not say, the block says so, never a name made up.
    private static func signature(_ record: DecisionRecord, into text: inout MarkdownText) {
        let act = record.issuance.act
        let date = act.flatMap { $0.body.votes ? nil : $0.date.frenchLong } ?? "………………………"
        text.line("Fait à ………………………, le \(date)")
        text.blank()
        let authority = record.scheme.authority.signatory
        guard let signatory = record.issuance.deployment.signatory else {
            text.line("**Signataire non renseigné (guichet.yaml)**")
            text.blank()
            MarkdownDecision.dataProtection(record, into: &text)
            return
        }
        if withoutArticle(signatory.title) != withoutArticle(authority) {
            text.line("Pour \(FrenchGrammar.lowercasedFirst(authority)) et par délégation,")
            text.blank()
        }
        text.line("\(signatory.title),")
        text.blank()
        text.line("(signature)")
        text.blank()
        text.line("\(signatory.firstName) \(signatory.name)")
        text.blank()
        MarkdownDecision.dataProtection(record, into: &text)
    }
}
