import Documents
import Evaluator
import SchemeLanguage

/// The annex of an act: the examination of the application, criterion by criterion, the
/// decisions a limit read, the months paid and the amount step by step, then how the text was
/// applied where it left a choice. On its own page, so that the act itself stays short.
enum ActAnnex {
    static func blocks(_ record: DecisionRecord) -> [Block] {
        var blocks: [Block] = [.pageBreak, .heading("Annexe — Examen de la demande \(record.application.id)", level: 2)]
        blocks.append(.table(ExaminationTables.criteria(record, forAct: true)))
        for limit in ExaminationTables.limits(record) {
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
        let interpretations = record.scheme.interpretations.filter { $0.audience == .public }
        if !interpretations.isEmpty {
            blocks.append(.heading("Application du texte", level: 3))
            blocks.append(.list(interpretations.map { .strong($0.question) + " " + record.filled($0.choice) }))
        }
        return blocks
    }
}
