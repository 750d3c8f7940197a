import Documents
import Evaluator
import ExactDecimal
import SchemeLanguage

/// The draft report that puts to the vote of a body (the Commission permanente, the assembly)
/// the applications of a scheme that is no call: every aid the rules grant, or every
/// allocation computed, in filing order, with its amount; the refusals, each with its grounds;
/// then those not put to the sitting, each with why. A draft, never an act: it says so at its top and at its end. A call's selection has
/// its own report (`ProposalReport`), with its ranking and its envelope.
public struct SittingProposal: Sendable {
    public let scheme: Scheme
    /// The applications proposed, in filing order, as evaluated for the sitting.
    public let proposed: [Evaluation]
    /// The applications whose refusal is proposed, in filing order: the rules refuse them.
    public let refused: [Evaluation]
    /// The applications not put to the sitting: incomplete, with a point only an instructor can
    /// settle, or an allocation a person examines first.
    public let notProposed: [Evaluation]

    public init(scheme: Scheme, proposed: [Evaluation], refused: [Evaluation] = [], notProposed: [Evaluation]) {
        self.scheme = scheme
        self.proposed = proposed
        self.refused = refused
        self.notProposed = notProposed
    }

    /// The total of the amounts proposed, or nil when it would overflow.
    public var total: DecimalNumber? {
        try? proposed.reduce(DecimalNumber.zero) { sum, evaluation in try sum.adding(evaluation.amount?.final ?? .zero) }
    }

    private var allocates: Bool { scheme.kind == .allocation }

    /// The report as a document, written as Markdown, HTML and ODT like an act. `simulation`:
    /// made before any sitting; its first and last lines say so.
    public func document(sitting: DecisionAct, deployment: Deployment = Deployment(), simulation: Bool = false) -> Document {
        let body = BodyName(sitting.body, authority: scheme.authority)
        let blocks = expose() + propositions(to: body) + proposedAnnex() + refusedAnnex() + notProposedAnnex()
        return DraftReport.document(scheme, sitting: sitting, deployment: deployment, simulation: simulation, body: blocks)
    }

    /// The annexes in order: the proposals, the refusals, the others; each only when it has rows,
    /// but the first.
    private var annexes: (refused: Int?, others: Int?) {
        let refusedNumber = refused.isEmpty ? nil : 2
        return (refusedNumber, notProposed.isEmpty ? nil : (refusedNumber ?? 1) + 1)
    }

    /// « 3 demandes », « 1 établissement », with the noun of what the scheme handles.
    private func count(_ value: Int) -> String {
        allocates ? FrenchFormat.count(value, "établissement") : FrenchFormat.count(value, "demande")
    }

