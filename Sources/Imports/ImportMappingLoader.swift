import SchemeLanguage
import YAMLReader

/// Reads a mapping file (Docs/IMPORTS.md) and checks it against the scheme it is written for:
/// every input, piece and confirmation it names must be the scheme's, every value it maps a
/// label to must be of the input's type. Every problem is reported, located, in French.
public enum ImportMappingLoader {
    /// The mapping file at `path`, checked against `scheme`, or every problem found in it.
    public static func load(path: String, scheme: Scheme) -> Result<ImportMapping, DiagnosticList> {
        let document: YAMLNode
        do {
            document = try YAMLDocumentReader.singleDocument(path: path)
        } catch {
            return .failure(DiagnosticList([Diagnostic(error)]))
        }
        return load(document, file: path, scheme: scheme)
    }

    static func load(_ document: YAMLNode, file: String, scheme: Scheme) -> Result<ImportMapping, DiagnosticList> {
        let log = DiagnosticLog()
        guard var fields = Fields(document, path: "", log: log) else { return .failure(DiagnosticList(log.diagnostics)) }
        if let node = fields.required("scheme", what: "le dispositif des demandes (scheme: \(scheme.id))"),
           let id = log.line(node, path: "scheme"), id != scheme.id {
            log.error("cette correspondance est écrite pour le dispositif « \(id) », pas pour « \(scheme.id) » : "
                      + "donnez la correspondance de \(scheme.id), ou --scheme \(id)", at: node.mark, path: "scheme")
        }
        let reader = RuleReader(scheme: scheme, log: log)
        let dossier = fields.required("dossier", what: "la colonne du numéro de dossier (dossier: ID)")
            .flatMap { reader.rule($0, target: .dossier, type: .text, path: "dossier") }
        let states = fields.optional("states").flatMap { stateFilter($0, log: log) }
        var rules: [ImportMapping.Rule] = []
        let required: [(String, ImportMapping.Target, ValueType, String)] = [
            ("id", .id, .text, "la référence de chaque demande (id: {column: ID, template: \"DS-{value}\"})"),
            ("filed", .filed, .date, "la colonne de la date de dépôt (filed: Déposé le)"),
        ]
        for (key, target, type, what) in required {
            if let node = fields.required(key, what: what),
               let rule = reader.rule(node, target: target, type: type, path: key, allowsTemplate: target == .id) { rules.append(rule) }
        }
        if let node = fields.required("applicant", what: "le demandeur (applicant: {name: Entreprise raison sociale})") {
            rules += applicant(node, reader: reader, log: log)
        }
        if let node = fields.optional("subject"), let rule = reader.rule(node, target: .subject, type: .text, path: "subject") { rules.append(rule) }
        if let node = fields.optional("facts") { rules += reader.facts(node) }
        if let node = fields.optional("pieces") { rules += reader.pieces(node) }
        if let node = fields.optional("confirmed") { rules += reader.confirmations(node) }
        fields.rejectUnknown()
        guard log.isEmpty, let dossier else { return .failure(DiagnosticList(log.diagnostics)) }
        return .success(ImportMapping(scheme: scheme, file: file, dossier: dossier, states: states, rules: rules))
    }

    private static func applicant(_ node: YAMLNode, reader: RuleReader, log: DiagnosticLog) -> [ImportMapping.Rule] {
        guard var fields = Fields(node, path: "applicant", log: log) else { return [] }
        var rules: [ImportMapping.Rule] = []
        if let name = fields.required("name", what: "la colonne du nom du demandeur"),
           let rule = reader.rule(name, target: .applicantName, type: .text, path: "applicant.name") { rules.append(rule) }
        for (key, target) in [("kind", ImportMapping.Target.applicantKind), ("siret", .applicantSiret), ("address", .applicantAddress)] {
            if let value = fields.optional(key), let rule = reader.rule(value, target: target, type: .text, path: "applicant.\(key)") {
                rules.append(rule)
            }
        }
        fields.rejectUnknown()
        return rules
    }

    /// `states: {column: État du dossier, import: [En construction, En instruction]}`.
    private static func stateFilter(_ node: YAMLNode, log: DiagnosticLog) -> ImportMapping.StateFilter? {
        guard var fields = Fields(node, path: "states", log: log) else { return nil }
        let column = fields.required("column", what: "la colonne de l'état du dossier (État du dossier)")
            .flatMap { log.line($0, path: "states.column") }
        let accepted = fields.required("import", what: "les états des dossiers à importer ([En construction, En instruction])")
            .flatMap { node -> [String]? in
                guard let items = node.sequence, !items.isEmpty else {
                    log.error("une liste non vide d'états est attendue ([En construction, En instruction])", at: node.mark, path: "states.import")
                    return nil
                }
                return items.enumerated().compactMap { log.line($1, path: "states.import[\($0)]") }
            }
        fields.rejectUnknown()
        guard let column, let accepted else { return nil }
        return ImportMapping.StateFilter(column: column, accepted: accepted, mark: node.mark)
    }
}
