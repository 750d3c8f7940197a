import Documents
import Evaluator
import ExactDecimal
import SchemeLanguage

/// The draft report that puts a call's selection to the vote of the body that decides, for
/// one sitting: an exposé citing the scheme's texts, what is proposed, and the annexes — the
/// aids proposed against the envelope, the waiting list, the applications not retained with
/// their reasons. A draft, never an act: it says so at its top and at its end.
///
/// The ranking and the placements are the selection's (`CallSelector`), as the procès-verbal
/// (`SelectionReport`) prints them.
public enum ProposalReport {
    /// `simulation`: the report is a self-check, made before any sitting; its first and last
    /// lines say so instead of putting it to the body.
    public static func markdown(_ result: SelectionResult, sitting: DecisionAct, deployment: Deployment = Deployment(),
                                simulation: Bool = false) -> String {
        let scheme = result.scheme
        let body = BodyName(sitting.body, authority: scheme.authority)
        let notice = simulation ? DecisionRecord.simulationNotice : body.proposalNotice
        var text = MarkdownText()
        text.line("> **\(notice).**")
        text.blank()
        text.heading(scheme.authority.name, level: 1)
        text.heading("Projet de rapport \(body.toBody) — \(scheme.title)")
        // The President does not sit: his decision follows the selection of that day.
        var rows = [[sitting.body.votes ? "Séance" : "Date", sitting.date.frenchLong], ["Référence", sitting.reference], ["Dispositif", "\(scheme.title) (\(scheme.kind.frenchName))"]]
        if let service = MarkdownDecision.serviceLine(deployment) { rows.append(["Service instructeur", service]) }
        text.table(["", ""], rows)
        expose(result, into: &text)
        proposals(result, body: body, into: &text)
        SelectionReport.rules(result, into: &text)
        proposed(result, into: &text)
        waiting(result, into: &text)
        notRetained(result, into: &text)
        pending(result, into: &text)
        text.line("---")
        text.blank()
        text.line("**\(notice).**")
        text.blank()
        text.line("Établi par Guichet \(DecisionRecord.currentEngineVersion) à partir des règles `\(scheme.id)`, empreinte SHA-256 `\(scheme.rulesHash)`.")
        return text.result
    }

    /// The amount steps the annex shows beside the amount proposed: each step that is a fact
    /// of the file as it stands (its formula is one input, as the eligible expense) and each
    /// step that is a rate. The intermediate computations (before a ceiling, the ceiling left)
    /// stay in each application's fiche; the result is the « Montant proposé » column.
    public static func annexSteps(_ scheme: Scheme) -> [Int] {
        guard let amount = scheme.amount else { return [] }
        return amount.steps.indices.filter { index in
            guard index != amount.result else { return false }
            let expression = amount.steps[index].expression
            if case .input = expression.node { return true }
            return expression.type == .rate
        }
    }

    private static func expose(_ result: SelectionResult, into text: inout MarkdownText) {
        let scheme = result.scheme
        text.heading("Exposé", level: 3)
        let texts = DecisionRecord.legalBasis(of: scheme).map(FrenchGrammar.withArticle)
        if !texts.isEmpty {
            text.line("Le dispositif « \(scheme.title) » (\(scheme.kind.frenchName)) repose sur \(series(texts)).")
            text.blank()
        }
        if let source = scheme.selection?.source.flatMap(scheme.source) {
            MarkdownDecision.citedPassage(source, into: &text)
        }
        let total = result.ranked.count + result.inadmissible.count + result.pending.count
        let examined = FrenchFormat.agreed(total, "a été examinée", "ont été examinées")
        text.line("\(FrenchFormat.count(total, "candidature")) \(examined) : \(FrenchFormat.count(result.ranked.count, "admissible")), \(FrenchFormat.count(result.inadmissible.count, "non admissible", "non admissibles")), \(FrenchFormat.count(result.pending.count, "en cours d'instruction", "en cours d'instruction")). Les candidatures admissibles ont été classées selon les règles ci-dessous.")
        text.blank()
    }

    private static func proposals(_ result: SelectionResult, body: BodyName, into text: inout MarkdownText) {
        let grants = result.scheme.amount != nil
        var items = [grants
            ? "d'attribuer les aides figurant à l'annexe 1, à \(FrenchFormat.count(result.retained.count, "bénéficiaire")), pour un montant total de \(FrenchFormat.money(result.used)) ;"
            : "de retenir les \(FrenchFormat.count(result.retained.count, "candidature")) figurant à l'annexe 1 ;"]
        if !result.waiting.isEmpty { items.append("d'inscrire en liste d'attente, dans l'ordre du classement, les candidatures figurant à l'annexe 2 ;") }
        if !notRetainedRows(result).isEmpty { items.append("de ne pas retenir les candidatures figurant à l'annexe 3, pour les motifs qui y sont indiqués ;") }
        items[items.count - 1] = String(items[items.count - 1].dropLast(2)) + "."
        text.heading("Propositions", level: 3)
        text.line("Il est proposé \(body.toBody) :")
        text.blank()
        text.list(items)
    }

