import YAMLReader

/// Loads a rules folder's `deliberations.yaml`: the authorities that decide and the acts the
/// schemes cite, each under a key.
///
/// The entries that load are kept even when others have errors, and the broken keys are
/// remembered: a scheme citing a sound entry still loads, and one citing a broken entry is
/// told so at its own line.
public enum DeliberationsLoader {
    public static func load(path: String) -> (deliberations: SharedDeliberations, diagnostics: [Diagnostic]) {
        read(file: path) { () throws(YAMLError) in try YAMLDocumentReader.singleDocument(path: path) }
    }

    /// The same from text in memory; `file` is the name used in marks.
    public static func load(text: String, file: String) -> (deliberations: SharedDeliberations, diagnostics: [Diagnostic]) {
        read(file: file) { () throws(YAMLError) in try YAMLDocumentReader.singleDocument(text: text, file: file) }
    }

    private static func read(file: String, _ document: () throws(YAMLError) -> YAMLNode) -> (SharedDeliberations, [Diagnostic]) {
        do {
            let log = DiagnosticLog()
            let deliberations = decode(try document(), file: file, log: log)
            return (deliberations, log.diagnostics)
        } catch {
            return (SharedDeliberations(file: file, authorities: [:], acts: [:]), [Diagnostic(error)])
        }
    }

    private static func decode(_ document: YAMLNode, file: String, log: DiagnosticLog) -> SharedDeliberations {
        var authorities: [String: Authority] = [:], acts: [String: Act] = [:]
        var brokenAuthorities: Set<String> = [], brokenActs: Set<String> = []
        if var fields = Fields(document, path: "", log: log) {
            let authorityNode = fields.optional("authorities")
            let actNode = fields.optional("acts")
            fields.rejectUnknown()
            for (key, value, path) in keyed(authorityNode, path: "authorities", log: log) {
                if let authority = AuthorityReading.read(value, path: path, log: log) { authorities[key] = authority } else { brokenAuthorities.insert(key) }
            }
            for (key, value, path) in keyed(actNode, path: "acts", log: log) {
                if let act = act(key, value, path: path, file: file, log: log) { acts[key] = act } else { brokenActs.insert(key) }
            }
        }
        return SharedDeliberations(file: file, authorities: authorities, acts: acts,
                                   brokenAuthorities: brokenAuthorities, brokenActs: brokenActs)
    }

    /// The entries of a mapping keyed by identifiers.
    private static func keyed(_ node: YAMLNode?, path: String, log: DiagnosticLog) -> [(String, YAMLNode, String)] {
        guard let node else { return [] }
        guard let pairs = node.mapping else {
            log.error("attendu un ensemble de clés et de leurs entrées, trouvé \(node.kindName)", at: node.mark, path: path)
            return []
        }
        return pairs.compactMap { pair in
            log.identifier(pair.key, path: path).map { ($0, pair.value, "\(path).\($0)") }
        }
    }

    /// An act, whose number, date and body must be those its title states: the title is what
    /// decisions print, the other fields say what it is, and neither may drift from the other.
    /// The date and the body are optional: an act the texts name without its day (the FSL's
    /// règlement intérieur, a deliberation of « décembre 2019 ») or a law, whose title names no
    /// assembly, leaves them out rather than carry a made-up one.
    private static func act(_ key: String, _ node: YAMLNode, path: String, file: String, log: DiagnosticLog) -> Act? {
        guard var fields = Fields(node, path: path, log: log) else { return nil }
        let title = fields.required("title", what: "l'acte tel que les décisions le citent").flatMap { log.text($0, path: "\(path).title") }
        let numberNode = fields.optional("number")
        let number = numberNode.flatMap { log.text($0, path: "\(path).number") }
        let dateNode = fields.optional("date")
        let date = dateNode.flatMap { node -> LocalDate? in
            guard let text = node.scalar, let date = LocalDate(iso: text) else {
                log.error("attendu une date écrite AAAA-MM-JJ, trouvé \(ScalarParsing.shown(node))", at: node.mark, path: "\(path).date")
                return nil
            }
            return date
        }
        let bodyNode = fields.optional("body")
        let body = bodyNode.flatMap { log.text($0, path: "\(path).body") }
        let textNode = fields.optional("text")
        let text = textNode.flatMap { log.line($0, path: "\(path).text") }.map { textPath($0, besides: file) }
        fields.rejectUnknown()
        guard let title, dateNode == nil || date != nil, bodyNode == nil || body != nil, numberNode == nil || number != nil,
              textNode == nil || text != nil else { return nil }
        var consistent = true
        func require(_ words: String, in field: String, at node: YAMLNode?) {
            guard !title.contains(words), let node else { return }
            log.error("le titre ne contient pas « \(words) » : le champ « \(field) » et le titre doivent concorder", at: node.mark, path: "\(path).\(field)")
            consistent = false
        }
        if let number { require("n°\(number)", in: "number", at: numberNode) }
        if let date { require(date.frenchLong, in: "date", at: dateNode) }
        if let body { require(body, in: "body", at: bodyNode) }
        return consistent ? Act(key: key, title: title, number: number, date: date, body: body, text: text, textMark: textNode?.mark) : nil
    }

