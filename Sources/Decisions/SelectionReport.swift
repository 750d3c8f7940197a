import Documents
import Evaluator
import ExactDecimal
import SchemeLanguage

/// The procès-verbal of a call's selection, for the committee to sign.
public enum SelectionReport {
    public static func markdown(_ result: SelectionResult) -> String {
        let scheme = result.scheme
        var text = MarkdownText()
        text.heading(scheme.authority.name, level: 1)
        text.heading("Procès-verbal de sélection")
        text.line("**\(scheme.title)** (\(scheme.kind.frenchName))")
        text.blank()
        if let source = scheme.selection?.source.flatMap(scheme.source) {
            MarkdownDecision.citedPassage(source, into: &text)
        }
        text.line("Réunion du comité de sélection du ……………………")
        text.blank()
        summary(result, into: &text)
        inadmissible(result, into: &text)
        pending(result, into: &text)
        ranking(result, into: &text)
        laureates(result, into: &text)
        quotas(result, into: &text)
        envelope(result, into: &text)
        rules(result, into: &text)
        text.line("Les membres du comité de sélection :")
        text.blank()
        text.line("(signatures)")
        text.blank()
        text.line("---")
        text.blank()
        text.line("Établi par Guichet \(DecisionRecord.currentEngineVersion) à partir des règles `\(scheme.id)`, empreinte SHA-256 `\(scheme.rulesHash)`.")
        return text.result
    }

    private static func summary(_ result: SelectionResult, into text: inout MarkdownText) {
        let total = result.ranked.count + result.inadmissible.count + result.pending.count
        text.section("Candidatures examinées : \(FrenchFormat.count(total))", bullets: [
            "admissibles : \(FrenchFormat.count(result.ranked.count))",
            "non admissibles (irrecevables ou incomplètes) : \(FrenchFormat.count(result.inadmissible.count))",
            "en cours d'instruction, non classées : \(FrenchFormat.count(result.pending.count))",
            "retenues : \(FrenchFormat.count(result.retained.count)) ; en liste d'attente : \(FrenchFormat.count(result.waiting.count))",
        ], level: 3)
    }

    private static func inadmissible(_ result: SelectionResult, into text: inout MarkdownText) {
        guard !result.inadmissible.isEmpty else { return }
        text.heading("Candidatures non admissibles", level: 3)
        text.table(["Référence", "Candidat", "Issue", "Motifs"], result.inadmissible.map { evaluation in
            [evaluation.application.id, evaluation.application.applicant.name, evaluation.outcome.rawValue, grounds(evaluation)]
        })
    }

    /// Why an application is not admissible: the missing items, or the failed criteria's grounds.
    static func grounds(_ evaluation: Evaluation) -> String {
        let record = DecisionRecord(evaluation)
        if evaluation.outcome == .incomplete {
            return "Éléments manquants : " + record.missing.map(\.text).joined(separator: " ; ")
        }
        let failures = record.failed.map(\.failure)
        return failures.isEmpty ? "Le montant de l'aide calculé selon les règles du dispositif est nul." : failures.joined(separator: " ")
    }

    /// What an instructor must still settle before an application can be ranked.
    static func pendingPoints(_ evaluation: Evaluation) -> String {
        let record = DecisionRecord(evaluation)
        let points = record.criteria.filter { $0.verdict == .pending }.map { FrenchGrammar.withoutFinalStop($0.label) }
            + record.awaitingConfirmation.map { "confirmer : \($0.question)" }
        return points.joined(separator: " ; ")
    }

    private static func pending(_ result: SelectionResult, into text: inout MarkdownText) {
        guard !result.pending.isEmpty else { return }
        text.heading("Candidatures en cours d'instruction", level: 3)
        text.line("Elles ne sont pas classées tant que l'instructeur ne s'est pas prononcé ; leur classement se fera sur les places restantes.")
        text.blank()
        text.table(["Référence", "Candidat", "Point à instruire"], result.pending.map { evaluation in
            [evaluation.application.id, evaluation.application.applicant.name, pendingPoints(evaluation)]
        })
    }

    private static func ranking(_ result: SelectionResult, into text: inout MarkdownText) {
        guard let selection = result.scheme.selection else { return }
        let keys = selection.ranking + selection.tieBreaks
        let groups: [(String?, [SelectionResult.Candidate])] = selection.category == nil
            ? [(nil, result.ranked)]
            : categoryOrder(result).map { category in (category, result.ranked.filter { $0.category == category }) }
        for (category, candidates) in groups {
            text.heading(category.map { "Classement — \(label(of: $0, in: result))" } ?? "Classement", level: 3)
            guard !candidates.isEmpty else {
                text.line("Aucune candidature admissible.")
                text.blank()
                continue
            }
            let amountColumn = result.scheme.amount != nil
            let header = ["Rang", "Référence", "Candidat"] + keys.map(\.label) + (amountColumn ? ["Aide"] : []) + ["Sélection"]
            text.table(header, candidates.map { candidate in
                let values = (candidate.ranking + candidate.tieBreaks).enumerated().map { index, value in
                    value.map { FrenchFormat.value($0, type: keys[index].expression.type) } ?? "inconnu"
                }
                let placement = result.decisions[candidate.evaluation.application.id]?.placement.rawValue ?? "—"
                var row = [FrenchFormat.count(candidate.rank) + (candidate.tiedByReference ? " (ex aequo, départagé par la référence)" : ""),
                           candidate.evaluation.application.id, candidate.evaluation.application.applicant.name] + values
                if amountColumn { row.append(candidate.amount.map(FrenchFormat.money) ?? "—") }
                row.append(placement)
                return row
            })
        }
    }

