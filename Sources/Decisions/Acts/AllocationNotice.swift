import Documents
import Evaluator
import ExactDecimal
import SchemeLanguage

/// The notice of an allocation (`kind: allocation`) once the body that decides has voted it:
/// the letter by which the President notifies to an establishment the allocation the
/// deliberation set, part by part, with the texts of its method, signed, with the mentions an
/// act carries, and the computation step by step in an annex.
///
/// No one applied: the letter notifies what the authority allocates, never « une demande »; its
/// references are the establishment's record and the date its data were set.
enum AllocationNotice {
    static func make(_ record: DecisionRecord) -> Document {
        var document = Document(title: "\(record.documentTitle) — \(record.application.id)", letterhead: letterhead(record))
        if let act = record.issuance.act {
            document.append(contentsOf: letter(record, act: act))
        } else {
            document.append(.notice(.strong("Délibération non renseignée : cette notification ne peut être envoyée en l'état.")))
        }
        document.append(.signature(ActParts.signature(record.issuance.act, authority: record.scheme.authority,
                                                     deployment: record.issuance.deployment)))
        for id in ["voies-de-recours", "traitement-algorithmique"] {
            document.append(contentsOf: ActParts.mention(record.mention(id)))
        }
        document.append(contentsOf: annex(record))
        document.append(contentsOf: ActParts.footer(record))
        return document
    }

    /// The authority, its service, the establishment's references and its address.
    private static func letterhead(_ record: DecisionRecord) -> Letterhead {
        let application = record.application
        var references = [Field("Référence", Text(application.id))]
        if let subject = application.subject { references.append(Field("Objet", Text(subject))) }
        references.append(Field("Données arrêtées le", Text(application.filed.frenchLong)))
        if let notified = record.issuance.notifiedOn { references.append(Field("Notifiée le", Text(notified.frenchLong))) }
        return Letterhead(authority: record.scheme.authority.name, sender: ActParts.sender(record.issuance.deployment),
                          references: references,
                          addressee: [application.applicant.name] + (application.applicant.address.map { [$0] } ?? []))
    }

    private static func letter(_ record: DecisionRecord, act: DecisionAct) -> [Block] {
        let body = record.wording.bodyName(act.body)
        let name = record.application.applicant.name
        let total = record.amount.map(FrenchFormat.money) ?? "non calculable"
        var blocks: [Block] = [
            .paragraph(.strong("Objet : ") + "notification des dotations allouées par la délibération \(ActBlocks.number(act)) \(FrenchGrammar.de(body.name)) du \(act.date.frenchLong) — « \(record.scheme.title) »"),
            .paragraph("Madame, Monsieur,"),
            .paragraph("J'ai l'honneur de vous notifier les dotations que \(body.name), par sa délibération \(ActBlocks.number(act)) du \(act.date.frenchLong), a allouées \(FrenchGrammar.to(name)), pour un montant total de " + .strong(total) + ", réparti comme suit."),
        ]
        if let amendment = ActBlocks.amendment(record) { blocks.append(.paragraph(Text(amendment))) }
        let parts = MarkdownAllocation.partsTable(record, summary: true)
        if !parts.rows.isEmpty { blocks.append(.table(parts)) }
        blocks.append(.paragraph("Ces dotations sont calculées selon les modalités fixées par les textes suivants :"))
        blocks.append(.list(ActBlocks.letterTexts(ActBlocks.schemeVisas(record.scheme), act: act, authority: record.scheme.authority)))
        blocks += ActDocument.notices(record).map { .paragraph($0) }
        blocks += MarkdownAllocation.fictitious(record).map { .notice(.strong($0)) }
        blocks.append(.paragraph("Le calcul de chaque dotation, étape par étape, avec les données retenues pour l'établissement et les composantes, ajustements et prélèvements qui la forment, figure en annexe."))
        blocks.append(.paragraph("Je vous prie d'agréer, Madame, Monsieur, l'expression de ma considération distinguée."))
        return blocks
    }

    /// The computation, step by step, as the fiche showed it.
    private static func annex(_ record: DecisionRecord) -> [Block] {
        guard let amount = ExaminationTables.amount(record) else { return [] }
        var blocks: [Block] = [.heading("Annexe — Calcul des dotations \(record.application.id)", level: 2), .table(amount)]
        if let line = ExaminationTables.beforeRounding(record) { blocks.append(.paragraph(Text(line))) }
        return blocks
    }
}
