import Platform
import YAMLReader

/// A value the deployment gives a parameter the text leaves without one (`unset: true`):
/// `parameters: {pdesi: {enveloppe_appel: 150 000 €}}` in `guichet.yaml`, or in a file given
/// by `--parametres`. Read as written; typed against the parameter when applied.
public struct ParameterSetting: Sendable, Equatable {
    public let scheme: String
    public let parameter: String
    /// The value as written (`150 000 €`), read in the parameter's type when applied.
    public let value: String
    /// A value made up to try the rules (`{value: 150 000 €, fictitious: true}`): every
    /// document that shows it says « (valeur fictive, pour les essais) ».
    public let fictitious: Bool
    public let schemeMark: SourceMark
    public let parameterMark: SourceMark
    public let valueMark: SourceMark

    public init(scheme: String, parameter: String, value: String, fictitious: Bool = false,
                schemeMark: SourceMark, parameterMark: SourceMark, valueMark: SourceMark) {
        self.scheme = scheme
        self.parameter = parameter
        self.value = value
        self.fictitious = fictitious
        self.schemeMark = schemeMark
        self.parameterMark = parameterMark
        self.valueMark = valueMark
    }
}

/// Reads and applies `parameters` sections.
public enum ParameterSettings {
    /// A file whose only section is `parameters`, given by `--parametres FICHIER`.
    public static func load(path: String) -> (settings: [ParameterSetting]?, diagnostics: [Diagnostic]) {
        do {
            let log = DiagnosticLog()
            let document = try YAMLDocumentReader.singleDocument(path: path)
            guard var fields = Fields(document, path: "", log: log) else { return (nil, log.diagnostics) }
            let node = fields.required("parameters", what: "les valeurs des paramètres sans valeur, par dispositif : parameters: {pdesi: {enveloppe_appel: 150 000 €}}")
            fields.rejectUnknown()
            let settings = node.map { read($0, log: log) } ?? []
            return (log.isEmpty ? settings : nil, log.diagnostics)
        } catch {
            return (nil, [Diagnostic(error)])
        }
    }

    /// `parameters: {SCHEME: {PARAMETER: VALUE or {value: VALUE, fictitious: true}}}`.
    static func read(_ node: YAMLNode, log: DiagnosticLog) -> [ParameterSetting] {
        guard let schemes = node.mapping else {
            log.error("attendu, par dispositif, les valeurs de ses paramètres sans valeur : parameters: {pdesi: {enveloppe_appel: 150 000 €}} ; trouvé \(ScalarParsing.shown(node))",
                      at: node.mark, path: "parameters")
            return []
        }
        var settings: [ParameterSetting] = []
        for scheme in schemes {
            guard let schemeID = log.identifier(scheme.key, path: "parameters") else { continue }
            guard let parameters = scheme.value.mapping else {
                log.error("attendu les paramètres du dispositif et leurs valeurs : {\(schemeID): {enveloppe_appel: 150 000 €}} ; trouvé \(ScalarParsing.shown(scheme.value))",
                          at: scheme.value.mark, path: "parameters.\(schemeID)")
                continue
            }
            for parameter in parameters {
                guard let parameterID = log.identifier(parameter.key, path: "parameters.\(schemeID)") else { continue }
                let path = "parameters.\(schemeID).\(parameterID)"
                var valueNode = parameter.value
                var fictitious = false
                if parameter.value.mapping != nil {
                    guard var fields = Fields(parameter.value, path: path, log: log) else { continue }
                    let given = fields.required("value", what: "la valeur, écrite comme dans un dispositif (150 000 €, 60 %)")
                    fictitious = fields.optional("fictitious").flatMap { log.boolean($0, path: "\(path).fictitious") } ?? false
                    fields.rejectUnknown()
                    guard let given else { continue }
                    valueNode = given
                }
                guard let value = valueNode.scalar, !valueNode.isNull else {
                    log.error("attendu une valeur écrite comme dans un dispositif (150 000 €, 60 %), trouvé \(ScalarParsing.shown(valueNode))",
                              at: valueNode.mark, path: path)
                    continue
                }
                settings.append(ParameterSetting(scheme: schemeID, parameter: parameterID, value: value, fictitious: fictitious,
                                                 schemeMark: scheme.key.mark, parameterMark: parameter.key.mark, valueMark: valueNode.mark))
            }
        }
        return settings
    }

