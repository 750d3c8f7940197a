import SchemeLanguage

/// The `facts` of an application file: each input under its full name (`projet.enjeux`), and
/// nested by the parts of its name (`projet: {enjeux: …}`), as the decoder reads them both.
enum FactSchemas {
    static func facts(of schemes: [Scheme]) -> JSON {
        var seen = Set<String>()
        // The facts a financing plan gives are read from `financing_plan`, never written here.
        let inputs = schemes.flatMap { scheme in scheme.inputs.filter { $0.planFigure == nil }.map { (scheme, $0) } }.filter { seen.insert($0.1.id).inserted }
        let root = Group()
        for (scheme, input) in inputs {
            let parts = input.id.split(separator: ".").map(String.init)
            var group = root
            for depth in parts.indices {
                group.add(parts[depth...].joined(separator: "."), .fact(field(input, scheme: scheme)))
                guard depth < parts.count - 1 else { break }
                group = group.child(parts[depth])
            }
        }
        return ApplicationSchema.field("Informations de la demande",
                                       "Les réponses aux questions du dispositif, imbriquées (projet: {enjeux: …}) ou à plat (projet.enjeux: …).",
                                       root.schema)
    }

    /// One fact: its question as title, its help and how to write it as description; empty
    /// (null) is allowed, since an unknown fact is left for the decision to ask.
    private static func field(_ input: InputDefinition, scheme: Scheme) -> JSON {
        var notes = [ValueSchemas.writing(input)]
        if let help = input.help { notes.insert(help, at: 0) }
        if let piece = input.piece.flatMap(scheme.piece) { notes.append("Établi par la pièce « \(piece.label) » (\(piece.id)).") }
        if input.confirm { notes.append("Un instructeur doit la confirmer (confirmed).") }
        if case .enumeration(let domain) = input.type { notes.append(codes(domain)) }
        if case .set(let domain) = input.type { notes.append(codes(domain)) }
        return ApplicationSchema.field(input.question, notes.joined(separator: "\n\n"),
                                       [("anyOf", .array([ValueSchemas.schema(of: input), .object([("type", .string("null"))])]))])
    }

    private static func codes(_ domain: EnumDomain) -> String {
        "Codes : " + domain.values.map { "\($0) (\(domain.label(of: $0)))" }.joined(separator: " ; ") + "."
    }

    /// A level of the tree of names: facts under the rest of their name, and groups.
    private final class Group {
        enum Entry {
            case fact(JSON)
            case group(Group)
        }

        private var entries: [(key: String, entry: Entry)] = []

        func add(_ key: String, _ entry: Entry) {
            guard !entries.contains(where: { $0.key == key }) else { return }
            entries.append((key, entry))
        }

        func child(_ key: String) -> Group {
            if case .group(let existing)? = entries.first(where: { $0.key == key })?.entry { return existing }
            let created = Group()
            entries.append((key, .group(created)))
            return created
        }

        var schema: [(String, JSON)] {
            let properties = entries.map { key, entry -> (String, JSON) in
                switch entry {
                case .fact(let field): (key, field)
                case .group(let group): (key, .object(group.schema))
                }
            }
            return [("type", .string("object")), ("properties", .object(properties)), ("additionalProperties", .boolean(false))]
        }
    }
}