    /// Annex 1: the aids proposed, their total and the envelope.
    private static func proposed(_ result: SelectionResult, into text: inout MarkdownText) {
        let scheme = result.scheme
        let steps = annexSteps(scheme)
        let labels = steps.map { scheme.amount!.steps[$0].label }
        let amountColumn = scheme.amount != nil
        text.heading("Annexe 1 — \(amountColumn ? "Aides proposées" : "Candidatures proposées")", level: 3)
        guard !result.retained.isEmpty else {
            text.line("Aucune candidature.")
            text.blank()
            return
        }
        var header = ["Rang au classement", "Référence", "Bénéficiaire"] + categoryHeader(result) + ["Projet"] + labels
        if amountColumn { header.append("Montant proposé") }
        var rows = result.retained.map { candidate in
            var row = identity(candidate, result) + stepValues(candidate.evaluation, steps)
            if amountColumn { row.append(candidate.amount.map(FrenchFormat.money) ?? "—") }
            return row
        }
        if amountColumn {
            rows.append(["**Total**"] + Array(repeating: "", count: header.count - 2) + ["**\(FrenchFormat.money(result.used))**"])
        }
        text.table(header, rows)
        SelectionReport.envelopeTable(result, into: &text)
    }

    /// Annex 2: the waiting list, in the order of the ranking.
    private static func waiting(_ result: SelectionResult, into text: inout MarkdownText) {
        text.heading("Annexe 2 — Liste d'attente", level: 3)
        guard !result.waiting.isEmpty else {
            text.line("Aucune candidature.")
            text.blank()
            return
        }
        let amountColumn = result.scheme.amount != nil
        let header = ["Rang au classement", "Référence", "Bénéficiaire"] + categoryHeader(result) + ["Projet"] + (amountColumn ? ["Montant"] : []) + ["Motif"]
        text.table(header, result.waiting.map { candidate in
            identity(candidate, result) + (amountColumn ? [candidate.amount.map(FrenchFormat.money) ?? "—"] : [])
                + [result.decisions[candidate.evaluation.application.id]?.reason ?? ""]
        })
    }

    /// Annex 3: ranked but beyond the waiting list, or not admissible, each with its reason.
    private static func notRetained(_ result: SelectionResult, into text: inout MarkdownText) {
        text.heading("Annexe 3 — Candidatures non retenues", level: 3)
        let rows = notRetainedRows(result)
        guard !rows.isEmpty else {
            text.line("Aucune candidature.")
            text.blank()
            return
        }
        text.table(["Référence", "Bénéficiaire", "Projet", "Motif"], rows)
    }

    private static func notRetainedRows(_ result: SelectionResult) -> [[String]] {
        let ranked = result.ranked.filter { result.decisions[$0.evaluation.application.id]?.placement == .notRetained }.map { candidate in
            applicant(candidate.evaluation) + [result.decisions[candidate.evaluation.application.id]?.reason ?? ""]
        }
        let inadmissible = result.inadmissible.map { evaluation in
            let status = evaluation.outcome == .incomplete ? "Dossier incomplet" : "Candidature non admissible"
            return applicant(evaluation) + ["\(status). \(SelectionReport.grounds(evaluation))"]
        }
        return ranked + inadmissible
    }

    private static func pending(_ result: SelectionResult, into text: inout MarkdownText) {
        guard !result.pending.isEmpty else { return }
        text.heading("Candidatures en cours d'instruction, non soumises à la présente séance", level: 3)
        text.table(["Référence", "Bénéficiaire", "Projet", "Point à instruire"], result.pending.map { evaluation in
            applicant(evaluation) + [SelectionReport.pendingPoints(evaluation)]
        })
    }

    // MARK: - Cells

    private static func applicant(_ evaluation: Evaluation) -> [String] {
        [evaluation.application.id, evaluation.application.applicant.name, evaluation.application.subject ?? "—"]
    }

    private static func identity(_ candidate: SelectionResult.Candidate, _ result: SelectionResult) -> [String] {
        let application = candidate.evaluation.application
        let category = result.scheme.selection?.category == nil ? [] : [candidate.category.map { SelectionReport.label(of: $0, in: result) } ?? "—"]
        return [FrenchFormat.count(candidate.rank), application.id, application.applicant.name] + category + [application.subject ?? "—"]
    }

    private static func categoryHeader(_ result: SelectionResult) -> [String] {
        result.scheme.selection?.category == nil ? [] : ["Catégorie"]
    }

    private static func stepValues(_ evaluation: Evaluation, _ steps: [Int]) -> [String] {
        let record = DecisionRecord(evaluation)
        return steps.map { index in record.steps.indices.contains(index) ? record.steps[index].value ?? "—" : "—" }
    }

    private static func series(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " et " + items[items.count - 1]
    }
}