    /// The schemes with their unset parameters set; each setting must name an unset parameter
    /// of a scheme, once, with a value of its type. A scheme whose parameters are set gets
    /// another fingerprint: its decisions depend on the values given.
    public static func apply(_ settings: [ParameterSetting], to schemes: [String: Scheme]) -> (schemes: [String: Scheme], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var values: [String: [String: Parameter.Version]] = [:]
        var seen: [String: SourceMark] = [:]
        for setting in settings {
            let path = "parameters.\(setting.scheme).\(setting.parameter)"
            guard let scheme = schemes[setting.scheme] else {
                var message = "« \(setting.scheme) » n'est pas un dispositif chargé des règles"
                if let question = Suggestion.question(for: setting.scheme, among: schemes.keys.sorted()) { message += " ; " + question }
                diagnostics.append(Diagnostic(message, at: setting.schemeMark, path: "parameters.\(setting.scheme)"))
                continue
            }
            guard let parameter = scheme.parameters.first(where: { $0.id == setting.parameter }) else {
                var message = "« \(setting.parameter) » n'est pas un paramètre du dispositif \(scheme.id)"
                if let question = Suggestion.question(for: setting.parameter, among: scheme.parameters.map(\.id)) { message += " ; " + question }
                diagnostics.append(Diagnostic(message, at: setting.parameterMark, path: path))
                continue
            }
            guard parameter.isUnset else {
                let voted = FrenchFormat.versions(of: parameter)
                diagnostics.append(Diagnostic("le paramètre « \(parameter.id) » du dispositif \(scheme.id) a la valeur que le texte lui donne (\(voted)) : "
                                              + "on ne fixe ici que les paramètres déclarés sans valeur (unset: true) ; pour en essayer une autre, "
                                              + "écrivez une réforme (guichet simulate --reform)", at: setting.parameterMark, path: path))
                continue
            }
            if let earlier = seen[path] {
                diagnostics.append(Diagnostic("le paramètre « \(parameter.id) » du dispositif \(scheme.id) a déjà une valeur (\(earlier)) : donnez-la une seule fois",
                                              at: setting.parameterMark, path: path))
                continue
            }
            seen[path] = setting.parameterMark
            guard let value = ScalarParsing.value(setting.value, as: parameter.type) else {
                let problem = NumberForms.problem(setting.value, as: parameter.type)
                    ?? "attendu \(ScalarParsing.expected(parameter.type)), trouvé \(ScalarParsing.quoted(setting.value))"
                diagnostics.append(Diagnostic("\(problem), pour « \(parameter.id) » du dispositif \(scheme.id)", at: setting.valueMark, path: path))
                continue
            }
            values[scheme.id, default: [:]][parameter.id] = Parameter.Version(from: nil, value: value, fictitious: setting.fictitious)
        }
        var result = schemes
        for (id, given) in values {
            guard let scheme = schemes[id] else { continue }
            let parameters = scheme.parameters.map { parameter in given[parameter.id].map { parameter.with(versions: [$0]) } ?? parameter }
            // The values given, in a canonical text: the same values give the same fingerprint.
            let canonical = given.keys.sorted().map { key in
                let version = given[key]!
                return "parameter \(key)=\(FrenchFormat.canonical(version.value))\(version.fictitious ? " fictitious" : "")"
            }
            let hash = SHA256.hex(of: Array(([scheme.rulesHash] + canonical).joined(separator: "\n").utf8))
            result[id] = scheme.replacing(parameters: parameters, rulesHash: hash)
        }
        return (result, diagnostics)
    }
}