    /// `text: sources/x.txt` names a file beside `deliberations.yaml`: `Rules/sources/x.txt`
    /// for `Rules/deliberations.yaml`. An absolute path is kept.
    static func textPath(_ written: String, besides file: String) -> String {
        guard !written.hasPrefix("/"), let slash = file.lastIndex(of: "/") else { return written }
        return String(file[...slash]) + written
    }
}

/// The fields of an authority, the same whether written in a scheme or in `deliberations.yaml`.
enum AuthorityReading {
    static func read(_ node: YAMLNode, path: String, log: DiagnosticLog) -> Authority? {
        guard var fields = Fields(node, path: path, log: log) else { return nil }
        let authority = read(&fields, path: path, log: log)
        fields.rejectUnknown()
        return authority
    }

    /// The authority's own fields; the caller may read others from the same mapping (a scheme
    /// writing its authority in full adds who decides) before rejecting the unknown ones.
    static func read(_ fields: inout Fields, path: String, log: DiagnosticLog) -> Authority? {
        let name = fields.required("name").flatMap { log.text($0, path: "\(path).name") }
        let signatory = fields.required("signatory", what: "qui signe les décisions").flatMap { log.text($0, path: "\(path).signatory") }
        let court = fields.required("court", what: "le tribunal administratif compétent pour les recours").flatMap { log.text($0, path: "\(path).court") }
        let address = fields.optional("court_address").flatMap { log.text($0, path: "\(path).court_address") }
        let bodiesNode = fields.optional("bodies")
        let bodies = bodiesNode.flatMap { self.bodies($0, path: "\(path).bodies", log: log) }
        guard let name, let signatory, let court, bodiesNode == nil || bodies != nil else { return nil }
        return Authority(name: name, signatory: signatory, court: court, courtAddress: address, bodies: bodies ?? [:])
    }

    /// The articles a body's name may start with, so that documents can decline it
    /// ("de la Commission permanente…", "du Président…").
    private static let articles = ["Le ", "La ", "L'", "L\u{2019}", "Les "]

    /// `bodies: {assemblée: Le Conseil départemental, …}`: the French name of each body the
    /// authority has, keyed by the names schemes use in `authority.decides`.
    static func bodies(_ node: YAMLNode, path: String, log: DiagnosticLog) -> [DecidingBody: String]? {
        guard let pairs = node.mapping else {
            log.error("attendu les instances (\(DecidingBody.listed())) et leur nom en français, trouvé \(node.kindName)", at: node.mark, path: path)
            return nil
        }
        var bodies: [DecidingBody: String] = [:]
        var sound = true
        for pair in pairs {
            guard let key = log.text(pair.key, path: path) else { sound = false; continue }
            guard let body = DecidingBody.read(key, at: pair.key.mark, path: path, log: log) else { sound = false; continue }
            guard let name = log.line(pair.value, path: "\(path).\(key)") else { sound = false; continue }
            guard articles.contains(where: { name.hasPrefix($0) }) else {
                log.error("écrivez le nom avec son article, tel que les documents l'impriment (« La Commission permanente du Conseil départemental », « Le Président du Conseil départemental »)",
                          at: pair.value.mark, path: "\(path).\(key)")
                sound = false
                continue
            }
            bodies[body] = name
        }
        return sound ? bodies : nil
    }
}

extension DecidingBody {
    /// « assemblée, commission-permanente et président-par-délégation » (or « …ou… »), for messages.
    static func listed(_ conjunction: String = "et") -> String {
        let names = allCases.map(\.rawValue)
        return names.dropLast().joined(separator: ", ") + " \(conjunction) " + names.last!
    }

    /// A body named in a file, or a located error listing the three.
    static func read(_ text: String, at mark: SourceMark, path: String, log: DiagnosticLog) -> DecidingBody? {
        if let body = DecidingBody(rawValue: text) { return body }
        var message = "instance de décision \(ScalarParsing.quoted(text)) inconnue"
        if let question = Suggestion.question(for: text, among: allCases.map(\.rawValue)) {
            message += " ; \(question) Les instances sont : \(listed())"
        } else {
            message += " ; les instances sont : \(listed())"
        }
        log.error(message, at: mark, path: path)
        return nil
    }
}
