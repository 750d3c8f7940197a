import SchemeLanguage
import YAMLReader

/// How the dossiers of an export become application files for one scheme: which column gives
/// each field of the application, and how the export's words (« Oui », « Catégorie 1 — inscrit
/// au PDESI ») become the scheme's values. Read from a mapping file (`Rules/imports/*.yaml`,
/// Docs/IMPORTS.md) by `ImportMappingLoader`, checked against the scheme.
public struct ImportMapping: Sendable {
    /// What a column fills in the application.
    public enum Target: Sendable, Hashable {
        /// The dossier's number on the platform: it names the file written, and the errors.
        case dossier
        case id, filed, applicantName, applicantKind, applicantSiret, applicantAddress, subject
        /// A fact: the index of the scheme's input.
        case fact(Int)
        /// A piece, provided when the cell names a file (or says yes).
        case piece(String)
        /// A declared fact an instructor confirmed (a private annotation « Oui »).
        case confirmed(String)
    }

    /// A column and how to read it.
    public struct Rule: Sendable {
        public let target: Target
        /// The column's name, as the export's header writes it.
        public let column: String
        /// The field path in the mapping file (`facts.esi.categorie`), for errors.
        public let path: String
        /// Where the column is named in the mapping file.
        public let mark: SourceMark
        /// The export's words and the values they stand for; nil stands for « no answer ».
        public let values: [(label: String, value: Value?)]
        /// What a blank cell means; without it, a blank cell leaves the field out.
        public let empty: Value??
        /// For the application's reference: a text where `{value}` stands for the cell.
        public let template: String?

        /// The value a label stands for, if the mapping names the label: `.some(nil)` for « no answer ».
        func value(for label: String) -> Value?? {
            values.first { $0.label == label }.map(\.value)
        }
    }

    /// Which dossiers to import, by the state the platform gives them.
    public struct StateFilter: Sendable {
        public let column: String
        public let accepted: [String]
        public let mark: SourceMark
    }

    public let scheme: Scheme
    /// The mapping file, as given.
    public let file: String
    /// The column of the dossier's number, which names its file and its errors.
    public let dossier: Rule
    public let states: StateFilter?
    /// Every other column read, in the order the application file writes them.
    public let rules: [Rule]

    /// The rule for a target, if the mapping gives one.
    public func rule(for target: Target) -> Rule? { rules.first { $0.target == target } }

    /// The rule that fills a field of the application, found from the field path the
    /// application decoder reports (`facts.projet.depense_eligible_ht`, `applicant.siret`).
    func rule(forApplicationPath path: String) -> Rule? {
        let facts = "facts."
        if path.hasPrefix(facts) {
            let rest = path.dropFirst(facts.count)
            return rules.first { rule in
                guard case .fact(let index) = rule.target else { return false }
                let id = scheme.inputs[index].id
                return rest == id || rest.hasPrefix(id + ".")
            }
        }
        let fields: [(String, Target)] = [("id", .id), ("filed", .filed), ("applicant.name", .applicantName),
                                          ("applicant.kind", .applicantKind), ("applicant.siret", .applicantSiret),
                                          ("applicant.address", .applicantAddress), ("subject", .subject)]
        return fields.first { $0.0 == path }.flatMap { rule(for: $0.1) }
    }
}
