import Documents
import Evaluator
import ExactDecimal
import SchemeLanguage

/// The act of the competent body: the President's decision, or for a body that votes the
/// notification of its deliberation. It names the instructing service, says that it was taken
/// on the basis of an algorithmic processing, gives the routes of appeal that fit the
/// beneficiary, is signed by the deployment's signatory and, when it concerns a person, ends
/// with the notice on personal data; a notified act says when it was notified.
enum MarkdownAct {
    static func render(_ record: DecisionRecord, into text: inout MarkdownText) {
        let deployment = record.issuance.deployment
        MarkdownDecision.heading(record, extraRows: actRows(record) + MarkdownDecision.serviceRows(deployment), into: &text)
        text.list(visas(record))
        decision(record, into: &text)
        MarkdownDecision.placement(record, into: &text)
        MarkdownDecision.examination(record, into: &text)
        if record.outcome == .unfavorable {
            MarkdownDecision.failedCriteria(record, title: "Motifs de la décision", into: &text)
        }
        MarkdownDecision.notices(record, title: "Suites de la décision", into: &text)
        MarkdownDecision.texts(record, into: &text)
        let act = record.issuance.act
        MarkdownDecision.mention(record.mention("traitement-algorithmique"), into: &text)
        MarkdownDecision.mention(record.mention("voies-de-recours"), into: &text)
        ActBlocks.signature(act, authority: record.scheme.authority, deployment: deployment, into: &text)
        MarkdownDecision.mention(record.mention("donnees-personnelles"), into: &text)
    }

    /// The act's number and date, and when it was notified.
    private static func actRows(_ record: DecisionRecord) -> [[String]] {
        var rows = [ActBlocks.actRow(record.issuance.act, authority: record.scheme.authority)]
        if let notified = record.issuance.notifiedOn { rows.append(["Notifiée le", notified.frenchLong]) }
        return rows
    }

    private static func visas(_ record: DecisionRecord) -> [String] {
        let scheme = record.scheme
        var visas = [ActBlocks.codeVisa(scheme, body: record.actingBody?.body)].compactMap { $0 }
        if record.outcome == .unfavorable {
            visas.append("Vu le code des relations entre le public et l'administration, notamment ses articles L. 211-2 et L. 211-5 ;")
        }
        visas += ActBlocks.schemeVisas(scheme)
        visas += [ActBlocks.deliberationVisa(record.issuance.act, authority: scheme.authority)].compactMap { $0 }
        visas += record.dependencies.map { "Vu \(Self.decisionNoun($0.outcome)) au titre du dispositif « \($0.title) » ;" }
        let application = record.application
        visas.append("Vu la demande déposée le \(application.filed.frenchLong) \(FrenchGrammar.by(application.applicant.name)) et les pièces qui l'accompagnent.")
        return visas
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

    private static func decision(_ record: DecisionRecord, into text: inout MarkdownText) {
        text.heading("Décision")
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
        let decided = "Par délibération \(ActBlocks.number(act)) du \(act.date.frenchLong), \(body.name) a décidé"
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
}
