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
        MarkdownRendering.string(document(result, sitting: sitting, deployment: deployment, simulation: simulation))
    }

    /// The report as a document, to write as Markdown, HTML and ODT like an act: the body that
    /// decides reads it, with its annexes, before its sitting.
    public static func document(_ result: SelectionResult, sitting: DecisionAct, deployment: Deployment = Deployment(),
                                simulation: Bool = false) -> Document {
        let body = BodyName(sitting.body, authority: result.scheme.authority)
        var blocks = expose(result) + proposals(result, body: body)
        let rules = SelectionReport.rankingRules(result)
        if !rules.isEmpty { blocks += [.heading("Règles de classement appliquées", level: 3), .list(rules.map { Text($0) })] }
        blocks += proposed(result) + waiting(result) + notRetained(result) + pending(result)
        return DraftReport.document(result.scheme, sitting: sitting, deployment: deployment, simulation: simulation, body: blocks)
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

    private static func expose(_ result: SelectionResult) -> [Block] {
        let scheme = result.scheme
        var blocks: [Block] = [.heading("Exposé", level: 3)] + DraftReport.basis(scheme)
        if let source = scheme.selection?.source.flatMap(scheme.source) {
            if let quote = source.quote { blocks.append(.quotation(Text(quote), source: Text(Citations.citation(source)))) }
            if let summary = source.summary {
                let cited = source.quote == nil ? " (\(Citations.citation(source)))" : ""
                blocks.append(.paragraph(Text("En substance\(cited) : \(FrenchGrammar.phrase(summary))")))
            }
        }
        let total = result.ranked.count + result.inadmissible.count + result.pending.count
        let examined = FrenchFormat.agreed(total, "a été examinée", "ont été examinées")
        // An incomplete file is not refused: it waits for its pieces, with the files still to examine.
        let waiting = result.inadmissible.count - result.rejected.count + result.pending.count
        blocks.append(.paragraph(Text("\(FrenchFormat.count(total, "candidature")) \(examined) : \(FrenchFormat.count(result.ranked.count, "admissible")), \(FrenchFormat.count(result.rejected.count, "non admissible", "non admissibles")), \(FrenchFormat.count(waiting, "en cours d'instruction", "en cours d'instruction")). Les candidatures admissibles ont été classées selon les règles ci-dessous.")))
        return blocks
    }

    private static func proposals(_ result: SelectionResult, body: BodyName) -> [Block] {
        let grants = result.scheme.amount != nil
        var items = [grants
            ? "d'attribuer les aides figurant à l'annexe 1, à \(FrenchFormat.count(result.retained.count, "bénéficiaire")), pour un montant total de \(FrenchFormat.money(result.used)) ;"
            : "de retenir les \(FrenchFormat.count(result.retained.count, "candidature")) figurant à l'annexe 1 ;"]
        if !result.waiting.isEmpty { items.append("d'inscrire en liste d'attente, dans l'ordre du classement, les candidatures figurant à l'annexe 2 ;") }
        if !result.rejected.isEmpty {
            items.append(result.rejected.count == 1 ? "de rejeter la candidature non admissible figurant à l'annexe 3, pour les motifs qui y sont indiqués ;"
                         : "de rejeter les candidatures non admissibles figurant à l'annexe 3, pour les motifs qui y sont indiqués ;")
        }
        if !beyondTheList(result).isEmpty {
            items.append("de ne pas retenir les candidatures classées figurant à l'annexe 3, pour les motifs qui y sont indiqués ;")
        }
        return DraftReport.propositions(items.map { String($0.dropLast(2)) }, to: body)
    }

    /// Annex 1: the aids proposed, their total and the envelope.
    private static func proposed(_ result: SelectionResult) -> [Block] {
        let scheme = result.scheme
        let steps = annexSteps(scheme)
        let labels = steps.map { scheme.amount!.steps[$0].label }
        let amountColumn = scheme.amount != nil
        let title = Block.heading(Text("Annexe 1 — \(amountColumn ? "Aides proposées" : "Candidatures proposées")"), level: 3)
        guard !result.retained.isEmpty else { return [title, .paragraph("Aucune candidature.")] }
        var header = ["Rang au classement", "Référence", "Bénéficiaire"] + categoryHeader(result) + ["Projet"] + labels
        if amountColumn { header.append("Montant proposé") }
        var rows: [[Text]] = result.retained.map { candidate in
            var row = identity(candidate, result) + DraftReport.stepValues(candidate.evaluation, steps)
            if amountColumn { row.append(candidate.amount.map(FrenchFormat.money) ?? "—") }
            return row.map { Text($0) }
        }
        if amountColumn {
            rows.append([.strong("Total")] + Array(repeating: Text(""), count: header.count - 2) + [.strong(FrenchFormat.money(result.used))])
        }
        var blocks = [title, Block.table(Table(header: header.map { Text($0) }, rows: rows))]
        if let envelope = SelectionReport.envelope(result) {
            blocks.append(.table(Table(header: envelope.header.map { Text($0) }, rows: [envelope.row.map { Text($0) }])))
        }
        return blocks
    }

    /// Annex 2: the waiting list, in the order of the ranking.
    private static func waiting(_ result: SelectionResult) -> [Block] {
        let title = Block.heading("Annexe 2 — Liste d'attente", level: 3)
        guard !result.waiting.isEmpty else { return [title, .paragraph("Aucune candidature.")] }
        let amountColumn = result.scheme.amount != nil
        let header = ["Rang au classement", "Référence", "Bénéficiaire"] + categoryHeader(result) + ["Projet"] + (amountColumn ? ["Montant"] : []) + ["Motif"]
        return [title, table(header, result.waiting.map { candidate in
            identity(candidate, result) + (amountColumn ? [candidate.amount.map(FrenchFormat.money) ?? "—"] : [])
                + [result.decisions[candidate.evaluation.application.id]?.reason ?? ""]
        })]
    }

    /// Annex 3: ranked but beyond the waiting list, or not admissible, each with its reason.
    private static func notRetained(_ result: SelectionResult) -> [Block] {
        let title = Block.heading("Annexe 3 — Candidatures non retenues", level: 3)
        let rows = notRetainedRows(result)
        guard !rows.isEmpty else { return [title, .paragraph("Aucune candidature.")] }
        return [title, table(["Référence", "Bénéficiaire", "Projet", "Motif"], rows)]
    }

    /// A table of plain cells.
    private static func table(_ header: [String], _ rows: [[String]]) -> Block {
        .table(Table(header: header.map { Text($0) }, rows: rows.map { $0.map { Text($0) } }))
    }

    /// Ranked, but neither retained nor on the waiting list.
    private static func beyondTheList(_ result: SelectionResult) -> [SelectionResult.Candidate] {
        result.ranked.filter { result.decisions[$0.evaluation.application.id]?.placement == .notRetained }
    }

    /// The candidatures classed beyond the waiting list, then those not admissible, whose refusal
    /// is proposed; each with its reason.
    private static func notRetainedRows(_ result: SelectionResult) -> [[String]] {
        let ranked = beyondTheList(result).map { candidate in
            DraftReport.applicant(candidate.evaluation) + [result.decisions[candidate.evaluation.application.id]?.reason ?? ""]
        }
        let rejected = result.rejected.map { evaluation in
            DraftReport.applicant(evaluation) + ["Candidature non admissible : rejet proposé. \(SelectionReport.grounds(evaluation))"]
        }
        return ranked + rejected
    }

    /// The candidatures incomplete or with a point an instructor must settle: not put to the sitting.
    private static func pending(_ result: SelectionResult) -> [Block] {
        let incomplete = result.inadmissible.filter { $0.outcome == .incomplete }
        guard !incomplete.isEmpty || !result.pending.isEmpty else { return [] }
        let rows = incomplete.map { DraftReport.applicant($0) + ["Dossier incomplet. \(SelectionReport.grounds($0))"] }
            + result.pending.map { DraftReport.applicant($0) + [SelectionReport.pendingPoints($0)] }
        return [.heading("Candidatures en cours d'instruction, non soumises à la présente séance", level: 3),
                table(["Référence", "Bénéficiaire", "Projet", "Point à instruire"], rows)]
    }

    // MARK: - Cells

    private static func identity(_ candidate: SelectionResult.Candidate, _ result: SelectionResult) -> [String] {
        let application = candidate.evaluation.application
        let category = result.scheme.selection?.category == nil ? [] : [candidate.category.map { SelectionReport.label(of: $0, in: result) } ?? "—"]
        return [FrenchFormat.count(candidate.rank), application.id, application.applicant.name] + category + [application.subject ?? "—"]
    }

    private static func categoryHeader(_ result: SelectionResult) -> [String] {
        result.scheme.selection?.category == nil ? [] : ["Catégorie"]
    }
}
