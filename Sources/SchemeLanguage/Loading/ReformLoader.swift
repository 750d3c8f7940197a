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
                return .failure(DiagnosticList([Diagnostic("the file is empty: a reform has a 'name', a 'rationale' and 'overrides'", at: SourceMark(file: path, line: 1, column: 1))]))
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
        let rationale = fields.required("rationale", what: "why the change is proposed").flatMap { log.text($0, path: "rationale") }
        let overrides = fields.required("overrides", what: "new parameter values, by scheme").map { overridesOf($0, schemes: schemes, log: log) } ?? []
        let breakdown = fields.optional("breakdown").map { breakdownOf($0, schemes: schemes, log: log) } ?? [:]
        fields.rejectUnknown()
        guard let name, let rationale else { return nil }
        return Reform(name: name, rationale: rationale, overrides: overrides, breakdown: breakdown, file: file, hash: hash)
    }

    private static func overridesOf(_ node: YAMLNode, schemes: [String: Scheme], log: DiagnosticLog) -> [Reform.Override] {
        guard let pairs = node.mapping else {
            log.error("expected a mapping from schemes to their parameters", at: node.mark, path: "overrides")
            return []
        }
        var overrides: [Reform.Override] = []
        for pair in pairs {
            let schemeID = pair.key.scalar ?? ""
            guard let scheme = schemes[schemeID] else {
                log.error(unknown("scheme '\(schemeID)'", among: schemes.keys.sorted(), near: schemeID), at: pair.key.mark, path: "overrides.\(schemeID)")
                continue
            }
            guard let parameters = pair.value.mapping else {
                log.error("expected a mapping from parameters to their new values", at: pair.value.mark, path: "overrides.\(schemeID)")
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
            var message = "'\(id)' is not a parameter of '\(scheme.id)'"
            if let guess = Suggestion.closest(to: id, among: scheme.parameters.map(\.id)) { message += "; did you mean '\(guess)'?" }
            log.error(message, at: entry.key.mark, path: path)
            return nil
        }
        guard var fields = Fields(entry.value, path: path, log: log) else { return nil }
        let valueNode = fields.required("value")
        let from = fields.optional("from").flatMap { node -> LocalDate? in
            guard let text = node.scalar, let date = LocalDate(iso: text) else {
                log.error("expected a date written YYYY-MM-DD, found \(ScalarParsing.shown(node))", at: node.mark, path: "\(path).from")
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
            log.error("\(problem.message), for '\(id)' of '\(scheme.id)', whose new value keeps its unit", at: valueNode.mark, path: "\(path).value")
            return nil
        }
    }

    private static func breakdownOf(_ node: YAMLNode, schemes: [String: Scheme], log: DiagnosticLog) -> [String: String] {
        guard let pairs = node.mapping else {
            log.error("expected a mapping from schemes to an input", at: node.mark, path: "breakdown")
            return [:]
        }
        var breakdown: [String: String] = [:]
        for pair in pairs {
            let schemeID = pair.key.scalar ?? ""
            let path = "breakdown.\(schemeID)"
            guard let scheme = schemes[schemeID] else {
                log.error(unknown("scheme '\(schemeID)'", among: schemes.keys.sorted(), near: schemeID), at: pair.key.mark, path: path)
                continue
            }
            guard let input = pair.value.scalar, scheme.inputIndex(input) != nil else {
                let given = pair.value.scalar ?? ""
                log.error(unknown("input '\(given)' of '\(schemeID)' (a breakdown names the input whose values split the amounts)",
                                  among: scheme.inputs.map(\.id), near: given), at: pair.value.mark, path: path)
                continue
            }
            breakdown[schemeID] = input
        }
        return breakdown
    }

    /// "unknown scheme 'pdesy'; did you mean 'pdesi'?"
    private static func unknown(_ what: String, among names: [String], near given: String) -> String {
        var message = "unknown \(what)"
        if let guess = Suggestion.closest(to: given, among: names) { message += "; did you mean '\(guess)'?" }
        return message
    }
}
