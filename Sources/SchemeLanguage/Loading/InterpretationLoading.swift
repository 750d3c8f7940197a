import YAMLReader

/// The `interpretation` section: each ambiguity of the text, the choice made, whom it is for,
/// and what it bears on (`applies_to`).
extension SchemeBuilder {
    func interpretations(_ node: YAMLNode, targets: InterpretationTargets) -> [Interpretation] {
        entries(node, path: "interpretation").compactMap { id, value, path in
            guard var fields = Fields(value, path: path, log: log) else { return nil }
            let question = fields.required("question", what: "l'ambiguïté du texte").flatMap { log.text($0, path: "\(path).question") }
            let choice = fields.required("choice", what: "ce que le dispositif applique").flatMap { template($0, path: "\(path).choice") }
            let source = sourceReference(&fields, path: path)
            let audience = fields.required("audience", what: Self.audienceHint).flatMap { self.audience($0, path: "\(path).audience") }
            // Without applies_to, the interpretation bears on the whole scheme.
            var appliesTo: [Interpretation.Target]? = []
            if let node = fields.optional("applies_to") { appliesTo = self.appliesTo(node, path: "\(path).applies_to", targets: targets) }
            fields.rejectUnknown()
            guard let question, let choice, let audience, let appliesTo else { return nil }
            return Interpretation(id: id, question: question, choice: choice, source: source, audience: audience, appliesTo: appliesTo)
        }
    }

    private static let audienceHint = "public (comment le texte a été appliqué : imprimée dans les décisions) "
        + "ou internal (note pour les auteurs des règles : montrée par « guichet explain », jamais imprimée dans une décision)"

    /// `audience: public` or `audience: internal`.
    private func audience(_ node: YAMLNode, path: String) -> Interpretation.Audience? {
        guard let text = log.text(node, path: path) else { return nil }
        guard let audience = Interpretation.Audience(rawValue: text) else {
            var message = "audience \(ScalarParsing.quoted(text)) inconnue"
            if let guess = Suggestion.closest(to: text, among: Interpretation.Audience.allCases.map(\.rawValue)) {
                message += " (vouliez-vous dire « \(guess) » ?)"
            }
            log.error(message + " : écrivez " + Self.audienceHint, at: node.mark, path: path)
            return nil
        }
        return audience
    }

    private static let withoutAppliesTo = "retirez applies_to pour une interprétation qui vaut pour tout le dispositif"

    /// `applies_to: [plafond-annuel-disponible, aides_annee]`: the ids of the criteria,
    /// parameters, limits and steps the interpretation bears on, each checked. Nil (after
    /// logging) when one is wrong: an interpretation tied to a misspelt id would silently never
    /// be printed where it should.
    private func appliesTo(_ node: YAMLNode, path: String, targets: InterpretationTargets) -> [Interpretation.Target]? {
        guard let items = node.sequence else {
            log.error("applies_to attend une liste d'identifiants ([plafond-annuel-disponible, aides_annee]), trouvé \(ScalarParsing.shown(node))",
                      at: node.mark, path: path)
            return nil
        }
        guard !items.isEmpty else {
            log.error("applies_to est vide : nommez les critères, paramètres, limites ou étapes du calcul auxquels l'interprétation s'applique, ou \(Self.withoutAppliesTo)",
                      at: node.mark, path: path)
            return nil
        }
        var seen: Set<String> = []
        var resolved: [Interpretation.Target] = []
        var valid = true
        for (position, item) in items.enumerated() {
            let itemPath = "\(path)[\(position)]"
            guard let id = log.text(item, path: itemPath), let found = target(id, at: item, path: itemPath, targets: targets) else {
                valid = false
                continue
            }
            guard seen.insert(id).inserted else {
                log.error("\(ScalarParsing.quoted(id)) est déjà nommé dans applies_to : retirez ce doublon", at: item.mark, path: itemPath)
                valid = false
                continue
            }
            resolved += found
        }
        return valid ? resolved : nil
    }

    /// What one id of `applies_to` names, or nil after a located error that says what to write.
    private func target(_ id: String, at node: YAMLNode, path: String, targets: InterpretationTargets) -> [Interpretation.Target]? {
        let found = targets.targets(named: id)
        guard found.isEmpty else { return found }
        var message = "\(ScalarParsing.quoted(id)) ne nomme ni un critère, ni un paramètre, ni une limite, ni une étape du calcul du dispositif"
        if let question = Suggestion.question(for: id, among: targets.ids) { message += " (\(question))" }
        message += " : écrivez l'identifiant d'un critère (eligibility[…].id), d'un paramètre (parameters), d'une limite (limits) "
            + "ou d'une étape (amount.steps, schedule.steps), ou \(Self.withoutAppliesTo)"
        log.error(message, at: node.mark, path: path)
        return nil
    }
}

/// The ids an interpretation's `applies_to` may name, read as written in the scheme file: a
/// criterion or a step with an error of its own still has its name, so that one mistake is
/// reported once, where it is, and not again at every interpretation naming it.
struct InterpretationTargets {
    private var kinds: [String: [Interpretation.Target.Kind]] = [:]

    /// `window` when the scheme has `in_force`, whose criterion is `periode-application`.
    init(_ document: YAMLNode, window: Bool) {
        if window { add(.criterion, ValidityWindow.criterionID) }
        for id in Self.itemIDs(Self.field("eligibility", of: document)) { add(.criterion, id) }
        for id in Self.keys(Self.field("parameters", of: document)) { add(.parameter, id) }
        for id in Self.keys(Self.field("limits", of: document)) { add(.limit, id) }
        for section in ["amount", "schedule"] {
            let steps = Self.field(section, of: document).flatMap { Self.field("steps", of: $0) }
            for id in Self.itemIDs(steps) { add(.step, id) }
        }
    }

    /// Every id, sorted, to suggest the closest to a misspelt one.
    var ids: [String] { kinds.keys.sorted() }

    /// What `id` names: nothing, one part of the scheme, or several when a criterion and a
    /// step (or a step of the amount and one of the schedule) share it.
    func targets(named id: String) -> [Interpretation.Target] {
        (kinds[id] ?? []).map { Interpretation.Target($0, id) }
    }

    private mutating func add(_ kind: Interpretation.Target.Kind, _ id: String) {
        if kinds[id]?.contains(kind) != true { kinds[id, default: []].append(kind) }
    }

    private static func field(_ key: String, of node: YAMLNode) -> YAMLNode? {
        node.mapping?.first { $0.key.scalar == key }?.value
    }

    private static func keys(_ node: YAMLNode?) -> [String] {
        node?.mapping?.compactMap(\.key.scalar) ?? []
    }

    /// The `id` of each item of a list of mappings (criteria, steps).
    private static func itemIDs(_ node: YAMLNode?) -> [String] {
        node?.sequence?.compactMap { item in field("id", of: item)?.scalar } ?? []
    }
}
