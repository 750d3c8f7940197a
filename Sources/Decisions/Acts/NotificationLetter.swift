import Documents
import Evaluator
import ExactDecimal
import SchemeLanguage

/// The letter by which the President notifies to an applicant the deliberation of a body that
/// votes (the Commission permanente): what it decided, the texts it applied, for a refusal its
/// grounds in law and in fact, what follows, and the examination in annex.
enum NotificationLetter {
    static func body(_ record: DecisionRecord, act: DecisionAct) -> [Block] {
        let body = record.wording.bodyName(act.body)
        var blocks: [Block] = [
            .paragraph(.strong("Objet : ") + "notification de la délibération \(ActBlocks.number(act)) \(FrenchGrammar.de(body.name)) du \(act.date.frenchLong) — dispositif « \(record.scheme.title) »"),
            .paragraph("Madame, Monsieur,"),
            .paragraph(decided(record, act: act, body: body)),
        ]
        if let amendment = ActBlocks.amendment(record) { blocks.append(.paragraph(Text(amendment))) }
        if let requested = FinancingPlanSection.requestedInAct(record) { blocks.append(.paragraph(Text(requested))) }
        blocks.append(.paragraph("Cette décision se fonde sur les textes suivants :"))
        blocks.append(.list(ActBlocks.letterTexts(ActBlocks.awardVisas(record), act: act, authority: record.scheme.authority)))
        if record.outcome == .favorable {
            blocks += ActDocument.notices(record).map { .paragraph($0) }
        } else {
            blocks.append(.paragraph("Elle repose sur les motifs de droit et de fait suivants."))
            blocks += ActParts.failedGrounds(record, style: .letter).map { .paragraph($0) }
        }
        blocks.append(.paragraph(record.steps.contains { $0.value != nil }
            ? "L'examen de la demande, critère par critère, et le calcul du montant figurent en annexe."
            : "L'examen de la demande, critère par critère, figure en annexe."))
        blocks.append(.paragraph("Je vous prie d'agréer, Madame, Monsieur, l'expression de ma considération distinguée."))
        return blocks
    }

    /// « J'ai l'honneur de vous notifier la délibération … par laquelle … a décidé d'attribuer … ».
    private static func decided(_ record: DecisionRecord, act: DecisionAct, body: BodyName) -> Text {
        let name = record.application.applicant.name
        let scheme = "« \(record.scheme.title) »"
        let lead = "J'ai l'honneur de vous notifier la délibération \(ActBlocks.number(act)) du \(act.date.frenchLong) par laquelle \(body.name) a décidé"
        switch (record.outcome, record.amount) {
        case (.favorable, let amount?):
            return "\(lead) d'attribuer \(FrenchGrammar.to(name)) une aide d'un montant de " + .strong(FrenchFormat.money(amount))
                + " au titre du dispositif \(scheme)\(ActDocument.project(record))."
        case (.favorable, nil) where record.selected:
            return "\(lead) de " + .strong("retenir") + " la candidature présentée \(FrenchGrammar.by(name)) au titre de l'appel \(scheme)."
        case (.favorable, nil):
            return "\(lead) de déclarer " + .strong("recevable") + " la candidature présentée \(FrenchGrammar.by(name)) : elle est admise à la sélection de l'appel \(scheme)."
        default:
            let what = record.grants ? "de " + Text.strong("rejeter") + " la demande présentée" : "de déclarer " + Text.strong("irrecevable") + " la candidature présentée"
            return "\(lead) " + what + " \(FrenchGrammar.by(name)) au titre du dispositif \(scheme)\(ActDocument.project(record))."
        }
    }
}
