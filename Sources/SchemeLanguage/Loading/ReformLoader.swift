import Platform
import YAMLReader

/// Loads a reform file and checks it against the schemes it changes: an unknown scheme or
/// parameter, or a value of the wrong unit, is an error with its file:line:column.
public enum ReformLoader {
    public static func load(path: String, schemes: [String: Scheme]) -> Result<Reform, DiagnosticList> {
        let bytes: [UInt8]
        switch FileBytes.read(path) {
        case .success(let read): bytes = read
        case .failure(let diagnostic): return .failure(DiagnosticList([diagnostic]))
        }
        return load(bytes: bytes, file: path, schemes: schemes)
    }

    /// A reform given as bytes (the body of a request), `file` naming it in the errors.
    public static func load(bytes: [UInt8], file path: String, schemes: [String: Scheme]) -> Result<Reform, DiagnosticList> {
        let document: YAMLNode
        do {
            guard let node = try YAMLDocumentReader(bytes: bytes, file: path).nextDocument() else {
                return .failure(DiagnosticList([Diagnostic("le fichier est vide : une réforme a un « name », un « rationale » et des « overrides »", at: SourceMark(file: path, line: 1, column: 1))]))
            }
            document = node
        } catch {
            return .failure(DiagnosticList([Diagnostic(error)]))
        }
        let log = DiagnosticLog()
        let reform = decode(document, schemes: schemes, file: path, hash: SHA256.hex(of: bytes), log: log)
        guard log.isEmpty, let reform else { return .failure(DiagnosticList(log.diagnostics)) }
        return .success(reform)
    }

    private static func decode(_ node: YAMLNode, schemes: [String: Scheme], file: String, hash: String, log: DiagnosticLog) -> Reform? {
        guard var fields = Fields(node, path: "", log: log) else { return nil }
        let name = fields.required("name").flatMap { log.text($0, path: "name") }
        let rationale = fields.required("rationale", what: "pourquoi le changement est proposé").flatMap { log.text($0, path: "rationale") }
        let overrides = fields.required("overrides", what: "les nouvelles valeurs des paramètres, par dispositif").map { overridesOf($0, schemes: schemes, log: log) } ?? []
        let breakdown = fields.optional("breakdown").map { breakdownOf($0, schemes: schemes, log: log) } ?? (inputs: [:], communes: [:])
        fields.rejectUnknown()
        guard let name, let rationale else { return nil }
        return Reform(name: name, rationale: rationale, overrides: overrides, breakdown: breakdown.inputs,
                      communes: breakdown.communes, file: file, hash: hash)
    }

    private static func overridesOf(_ node: YAMLNode, schemes: [String: Scheme], log: DiagnosticLog) -> [Reform.Override] {
        guard let pairs = node.mapping else {
            log.error("attendu les dispositifs et leurs paramètres : overrides: {pdesi: {taux_inscrit: {value: 60 %}}}, trouvé \(node.kindName)", at: node.mark, path: "overrides")
            return []
        }
        var overrides: [Reform.Override] = []
        for pair in pairs {
            let schemeID = pair.key.scalar ?? ""
            guard let scheme = schemes[schemeID] else {
                log.error(unknown("dispositif « \(schemeID) » inconnu", among: schemes.keys.sorted(), near: schemeID), at: pair.key.mark, path: "overrides.\(schemeID)")
                continue
            }
            guard let parameters = pair.value.mapping else {
                let first = scheme.parameters.first.map { "\($0.id): {value: \(ReformTemplate.inFlow(example(of: $0)))}" } ?? "…"
                log.error("attendu les paramètres et leurs nouvelles valeurs, par exemple « \(schemeID): {\(first)} », trouvé \(pair.value.kindName)",
                          at: pair.value.mark, path: "overrides.\(schemeID)")
                continue
            }
            for entry in parameters {
                if let override = override(entry, scheme: scheme, log: log) { overrides.append(override) }
            }
        }
        return overrides
    }

    private static func override(_ entry: YAMLPair, scheme: Scheme, log: DiagnosticLog) -> Reform.Override? {
        let id = entry.key.scalar ?? ""
        let path = "overrides.\(scheme.id).\(id)"
        guard let parameter = scheme.parameters.first(where: { $0.id == id }) else {
            log.error(unknown("« \(id) » n'est pas un paramètre du dispositif \(scheme.id)", among: scheme.parameters.map(\.id), near: id),
                      at: entry.key.mark, path: path)
            return nil
        }
        let example = example(of: parameter)
        guard entry.value.mapping != nil else {
            // `taux_inscrit: 60 %`: the value alone, without its field.
            log.error("attendu la nouvelle valeur et, si besoin, le jour de dépôt à compter duquel elle s'applique, par exemple "
                      + "« \(id): {value: \(ReformTemplate.inFlow(example)), from: 2021-01-01} », trouvé \(ScalarParsing.shown(entry.value))",
                      at: entry.value.mark, path: path)
            return nil
        }
        guard var fields = Fields(entry.value, path: path, log: log) else { return nil }
        let valueNode = fields.required("value", what: "la nouvelle valeur du paramètre, par exemple « value: \(example) »")
        let from = fields.optional("from").flatMap { node -> LocalDate? in
            guard let text = node.scalar, let date = date(text) else {
                log.error("attendu une date écrite AAAA-MM-JJ ou JJ/MM/AAAA, par exemple « from: 2021-01-01 » ou « from: 01/01/2021 », "
                          + "trouvé \(ScalarParsing.shown(node))", at: node.mark, path: "\(path).from")
                return nil
            }
            return date
        }
        fields.rejectUnknown()
        guard let valueNode else { return nil }
        switch ScalarParsing.value(valueNode, as: parameter.type) {
        case .success(let value):
            return Reform.Override(scheme: scheme.id, parameter: id, value: value, from: from, mark: valueNode.mark)
        case .failure(let problem):
            log.error("\(problem.message), pour « \(id) » du dispositif \(scheme.id), dont la nouvelle valeur garde l'unité : "
                      + "par exemple « value: \(example) »", at: valueNode.mark, path: "\(path).value")
            return nil
        }
    }

