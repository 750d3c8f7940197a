import Platform
import YAMLReader

/// A reform: new values for parameters of one or more schemes, each from a date, that policy
/// staff trial on a portfolio before a vote. A reform changes parameters and nothing else.
public struct Reform: Sendable {
    public struct Override: Sendable {
        public let scheme: String
        public let parameter: String
        public let value: Value
        /// From which filing date (or parameter date) the new value applies; nil for all.
        public let from: LocalDate?
        public let mark: SourceMark
    }

    public let name: String
    public let rationale: String
    public let overrides: [Override]
    /// For each scheme, the input whose values break the amounts down in the report.
    public let breakdown: [String: String]
    /// For each scheme, the input that gives the maître d'ouvrage's SIREN, joined with the rules
    /// folder's reference file of communes (`CommuneReference`) to break the amounts down by the
    /// commune's population band and by its territory.
    public let communes: [String: String]
    public let file: String
    public let hash: String

    public init(name: String, rationale: String, overrides: [Override], breakdown: [String: String] = [:],
                communes: [String: String] = [:], file: String = "", hash: String = "") {
        self.name = name
        self.rationale = rationale
        self.overrides = overrides
        self.breakdown = breakdown
        self.communes = communes
        self.file = file
        self.hash = hash
    }

    /// The reform that changes nothing: simulating it measures a portfolio under today's rules.
    public static let none = Reform(name: "Règles en vigueur", rationale: "Aucun paramètre modifié.", overrides: [])

    /// The scheme as the reform would make it.
    public func apply(to scheme: Scheme) -> Scheme {
        let mine = overrides.filter { $0.scheme == scheme.id }
        guard !mine.isEmpty else { return scheme }
        let parameters = scheme.parameters.map { parameter -> Parameter in
            var versions = parameter.versions
            for override in mine where override.parameter == parameter.id {
                if let from = override.from {
                    versions = versions.filter { ($0.from.map { $0 < from }) ?? true } + [Parameter.Version(from: from, value: override.value)]
                } else {
                    versions = [Parameter.Version(from: nil, value: override.value)]
                }
            }
            return parameter.with(versions: versions)
        }
        return scheme.replacing(parameters: parameters, rulesHash: SHA256.hex(of: Array((scheme.rulesHash + hash).utf8)))
    }
}

extension Scheme {
    /// The same scheme with other parameter values (same names, same types, same order).
    public func replacing(parameters: [Parameter], rulesHash: String) -> Scheme {
        copy(parameters: parameters, rulesHash: rulesHash)
    }
}
