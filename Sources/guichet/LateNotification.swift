import Batch
import SchemeLanguage

/// What an instructor is told when acts are decided or notified on or after the day before
/// which the scheme's text wants them notified (`notification.before`): they stay valid, and
/// the delay is the authority's to answer for.
enum LateNotification {
    /// Warns of the acts just decided that can only be notified late, by deadline.
    static func warnWhenDeciding(_ scheme: Scheme, on date: LocalDate, decided: [DecisionRun.Decided]) {
        guard let rule = scheme.notificationDeadline else { return }
        let late = decided.filter { rule.isLate(notifiedOn: date, filedOn: $0.filed) }
        for (deadline, ids) in grouped(late.map { ($0.id, rule.deadline(forFilingOn: $0.filed)) }) {
            let acts = ids.count == 1 ? "1 acte décidé le \(date.frenchLong) ne pourra être notifié"
                : "\(FrenchFormat.count(ids.count)) actes décidés le \(date.frenchLong) ne pourront être notifiés"
            Console.say(.warning, "\(acts) qu'en retard : \(textSays(scheme, deadline, count: ids.count))")
        }
    }

    /// Warns of the acts just notified late, by deadline, naming them.
    static func warnWhenNotifying(_ scheme: Scheme, late: [(id: String, deadline: LocalDate)]) {
        for (deadline, ids) in grouped(late) {
            let acts = FrenchFormat.count(ids.count, "acte notifié", "actes notifiés")
            Console.say(.warning, "\(acts) en retard (\(ids.joined(separator: ", "))) : \(textSays(scheme, deadline, count: ids.count))")
        }
    }

    /// The ids by deadline, both in order.
    private static func grouped(_ late: [(id: String, deadline: LocalDate)]) -> [(LocalDate, [String])] {
        Set(late.map(\.deadline)).sorted().map { deadline in (deadline, late.filter { $0.deadline == deadline }.map(\.id).sorted()) }
    }

    /// « le texte prévoit sa notification avant le 1er novembre 2020 (rapport…, lignes 4478-4481) ».
    private static func textSays(_ scheme: Scheme, _ deadline: LocalDate, count: Int) -> String {
        let source = scheme.sources.first { $0.id == scheme.notificationDeadline?.source }
        let cited = source.map { " (\($0.citation)\($0.lines.map { ", lignes \($0)" } ?? ""))" } ?? ""
        return "le texte prévoit \(count == 1 ? "sa" : "leur") notification avant le \(deadline.frenchLong)\(cited)"
    }
}