    /// A value of the parameter's type as a reform writes it: today's value when it has one.
    static func example(of parameter: Parameter) -> String {
        parameter.versions.last.map { ReformTemplate.written($0.value, type: parameter.type) } ?? ReformTemplate.example(parameter.type)
    }

    /// `2021-01-01`, or `01/01/2021` as people write dates in France.
    static func date(_ text: String) -> LocalDate? {
        if let date = LocalDate(iso: text) { return date }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 2, parts[1].count == 2, parts[2].count == 4,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]) else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }

    /// `breakdown: {pdesi: esi.categorie}`, or for each scheme a mapping:
    /// `{input: esi.categorie, commune: porteur.siren}`, `commune` naming the text input that
    /// gives the maître d'ouvrage's SIREN, joined with the reference file of communes.
    private static func breakdownOf(_ node: YAMLNode, schemes: [String: Scheme], log: DiagnosticLog)
        -> (inputs: [String: String], communes: [String: String]) {
        guard let pairs = node.mapping else {
            log.error("attendu les dispositifs et, pour chacun, une donnée : breakdown: {pdesi: esi.categorie}, "
                      + "ou breakdown: {pdesi: {input: esi.categorie, commune: porteur.siren}}, trouvé \(node.kindName)", at: node.mark, path: "breakdown")
            return ([:], [:])
        }
        var inputs: [String: String] = [:], communes: [String: String] = [:]
        for pair in pairs {
            let schemeID = pair.key.scalar ?? ""
            let path = "breakdown.\(schemeID)"
            guard let scheme = schemes[schemeID] else {
                log.error(unknown("dispositif « \(schemeID) » inconnu", among: schemes.keys.sorted(), near: schemeID), at: pair.key.mark, path: path)
                continue
            }
            guard pair.value.mapping != nil else {
                if let input = breakdownInput(pair.value, of: scheme, path: path, log: log) { inputs[schemeID] = input }
                continue
            }
            guard var fields = Fields(pair.value, path: path, log: log) else { continue }
            if let node = fields.optional("input"), let input = breakdownInput(node, of: scheme, path: path + ".input", log: log) {
                inputs[schemeID] = input
            }
            if let node = fields.optional("commune"), let input = sirenInput(node, of: scheme, path: path + ".commune", log: log) {
                communes[schemeID] = input
            }
            fields.rejectUnknown()
        }
        return (inputs, communes)
    }

    /// The input whose values split the amounts.
    private static func breakdownInput(_ node: YAMLNode, of scheme: Scheme, path: String, log: DiagnosticLog) -> String? {
        guard let input = node.scalar, scheme.inputIndex(input) != nil else {
            let given = node.scalar ?? ""
            log.error(unknown("donnée « \(given) » inconnue du dispositif \(scheme.id) (une ventilation nomme la donnée dont les valeurs répartissent les montants)",
                              among: scheme.inputs.map(\.id), near: given), at: node.mark, path: path)
            return nil
        }
        return input
    }

    /// The text input that gives the maître d'ouvrage's SIREN.
    private static func sirenInput(_ node: YAMLNode, of scheme: Scheme, path: String, log: DiagnosticLog) -> String? {
        let given = node.scalar ?? ""
        guard let index = scheme.inputIndex(given) else {
            log.error(unknown("donnée « \(given) » inconnue du dispositif \(scheme.id) (« commune » nomme la donnée qui donne le SIREN "
                              + "du maître d'ouvrage, par exemple commune: porteur.siren)", among: scheme.inputs.map(\.id), near: given),
                      at: node.mark, path: path)
            return nil
        }
        guard case .text = scheme.inputs[index].type else {
            log.error("la donnée « \(given) » n'est pas un texte : « commune » nomme la donnée qui donne le SIREN du maître d'ouvrage "
                      + "(9 chiffres), par exemple commune: porteur.siren", at: node.mark, path: path)
            return nil
        }
        return given
    }

    /// « dispositif « pdesy » inconnu ; vouliez-vous dire « pdesi » ? »
    private static func unknown(_ problem: String, among names: [String], near given: String) -> String {
        guard let question = Suggestion.question(for: given, among: names) else { return problem }
        return problem + " ; " + question
    }
}
