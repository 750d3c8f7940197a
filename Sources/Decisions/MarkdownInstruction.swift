import Documents
import Evaluator
import ExactDecimal
import SchemeLanguage

/// The documents of the instructing service: the instructor's fiche (an avis and an amount
/// proposed, for the body that decides) and the request for pieces sent to the applicant.
/// Neither is a decision: no signature of the authority, no appeal routes.
enum MarkdownInstruction {
    static func fiche(_ record: DecisionRecord, into text: inout MarkdownText) {
        MarkdownDecision.banner(record, into: &text)
        MarkdownDecision.heading(record, into: &text)
        text.list(circumstances(record) + MarkdownDecision.references(record))
        avis(record, into: &text)
        MarkdownDecision.placement(record, into: &text)
        MarkdownDecision.examination(record, into: &text)
        if record.outcome == .unfavorable {
            MarkdownDecision.failedCriteria(record, title: "Motifs de l'avis défavorable", into: &text)
        }
        MarkdownDecision.pending(record, withIDs: true, into: &text)
        if !record.missing.isEmpty { MarkdownDecision.missing(record, withIDs: true, into: &text) }
        MarkdownDecision.notices(record, title: "Suites prévues par le dispositif en cas d'attribution", into: &text)
        MarkdownDecision.texts(record, into: &text)
        MarkdownDecision.technicalAnnex(record, into: &text)
        text.line("Instruit par : ……………………… (prénom, nom, qualité), le ………………………")
        text.blank()
    }

    /// Who will decide, the sitting a proposal goes to, the instructing service, the date of the rules.
    static func circumstances(_ record: DecisionRecord) -> [String] {
        var lines: [String] = []
        if let body = record.decidingBody {
            let source = record.scheme.decidedBy?.source.flatMap(record.wording.citation(id:)).map { " (\($0))" } ?? ""
            lines.append("Décision : \(body.bare)\(source)")
        } else {
            lines.append("Décision : autorité compétente non précisée par le dispositif")
        }
        if record.issuance.stage == .proposal, let act = record.issuance.act {
            let body = record.wording.bodyName(act.body)
            lines.append("Proposition soumise \(body.toBody), séance du \(act.date.frenchLong) (référence \(act.reference))")
        }
        lines += MarkdownDecision.serviceRows(record.issuance.deployment).map { "\($0[0]) : \($0[1])" }
        if let date = record.issuance.referenceDate { lines.append("Règles appliquées à la date du \(date.frenchLong)") }
        return lines
    }

    static func avisLabel(_ outcome: Outcome) -> String {
        switch outcome {
        case .favorable: "favorable"
        case .unfavorable: "défavorable"
        case .incomplete: "dossier incomplet"
        case .toExamine: "à instruire"
        }
    }

    private static func avis(_ record: DecisionRecord, into text: inout MarkdownText) {
        text.heading("Avis de l'instructeur : \(avisLabel(record.outcome))")
        switch (record.outcome, record.amount) {
        case (.favorable, let amount?):
            text.line("Montant proposé : **\(FrenchFormat.money(amount))**.")
        case (.favorable, nil):
            text.line("Proposition : la candidature est recevable et admise à la sélection.")
        case (.toExamine, let amount?):
            text.line("Montant proposé, sous réserve des points à instruire ci-dessous : **\(FrenchFormat.money(amount))**.")
        case (.toExamine, nil):
            text.line("Aucun montant ne peut être proposé avant que les points ci-dessous soient instruits.")
        case (.unfavorable, _):
            text.line("Montant proposé : néant. Les motifs de l'avis sont exposés ci-dessous.")
        case (.incomplete, _):
            text.line("Aucun montant ne peut être proposé : le dossier est incomplet.")
        }
        text.blank()
    }
}
