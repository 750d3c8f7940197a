import Platform
import SchemeLanguage

/// What an instructor is told when acts are decided or notified on or after the day before
/// which the scheme's text wants them notified (`notification.before`): they stay valid, and
/// the delay is the authority's to answer for.
enum LateNotification {
    /// Warns when the acts of a run decided on `date` can only be notified late.
    static func warnWhenDeciding(_ scheme: Scheme, on date: LocalDate, acts: Int) {
        guard acts > 0, let rule = scheme.notificationDeadline, rule.isLate(notifiedOn: date, decidedOn: date) else { return }
        let deadline = rule.deadline(forDecisionOn: date)
        Console.say(.warning, "\(FrenchFormat.count(acts, "acte est décidé", "actes sont décidés")) le \(date.frenchLong) : \(textSays(scheme, deadline)) ; \(acts == 1 ? "il sera notifié" : "ils seront notifiés") en retard")
    }

    /// Warns of the acts just notified late, grouped by their deadline.
    static func warnWhenNotifying(_ scheme: Scheme, late: [(id: String, deadline: LocalDate)]) {
        for deadline in Set(late.map(\.deadline)).sorted() {
            let ids = late.filter { $0.deadline == deadline }.map(\.id).sorted()
            Console.say(.warning, "\(FrenchFormat.count(ids.count, "acte notifié", "actes notifiés")) en retard (\(ids.joined(separator: ", "))) : \(textSays(scheme, deadline))")
        }
    }

    /// « le texte prévoit leur notification avant le 1er novembre 2020 (rapport…, lignes 4478-4481) ».
    private static func textSays(_ scheme: Scheme, _ deadline: LocalDate) -> String {
        let source = scheme.sources.first { $0.id == scheme.notificationDeadline?.source }
        let cited = source.map { " (\($0.citation)\($0.lines.map { ", lignes \($0)" } ?? ""))" } ?? ""
        return "le texte prévoit la notification de ces actes avant le \(deadline.frenchLong)\(cited)"
    }
}
