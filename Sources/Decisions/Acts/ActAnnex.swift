import Documents
import Evaluator
import SchemeLanguage

/// The annex of an act: the examination of the application, criterion by criterion, the
/// decisions a limit read, the months paid and the amount step by step, then how the text was
/// applied where it left a choice. It follows the mentions, under its own heading.
enum ActAnnex {
    static func blocks(_ record: DecisionRecord) -> [Block] {
        var blocks: [Block] = [.heading("Annexe — Examen de la demande \(record.application.id)", level: 2)]
        blocks.append(.table(ExaminationTables.criteria(record, forAct: true)))
        for limit in ExaminationTables.limits(record, forAct: true) {
            blocks.append(.heading("Décisions antérieures prises en compte", level: 3))
            blocks.append(.paragraph(limit.title))
            blocks.append(.list(limit.items))
        }
        if let schedule = record.schedule {
            blocks.append(.heading("Échéancier mensuel", level: 3))
            blocks.append(.table(schedule.table))
            blocks.append(.list(schedule.notes.map { Text($0) }))
        }
        if let amount = ExaminationTables.amount(record) {
            blocks.append(.heading("Calcul du montant", level: 3))
            blocks.append(.table(amount))
            if let line = ExaminationTables.beforeRounding(record) { blocks.append(.paragraph(Text(line))) }
        }
        blocks += interpretations(record)
        return blocks
    }

    /// How the text was applied where it left a choice, as a ground of a refusal: an
    /// unfavourable decision states its grounds (CRPA L. 211-2), and prints the `public`
    /// interpretations that bear on them (`DecisionRecord.printedInterpretations`), not those of
    /// criteria it met. A grant needs none, and stays short: its interpretations are part of the
    /// rules of the processing, which the mention « Traitement algorithmique » says are
    /// communicable on request, and which `guichet explain` publishes.
    private static func interpretations(_ record: DecisionRecord) -> [Block] {
        guard record.outcome == .unfavorable else { return [] }
        // Chosen by the criteria failed alone: the same for every refusal on the same grounds.
        let interpretations = record.issuance.fragment(["interprétations-refus"], scheme: record.scheme,
                                                       from: record.failed.map(\.id)) { _ in record.printedInterpretations }
        guard !interpretations.isEmpty else { return [] }
        return [.mention(title: "Application du texte", paragraphs: interpretations.map { .strong($0.question) + " " + record.filled($0.choice) })]
    }
}
