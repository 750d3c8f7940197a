import SchemeLanguage

/// The JSON Schema (draft 2020-12) of a scheme's application files, for editors: VS Code's YAML
/// extension completes the fields, shows each question and its help, lists the codes of a
/// choice with their labels, and marks a misspelt field or a value of the wrong kind.
///
/// Fields follow the application format (Docs/SCHEME-FORMAT.md, « Applications »): the facts may
/// be nested (`projet: {enjeux: …}`) or flat (`projet.enjeux: …`), as the decoder reads them.
/// The schema is a guide: `guichet evaluate` still checks everything (an ambiguous amount, a
/// SIRET's key, a date that does not exist).
public enum ApplicationSchema {
    /// The JSON Schema dialect the schemas are written in.
    public static let draft = "https://json-schema.org/draft/2020-12/schema"

    /// The schema of an application file for `scheme`.
    public static func schema(for scheme: Scheme) -> JSON {
        document(title: "Demande au dispositif \(scheme.id)",
                 description: "Schéma des fichiers de demande du dispositif « \(scheme.title) », produit par « guichet schema \(scheme.id) ».",
                 header: [("scheme", .object([("title", .string("Dispositif")), ("const", .string(scheme.id))]))],
                 required: ["scheme"], schemes: [scheme])
    }

    /// The schema of a household's file for a family of schemes (`family: logement`).
    public static func schema(forFamily family: String, schemes: [Scheme]) -> JSON {
        let requests = JSON.object([("title", .string("Aides demandées")), ("type", .string("array")), ("minItems", .integer(1)),
                                    ("uniqueItems", .boolean(true)),
                                    ("items", ValueSchemas.choice(schemes.map { ($0.id, $0.title) }))])
        return document(title: "Dossier d'un ménage, famille \(family)",
                        description: "Un dossier évalué par chaque dispositif de la famille \(family). Schéma produit par « guichet schema \(family) ».",
                        header: [("family", .object([("title", .string("Famille de dispositifs")), ("const", .string(family))])), ("requests", requests)],
                        required: ["family", "requests"], schemes: schemes)
    }

    private static func document(title: String, description: String, header: [(String, JSON)], required: [String],
                                 schemes: [Scheme]) -> JSON {
        var properties = header
        properties += [
            ("id", field("Référence de la demande", "Ses fichiers de décision s'appellent ID.md et ID.json : lettres, chiffres, « - », « _ » et « . ».",
                         [("type", .array([.string("string"), .string("integer")])), ("pattern", .string("^[A-Za-z0-9][A-Za-z0-9_.-]*$")),
                          ("maxLength", .integer(200))])),
            ("filed", field("Date de dépôt", "AAAA-MM-JJ : elle ordonne le lot et situe la demande dans la période d'application du dispositif.",
                            [("type", .string("string")), ("format", .string("date")), ("pattern", .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))])),
            ("applicant", applicant),
            ("subject", field("Objet de la demande", nil, [("type", .string("string"))])),
            ("facts", FactSchemas.facts(of: schemes)),
            ("pieces", pieces(schemes)),
            ("confirmed", confirmed(schemes)),
        ]
        if let funder = schemes.lazy.compactMap(\.financingPlan).first?.funder {
            properties.append(("financing_plan", FinancingPlanSchema.schema(funder: funder)))
        }
        if let findings = findings(schemes) { properties.append(("findings", findings)) }
        if let outcomes = outcomes(schemes) { properties.append(("outcomes", outcomes)) }
        return .object([
            ("$schema", .string(draft)), ("title", .string(title)), ("description", .string(description)),
            ("type", .string("object")), ("required", .array((required + ["id", "filed", "applicant"]).map(JSON.string))),
            ("properties", .object(properties)), ("additionalProperties", .boolean(false)),
        ])
    }

    static func field(_ title: String, _ description: String?, _ schema: [(String, JSON)]) -> JSON {
        var pairs: [(String, JSON)] = [("title", .string(title))]
        if let description { pairs.append(("description", .string(description))) }
        return .object(pairs + schema)
    }

    private static var applicant: JSON {
        let text: [(String, JSON)] = [("type", .string("string"))]
        return field("Demandeur", nil, [
            ("type", .string("object")), ("required", .array([.string("name")])),
            ("properties", .object([
                ("name", field("Nom du demandeur", nil, text)),
                ("kind", field("Nature du demandeur", "commune, EPCI, association, particulier… ; elle choisit les voies de recours imprimées.", text)),
                ("address", field("Adresse", nil, text)),
                ("siret", field("SIRET", "14 chiffres, par exemple \"216 200 001 00019\" (entre guillemets).",
                                [("type", .array([.string("string"), .string("integer")])), ("pattern", .string("^[0-9 ]+$"))])),
            ])),
            ("additionalProperties", .boolean(false)),
        ])
    }

    private static func pieces(_ schemes: [Scheme]) -> JSON {
        let pieces = unique(schemes.flatMap { $0.pieces.map { ($0.id, $0.label) } })
        return field("Pièces fournies", "Les pièces justificatives jointes à la demande.",
                     [("type", .string("array")), ("items", ValueSchemas.choice(pieces)), ("uniqueItems", .boolean(true))])
    }

    private static func confirmed(_ schemes: [Scheme]) -> JSON {
        let inputs = unique(schemes.flatMap { $0.inputs.filter(\.confirm).map { ($0.id, $0.question) } })
        let list = JSON.object([("type", .string("array")), ("items", ValueSchemas.choice(inputs)), ("uniqueItems", .boolean(true))])
        return field("Informations confirmées par l'instructeur", "all (toutes), ou la liste des informations vérifiées.",
                     [("anyOf", .array([.object([("const", .string("all"))]), list]))])
    }

    private static func findings(_ schemes: [Scheme]) -> JSON? {
        let manual = unique(schemes.flatMap { scheme in
            scheme.criteria.filter(\.takesFindings).map { ($0.id, ParameterText.fillLatest($0.label, of: scheme)) }
        })
        guard !manual.isEmpty else { return nil }
        let finding: [(String, JSON)] = [
            ("type", .string("object")), ("required", .array([.string("satisfied")])),
            ("properties", .object([("satisfied", .object([("type", .string("boolean"))])), ("note", .object([("type", .string("string"))]))])),
            ("additionalProperties", .boolean(false)),
        ]
        let properties = manual.map { ($0.code, field($0.label, "Critère apprécié par l'instructeur : satisfied: true ou false, et une note.", finding)) }
        return field("Critères appréciés par l'instructeur", nil,
                     [("type", .string("object")), ("properties", .object(properties)), ("additionalProperties", .boolean(false))])
    }

    private static func outcomes(_ schemes: [Scheme]) -> JSON? {
        let referenced = Array(Set(schemes.flatMap { $0.references.map(\.id) })).sorted()
        guard !referenced.isEmpty else { return nil }
        let outcome = JSON.object([("enum", .array(["favorable", "défavorable", "incomplet", "à instruire"].map(JSON.string)))])
        return field("Décisions déjà prises sous les dispositifs dont celui-ci dépend", nil,
                     [("type", .string("object")), ("properties", .object(referenced.map { ($0, outcome) })), ("additionalProperties", .boolean(false))])
    }

    /// The first of each code, in order.
    private static func unique(_ pairs: [(String, String)]) -> [(code: String, label: String)] {
        var seen = Set<String>()
        return pairs.filter { seen.insert($0.0).inserted }.map { (code: $0.0, label: $0.1) }
    }
}