    private static func laureates(_ result: SelectionResult, into text: inout MarkdownText) {
        let retained = result.retained.map { candidate in
            let category = candidate.category.map { " — \(label(of: $0, in: result))" } ?? ""
            let amount = candidate.amount.map { " — \(FrenchFormat.money($0))" } ?? ""
            return "\(candidate.evaluation.application.id), \(candidate.evaluation.application.applicant.name)\(category)\(amount)"
        }
        let waiting = result.waiting.map { candidate in
            let reason = result.decisions[candidate.evaluation.application.id]?.reason ?? ""
            return "\(candidate.evaluation.application.id), \(candidate.evaluation.application.applicant.name) : \(reason)"
        }
        text.section("Candidatures retenues", bullets: retained, level: 3)
        text.section("Liste d'attente", bullets: waiting, level: 3)
    }

    private static func quotas(_ result: SelectionResult, into text: inout MarkdownText) {
        guard !result.quotas.isEmpty else { return }
        text.heading("Quotas par catégorie", level: 3)
        text.table(["Catégorie", "Quota", "Retenues", "Admissibles", "Observation"], result.quotas.map { quota in
            let note = quota.retained >= quota.quota ? "pourvu"
                : quota.admissible == 0 ? "non pourvu : aucune candidature admissible dans cette catégorie"
                : "non pourvu : \(FrenchFormat.count(quota.admissible, "candidature admissible", "candidatures admissibles")) seulement"
            return [label(of: quota.category, in: result), FrenchFormat.count(quota.quota), FrenchFormat.count(quota.retained),
                    FrenchFormat.count(quota.admissible), note]
        })
    }

    private static func envelope(_ result: SelectionResult, into text: inout MarkdownText) {
        guard result.envelope != nil else { return }
        text.heading("Enveloppe", level: 3)
        envelopeTable(result, into: &text)
    }

    /// The envelope, the total of the aids the selection proposes — nothing is committed before
    /// the competent body decides — and what is left; nothing for a call without an envelope.
    static func envelopeTable(_ result: SelectionResult, into text: inout MarkdownText) {
        guard let table = envelope(result) else { return }
        text.table(table.header, [table.row])
    }

    /// The envelope, the total proposed and what is left, as one table row; nil for a call
    /// without an envelope.
    static func envelope(_ result: SelectionResult) -> (header: [String], row: [String])? {
        guard let envelope = result.envelope, let left = result.left else { return nil }
        let made = result.envelopeFictitious ? " \(FrenchFormat.fictitious)" : ""
        return ([envelopeLabel(result.scheme), "Total proposé", "Reste disponible"],
                [FrenchFormat.money(envelope) + made, FrenchFormat.money(result.used), FrenchFormat.money(left)])
    }

    /// The envelope's parameter label when the envelope is one parameter, as in the scheme.
    private static func envelopeLabel(_ scheme: Scheme) -> String {
        if case .parameter(let index)? = scheme.selection?.envelope?.node { return scheme.parameters[index].label }
        return "Enveloppe"
    }

    static func rules(_ result: SelectionResult, into text: inout MarkdownText) {
        text.section("Règles de classement appliquées", bullets: rankingRules(result), level: 3)
    }

    /// The ranking rules by the names of their criteria: a report put to elected members
    /// carries no formula (`guichet explain` gives them). None for a scheme that ranks nothing.
    static func rankingRules(_ result: SelectionResult) -> [String] {
        guard let selection = result.scheme.selection else { return [] }
        var lines = selection.ranking.map { "Classement par « \($0.label) », \($0.descending ? "décroissant" : "croissant")." }
        lines += selection.tieBreaks.map { "À égalité, par « \($0.label) », \($0.descending ? "décroissant" : "croissant")." }
        lines.append("En dernier ressort, par référence de dossier : l'ordre de dépôt des fichiers n'intervient jamais.")
        if let laureates = selection.laureates { lines.append("\(laureates) candidatures au plus sont retenues.") }
        return lines
    }

    private static func categoryOrder(_ result: SelectionResult) -> [String] {
        guard case .enumeration(let domain)? = result.scheme.selection?.category?.type else { return [] }
        return domain.values
    }

    static func label(of category: String, in result: SelectionResult) -> String {
        guard case .enumeration(let domain)? = result.scheme.selection?.category?.type else { return category }
        return domain.label(of: category)
    }
}