    private func expose() -> [Block] {
        let total = proposed.count + refused.count + notProposed.count
        let lead = allocates ? "Le service a calculé selon ces textes les dotations \(FrenchGrammar.de(count(total)))"
            : "Le service a instruit selon ces textes \(count(total))"
        var items: [String] = []
        if !proposed.isEmpty {
            items.append("\(count(proposed.count)) \(allocates ? "dont la dotation est proposée" : "dont l'aide est proposée") (annexe 1)")
        }
        if let annex = annexes.refused { items.append("\(count(refused.count)) dont le rejet est proposé (annexe \(annex))") }
        if let annex = annexes.others {
            items.append("\(count(notProposed.count)) \(FrenchFormat.agreed(notProposed.count, "qui n'est pas soumise", "qui ne sont pas soumises")) à la séance (annexe \(annex))")
        }
        let detail = allocates ? "Chaque part est détaillée, étape par étape, dans la fiche de l'établissement."
            : "Chaque montant est calculé, étape par étape, dans la fiche d'instruction de la demande."
        var blocks: [Block] = [.heading("Exposé", level: 3)] + DraftReport.basis(scheme)
        blocks.append(.paragraph(Text(items.isEmpty ? "\(lead)." : "\(lead) : \(FrenchFormat.series(items)). \(detail)")))
        if let example = proposed.first ?? refused.first ?? notProposed.first {
            blocks += MarkdownAllocation.fictitious(DecisionRecord(example)).map { .notice(.strong($0)) }
        }
        return blocks
    }

    private func propositions(to body: BodyName) -> [Block] {
        let amount = total.map(FrenchFormat.money) ?? "non calculable"
        var items: [String] = []
        switch (allocates, proposed.count) {
        case (_, 0): break
        case (true, 1): items.append("d'arrêter la dotation de l'établissement figurant à l'annexe 1, pour un montant de \(amount)")
        case (true, let count): items.append("d'arrêter les dotations des \(FrenchFormat.count(count, "établissement")) figurant à l'annexe 1, pour un montant total de \(amount)")
        case (false, 1): items.append("d'attribuer l'aide figurant à l'annexe 1, d'un montant de \(amount)")
        case (false, let count): items.append("d'attribuer les aides figurant à l'annexe 1, à \(FrenchFormat.count(count, "bénéficiaire")), pour un montant total de \(amount)")
        }
        if let annex = annexes.refused {
            items.append(refused.count == 1 ? "de rejeter la demande figurant à l'annexe \(annex), pour les motifs qui y sont indiqués"
                         : "de rejeter les demandes figurant à l'annexe \(annex), pour les motifs qui y sont indiqués")
        }
        guard !items.isEmpty else { return [.heading("Propositions", level: 3), .paragraph("Aucune proposition n'est soumise à la séance.")] }
        return DraftReport.propositions(items, to: body)
    }

    /// Annex 1: what is proposed, with the total. An allocation shows the parts its total reads.
    private func proposedAnnex() -> [Block] {
        let title = Block.heading(Text(allocates ? "Annexe 1 — Dotations proposées" : "Annexe 1 — Aides proposées"), level: 3)
        guard !proposed.isEmpty else { return [title, .paragraph("Aucune proposition.")] }
        if allocates {
            var table = AllocationTable(scheme: scheme, summary: true)
            for evaluation in proposed { table.add(evaluation) }
            return [title, .table(table.table()),
                    .paragraph("Chaque dotation est détaillée, part par part et étape par étape, dans la fiche de l'établissement ; le tableau des dotations du service en donne toutes les parts.")]
        }
        let steps = ProposalReport.annexSteps(scheme)
        let header = ["Référence", "Bénéficiaire", "Projet"] + steps.map { scheme.amount!.steps[$0].label } + ["Montant proposé"]
        var rows: [[Text]] = proposed.map { evaluation in
            (DraftReport.applicant(evaluation) + DraftReport.stepValues(evaluation, steps)
                + [evaluation.amount?.final.map(FrenchFormat.money) ?? "—"]).map { Text($0) }
        }
        rows.append([.strong("Total")] + Array(repeating: Text(""), count: header.count - 2) + [.strong(total.map(FrenchFormat.money) ?? "non calculable")])
        return [title, .table(Table(header: header.map { Text($0) }, rows: rows))]
    }

    /// Annex 2: the refusals proposed, each with its grounds.
    private func refusedAnnex() -> [Block] {
        guard let annex = annexes.refused else { return [] }
        let rows = refused.map { evaluation in (DraftReport.applicant(evaluation) + [SelectionReport.grounds(evaluation)]).map { Text($0) } }
        return [.heading(Text("Annexe \(annex) — Rejets proposés"), level: 3),
                .table(Table(header: ["Référence", "Bénéficiaire", "Projet", "Motifs"].map { Text($0) }, rows: rows))]
    }

    /// The last annex: what is not put to the sitting, each with why.
    private func notProposedAnnex() -> [Block] {
        guard let annex = annexes.others else { return [] }
        let what = allocates ? "Dotations non proposées" : "Demandes non soumises à la séance"
        let rows = notProposed.map { evaluation in (DraftReport.applicant(evaluation) + [reason(evaluation)]).map { Text($0) } }
        let header = ["Référence", allocates ? "Établissement" : "Bénéficiaire", allocates ? "Objet" : "Projet", "Motif"]
        return [.heading(Text("Annexe \(annex) — \(what)"), level: 3), .table(Table(header: header.map { Text($0) }, rows: rows))]
    }

    /// Why an application the rules grant is still not put to the vote: an allocation with a
    /// part below zero, which the text does not say how to settle and a person examines first.
    public static func heldBack(_ evaluation: Evaluation) -> [String] {
        evaluation.scheme.kind == .allocation ? MarkdownAllocation.negativeParts(DecisionRecord(evaluation)) : []
    }

    /// Why an application is not put to the sitting, as its annex says it.
    public func reason(_ evaluation: Evaluation) -> String {
        let held = Self.heldBack(evaluation)
        if !held.isEmpty { return "À examiner. " + held.joined(separator: " ") }
        return switch evaluation.outcome {
        case .toExamine: FrenchGrammar.sentenceEnd("En cours d'instruction. \(FrenchGrammar.capitalizedFirst(SelectionReport.pendingPoints(evaluation)))")
        case .incomplete: "Dossier incomplet. \(SelectionReport.grounds(evaluation))"
        case .unfavorable: "Conditions non remplies. \(SelectionReport.grounds(evaluation))"
        case .favorable: "Proposée à une autre séance."
        }
    }
}
