import ExactDecimal
import YAMLReader

/// The financing plan of one application (« plan de financement »): the project's expenses, HT and
/// TTC, and its resources by funder with their kind, as the applicant declares them. `PlanChecks`
/// checks that they balance, the shares declared, and the participation the law requires of a
/// public maître d'ouvrage (CGCT L. 1111-10).
public struct ApplicationPlan: Sendable {
    public let file: String
    public let title: String
    /// The application it finances (its `id`) and the scheme it asks, when the plan names them.
    public let applicationId: String?
    public let schemeId: String?
    /// The maître d'ouvrage, and whether it is a local authority or a grouping of them.
    public let owner: String
    public let ownerIsPublic: Bool
    /// What the resources cover: the expenses HT (default) or TTC.
    public let basis: Basis
    public let expenses: [Expense]
    public let resources: [Resource]
    public let checks: [Share]
    /// A derogation to the minimal participation the applicant invokes, as written.
    public let derogation: String?
    public let mark: SourceMark
    /// Where the resources and the derogation are written, for the findings on them.
    public let resourcesMark: SourceMark
    public let derogationMark: SourceMark?

    public enum Basis: String, Sendable { case ht = "HT", ttc = "TTC" }

    /// Who funds, by kind: the law's rule counts the funding brought by public persons.
    public enum FunderKind: String, Sendable, CaseIterable {
        case etat, region, departement, ue, commune, epci
        case autrePublic = "autre-public"
        case fondsPropres = "fonds-propres"
        case nature, prive

        /// A public person other than the maître d'ouvrage (the EU counted among them).
        public var isOtherPublicFunder: Bool {
            switch self {
            case .etat, .region, .departement, .ue, .commune, .epci, .autrePublic: true
            case .fondsPropres, .nature, .prive: false
            }
        }

        /// The kind as findings name it, in French.
        public var label: String {
            switch self {
            case .etat: "État"
            case .region: "Région"
            case .departement: "Département"
            case .ue: "Union européenne"
            case .commune: "commune"
            case .epci: "intercommunalité"
            case .autrePublic: "autre financeur public"
            case .fondsPropres: "fonds propres du maître d'ouvrage"
            case .nature: "apports en nature"
            case .prive: "financeur privé"
            }
        }
    }

    public struct Expense: Sendable {
        public let label: String
        public let ht: DecimalNumber
        public let ttc: DecimalNumber?
        public let mark: SourceMark
        public let index: Int
    }

    public struct Resource: Sendable {
        public let funder: String
        public let kind: FunderKind
        public let amount: DecimalNumber
        public let mark: SourceMark
        public let index: Int
    }

    /// A declared share: the resources of one kind at most, or at least, a rate of the expenses.
    public struct Share: Sendable {
        public let label: String
        public let kind: FunderKind
        public let atMost: Bool
        public let rate: DecimalNumber
        public let mark: SourceMark
        public let index: Int
    }
}
