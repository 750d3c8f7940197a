import YAMLReader

extension SchemeBuilder {
    /// `notification: {before: 1er novembre, source: notification}`: the day of each year before
    /// which the text wants the scheme's acts notified, and the source that says so.
    func notificationDeadline(_ node: YAMLNode) -> NotificationDeadline? {
        guard var fields = Fields(node, path: "notification", log: log) else { return nil }
        let before = fields.required("before", what: "le jour de l'année avant lequel les actes sont notifiés, comme 1er novembre")
        let source = fields.required("source", what: "la source qui fixe cette date").flatMap { sourceID($0, path: "notification.source") }
        fields.rejectUnknown()
        guard let before, let text = log.text(before, path: "notification.before") else { return nil }
        guard let deadline = NotificationDeadline(french: text, source: source ?? "") else {
            log.error("attendu un jour de l'année, comme 1er novembre ou 15 octobre (le 29 février n'existe pas chaque année), trouvé \(ScalarParsing.quoted(text))",
                      at: before.mark, path: "notification.before")
            return nil
        }
        return source == nil ? nil : deadline
    }
}
