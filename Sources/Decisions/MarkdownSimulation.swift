import Documents
import Evaluator
import ExactDecimal
import SchemeLanguage

/// A simulation: what an application would give, worded conditionally. It says at its top and
/// at its end that it is not a decision, carries no « Vu », no signature and no appeal routes;
/// it says, as information, that the decision will rest on an algorithmic processing.
enum MarkdownSimulation {
    static func render(_ record: DecisionRecord, into text: inout MarkdownText) {
        MarkdownDecision.banner(record, into: &text)
        let date = record.issuance.referenceDate.map { [["Règles appliquées à la date du", $0.frenchLong]] } ?? []
        MarkdownDecision.heading(record, extraRows: date, into: &text)
        text.list(MarkdownDecision.references(record))
        verdict(record, into: &text)
        MarkdownDecision.placement(record, into: &text)
        MarkdownDecision.examination(record, into: &text)
        switch record.outcome {
        case .unfavorable:
            MarkdownDecision.failedCriteria(record, title: "Conditions qui ne paraissent pas remplies", conditional: true, into: &text)
        case .incomplete: MarkdownDecision.missing(record, into: &text)
        case .toExamine: MarkdownDecision.pending(record, title: "Points que l'instructeur devra apprécier", into: &text)
        case .favorable: break
        }
        MarkdownDecision.notices(record, title: "Suites prévues par le dispositif en cas d'attribution", into: &text)
        MarkdownDecision.texts(record, into: &text)
        MarkdownDecision.mention(record.mention("traitement-algorithmique"), into: &text)
    }

    private static func verdict(_ record: DecisionRecord, into text: inout MarkdownText) {
        text.heading("Résultat de la simulation")
        for paragraph in SimulationVerdict.paragraphs(record) {
            // Written as the sentences always were: the amount in bold, nothing else marked up.
            text.line(paragraph.runs.map { $0.style == .strong ? "**\($0.text)**" : $0.text }.joined())
            text.blank()
        }
    }
}

/// What a simulation concludes, in conditional French: the same paragraphs in its Markdown and
/// in its HTML (`SimulationDocument`), the amount set off.
enum SimulationVerdict {
    static func paragraphs(_ record: DecisionRecord) -> [Text] {
        let name = record.application.applicant.name
        let scheme = "« \(record.scheme.title) »"
        let request = record.grants ? "la demande" : "la candidature"
        var paragraphs: [Text] = []
        switch record.outcome {
        case .favorable:
            if let amount = record.amount.map(FrenchFormat.money) {
                paragraphs.append("Au vu des informations déclarées, la demande présentée \(FrenchGrammar.by(name)) paraît remplir les conditions du dispositif \(scheme) : l'aide pourrait s'élever à " + .strong(amount) + ".")
            } else {
                paragraphs.append("Au vu des informations déclarées, la candidature présentée \(FrenchGrammar.by(name)) paraît recevable au titre du dispositif \(scheme) : elle pourrait être admise à la sélection.")
            }
        case .unfavorable:
            if record.failed.isEmpty {
                paragraphs.append("Au vu des informations déclarées, \(request) présentée \(FrenchGrammar.by(name)) ne paraît pas pouvoir donner lieu à une aide au titre du dispositif \(scheme) : le montant calculé selon ses règles serait nul.")
            } else {
                paragraphs.append("Au vu des informations déclarées, \(request) présentée \(FrenchGrammar.by(name)) ne paraît pas remplir les conditions du dispositif \(scheme), pour les raisons exposées ci-dessous.")
            }
        case .incomplete:
            paragraphs.append("Les informations fournies ne permettent pas de conclure : \(request) présentée \(FrenchGrammar.by(name)) au titre du dispositif \(scheme) devrait être complétée des éléments listés ci-dessous.")
        case .toExamine:
            paragraphs.append("\(FrenchGrammar.capitalizedFirst(request)) présentée \(FrenchGrammar.by(name)) au titre du dispositif \(scheme) comporte des points que seul l'instructeur peut apprécier ; ils sont listés ci-dessous.")
            if let amount = record.amount {
                paragraphs.append("Sous réserve de ces points, l'aide pourrait s'élever à " + .strong(FrenchFormat.money(amount)) + ".")
            }
        }
        let who = record.decidingBody.map { FrenchGrammar.de($0.name) } ?? "de l'autorité compétente"
        paragraphs.append("Seule une décision \(who), prise après instruction de la demande, peut \(record.grants ? "attribuer une aide" : "admettre une candidature").")
        return paragraphs
    }
}
