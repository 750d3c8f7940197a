import YAMLReader

/// The `in_force` section: the filing days the scheme applies to, and the passage that sets them.
extension SchemeBuilder {
    /// `in_force: {from: 2020-10-09, until: 2021-12-31, source: entree-en-vigueur}`: at least one
    /// bound, `until` on or after `from`, and a declared source, since a refusal cites it. A call
    /// whose closing day its criteria judge names it with `deadline: date_cloture`.
    func inForce(_ node: YAMLNode) -> ValidityWindow? {
        let path = "in_force"
        guard node.mapping != nil else {
            log.error("in_force attend un ensemble de champs : {from: AAAA-MM-JJ, until: AAAA-MM-JJ, source: …}, et non \(ScalarParsing.shown(node))",
                      at: node.mark, path: path)
            return nil
        }
        guard var fields = Fields(node, path: path, log: log) else { return nil }
        let fromNode = fields.optional("from")
        let untilNode = fields.optional("until")
        let from = fromNode.flatMap { windowDate($0, path: "\(path).from") }
        let until = untilNode.flatMap { windowDate($0, path: "\(path).until") }
        let source = windowSource(&fields, at: node.mark, path: path)
        let deadlineNode = fields.optional("deadline")
        let deadline = deadlineNode.flatMap { log.identifier($0, path: "\(path).deadline") }
        fields.rejectUnknown()
        if fromNode == nil, untilNode == nil {
            log.error("in_force sans borne : donnez from (premier jour de dépôt), until (dernier jour de dépôt), ou les deux",
                      at: node.mark, path: path)
            return nil
        }
        if let from, let until, until < from, let untilNode {
            log.error("la période d'application finit le \(until.frenchLong), avant de commencer le \(from.frenchLong) : until doit être le même jour que from ou après",
                      at: untilNode.mark, path: "\(path).until")
            return nil
        }
        guard fromNode == nil || from != nil, untilNode == nil || until != nil, deadlineNode == nil || deadline != nil, let source else { return nil }
        return ValidityWindow(from: from, until: until, source: source, deadline: deadline)
    }

    /// `deadline` names a parameter whose value is a date: the call's closing day.
    func checkDeadline(_ window: ValidityWindow, parameters: [Parameter], at node: YAMLNode) {
        guard let id = window.deadline else { return }
        let mark = node.mapping?.first { $0.key.scalar == "deadline" }?.value.mark ?? node.mark
        guard let parameter = parameters.first(where: { $0.id == id }) else {
            let message = "in_force.deadline : paramètre \(ScalarParsing.quoted(id)) inconnu"
                + (Suggestion.question(for: id, among: parameters.map(\.id)).map { " ; \($0)" } ?? " : déclarez sous parameters la date de clôture, comme date_cloture: {value: 2020-11-06, source: …}")
            log.error(message, at: mark, path: "in_force.deadline")
            return
        }
        guard parameter.type == .date else {
            log.error("in_force.deadline : le paramètre « \(id) » n'est pas une date ; la clôture se donne par un paramètre daté, comme 2020-11-06",
                      at: mark, path: "in_force.deadline")
            return
        }
    }

    private func windowDate(_ node: YAMLNode, path: String) -> LocalDate? {
        guard let text = node.scalar, let date = LocalDate(iso: text) else {
            log.error("date attendue au format AAAA-MM-JJ (2020-10-09), trouvé \(ScalarParsing.shown(node))", at: node.mark, path: path)
            return nil
        }
        return date
    }

    /// The window's source is required: a refusal outside it must cite the text that sets it.
    private func windowSource(_ fields: inout Fields, at mark: SourceMark, path: String) -> String? {
        guard let node = fields.optional("source") else {
            log.error("in_force sans source : citez le passage qui fixe la période (l'identifiant d'une entrée de sources)",
                      at: mark, path: "\(path).source")
            return nil
        }
        guard let id = log.text(node, path: "\(path).source") else { return nil }
        guard sourceIDs.contains(id) else {
            var message = "source \(ScalarParsing.quoted(id)) inconnue"
            if let question = Suggestion.question(for: id, among: sourceIDs.sorted()) {
                message += " ; " + question
            } else {
                message += " : déclarez-la sous sources, avec le passage qui fixe la période"
            }
            log.error(message, at: node.mark, path: "\(path).source")
            return nil
        }
        return id
    }

    /// A criterion of the scheme may not take the id of the one made from `in_force`.
    func checkWindowID(in eligibility: YAMLNode) {
        for (position, item) in (eligibility.sequence ?? []).enumerated() {
            guard let idNode = item.mapping?.first(where: { $0.key.scalar == "id" })?.value,
                  idNode.scalar == ValidityWindow.criterionID else { continue }
            log.error("l'identifiant « \(ValidityWindow.criterionID) » est celui du critère que crée in_force : renommez ce critère",
                      at: idNode.mark, path: "eligibility[\(position)].id")
        }
    }
}
