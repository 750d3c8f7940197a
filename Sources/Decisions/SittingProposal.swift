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
        let notice = simulation ? DecisionRecord.simulationNotice : body.proposalNotice
        let references = [Field("Séance", Text(sitting.date.frenchLong)), Field("Référence", Text(sitting.reference)),
                          Field("Dispositif", Text("\(scheme.title) (\(scheme.kind.frenchName))"))]
        var document = Document(title: "Projet de rapport — \(scheme.title)",
                                letterhead: Letterhead(authority: scheme.authority.name,
                                                       sender: deployment.service == nil ? [] : ActParts.sender(deployment),
                                                       references: references))
        document.append(.notice(.strong(notice + ".")))
        document.append(.actTitle([Text("Projet de rapport \(body.toBody)"), Text(scheme.title)]))
        document.append(contentsOf: expose())
        document.append(contentsOf: proposals(body: body))
        document.append(contentsOf: proposedAnnex())
        document.append(contentsOf: refusedAnnex())
        document.append(contentsOf: notProposedAnnex())
        document.append(contentsOf: [.separator, .paragraph(.strong(notice + "."), role: .small),
                                     .paragraph(Text("Établi par Guichet \(DecisionRecord.currentEngineVersion) à partir des règles « \(scheme.id) », empreinte SHA-256 \(scheme.rulesHash)."), role: .small)])
        return document
    }

    private func expose() -> [Block] {
        var blocks: [Block] = [.heading("Exposé", level: 3)]
        let texts = DecisionRecord.legalBasis(of: scheme).map(FrenchGrammar.withArticle)
        if !texts.isEmpty {
            blocks.append(.paragraph(Text("Le dispositif « \(scheme.title) » (\(scheme.kind.frenchName)) repose sur \(FrenchFormat.series(texts)).")))
        }
        let total = proposed.count + refused.count + notProposed.count
        let what = allocates ? "Les dotations \(FrenchGrammar.de(FrenchFormat.count(total, "établissement"))) ont été calculées selon ces textes."
            : "\(FrenchFormat.count(total, "demande")) \(FrenchFormat.agreed(total, "a été instruite", "ont été instruites")) selon ces textes."
        var counts = ["\(FrenchFormat.count(proposed.count, "est proposée", "sont proposées")) à l'annexe 1"]
        if !refused.isEmpty {
            counts.append("le rejet \(refused.count > 1 ? "de \(FrenchFormat.count(refused.count)) est proposé" : "d'une est proposé") à l'annexe 2")
        }
        if !notProposed.isEmpty {
            counts.append(notProposed.count > 1 ? "\(FrenchFormat.count(notProposed.count)) ne sont pas soumises à la séance, pour les motifs indiqués à l'annexe \(otherAnnex)"
                          : "1 n'est pas soumise à la séance, pour le motif indiqué à l'annexe \(otherAnnex)")
        }
        let detail = allocates ? "Chaque part est détaillée, étape par étape, dans la fiche de l'établissement."
            : "Chaque montant est calculé, étape par étape, dans la fiche d'instruction de la demande."
        blocks.append(.paragraph(Text("\(what) \(FrenchGrammar.capitalizedFirst(counts.joined(separator: " ; "))). \(detail)")))
        if let example = proposed.first ?? notProposed.first {
            blocks += MarkdownAllocation.fictitious(DecisionRecord(example)).map { .notice(.strong($0)) }
        }
        return blocks
    }

    private func proposals(body: BodyName) -> [Block] {
        let amount = total.map(FrenchFormat.money) ?? "non calculable"
        var items = [allocates
            ? "d'arrêter les dotations des \(FrenchFormat.count(proposed.count, "établissement")) figurant à l'annexe 1, pour un montant total de \(amount)"
            : "d'attribuer les aides figurant à l'annexe 1, à \(FrenchFormat.count(proposed.count, "bénéficiaire")), pour un montant total de \(amount)"]
        if !refused.isEmpty { items.append("de rejeter les demandes figurant à l'annexe 2, pour les motifs qui y sont indiqués") }
        let listed = items.enumerated().map { Text($1 + ($0 == items.count - 1 ? "." : " ;")) }
        return [.heading("Propositions", level: 3), .paragraph(Text("Il est proposé \(body.toBody) :")), .list(listed)]
    }

    /// The annex of the applications not put to the sitting: the second, or the third after the refusals.
    private var otherAnnex: Int { refused.isEmpty ? 2 : 3 }

    /// Annex 1: what is proposed, with the total. An allocation shows each of its parts.
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
            let record = DecisionRecord(evaluation)
            let values = steps.map { record.steps.indices.contains($0) ? record.steps[$0].value ?? "—" : "—" }
            return (applicant(evaluation) + values + [evaluation.amount?.final.map(FrenchFormat.money) ?? "—"]).map { Text($0) }
        }
        rows.append([.strong("Total")] + Array(repeating: Text(""), count: header.count - 2) + [.strong(total.map(FrenchFormat.money) ?? "non calculable")])
        return [title, .table(Table(header: header.map { Text($0) }, rows: rows))]
    }

    /// Annex 2: the refusals proposed, each with its grounds.
    private func refusedAnnex() -> [Block] {
        guard !refused.isEmpty else { return [] }
        let rows = refused.map { evaluation in (applicant(evaluation) + [SelectionReport.grounds(evaluation)]).map { Text($0) } }
        return [.heading("Annexe 2 — Rejets proposés", level: 3),
                .table(Table(header: ["Référence", "Bénéficiaire", "Objet", "Motifs"].map { Text($0) }, rows: rows))]
    }

    /// The last annex: what is not put to the sitting, each with why.
    private func notProposedAnnex() -> [Block] {
        let what = allocates ? "Dotations non proposées" : "Demandes non soumises à la séance"
        let title = Block.heading(Text("Annexe \(otherAnnex) — \(what)"), level: 3)
        guard !notProposed.isEmpty else { return [title, .paragraph(allocates ? "Aucune." : "Aucune demande.")] }
        let rows = notProposed.map { evaluation in (applicant(evaluation) + [reason(evaluation)]).map { Text($0) } }
        let header = ["Référence", allocates ? "Établissement" : "Bénéficiaire", "Objet", "Motif"]
        return [title, .table(Table(header: header.map { Text($0) }, rows: rows))]
    }

    /// Why an application the rules grant is still not put to the vote: an allocation with a
    /// part below zero, which the text does not say how to settle and a person examines first.
    public static func heldBack(_ evaluation: Evaluation) -> [String] {
        evaluation.scheme.kind == .allocation ? MarkdownAllocation.negativeParts(DecisionRecord(evaluation)) : []
    }

    /// Why an application is not proposed, as annex 2 says it.
    public func reason(_ evaluation: Evaluation) -> String {
        let held = Self.heldBack(evaluation)
        if !held.isEmpty { return "À examiner. " + held.joined(separator: " ") }
        return switch evaluation.outcome {
        case .toExamine: FrenchGrammar.sentence("En cours d'instruction : \(SelectionReport.pendingPoints(evaluation))")
        case .incomplete: "Dossier incomplet. \(SelectionReport.grounds(evaluation))"
        case .unfavorable: "Conditions non remplies. \(SelectionReport.grounds(evaluation))"
        case .favorable: "Proposée à une autre séance."
        }
    }

    private func applicant(_ evaluation: Evaluation) -> [String] {
        [evaluation.application.id, evaluation.application.applicant.name, evaluation.application.subject ?? "—"]
    }
}
