/// Who may apply to a scheme, as its `beneficiaries` field declares it: what a public catalogue
/// filters on. The list is closed, so that every scheme of a folder says it with the same words
/// and a misspelt one is an error rather than a scheme no filter ever finds.
public enum BeneficiaryCategory: String, Sendable, CaseIterable, Hashable {
    case commune
    case epci
    case association
    case personne
    case entreprise
    case etablissementPublic = "etablissement-public"

    /// As a catalogue's filter names it: « Communes », « Particuliers ».
    public var frenchLabel: String {
        switch self {
        case .commune: "Communes"
        case .epci: "Intercommunalités (EPCI)"
        case .association: "Associations"
        case .personne: "Particuliers"
        case .entreprise: "Entreprises"
        case .etablissementPublic: "Établissements publics"
        }
    }

    /// As an application file writes the applicant's kind (`applicant.kind`), which chooses the
    /// routes of appeal its documents print (`Application.Applicant.beneficiaryKind`).
    public var applicantKind: String {
        switch self {
        case .commune: "commune"
        case .epci: "EPCI"
        case .association: "association"
        case .personne: "personne physique"
        case .entreprise: "entreprise"
        case .etablissementPublic: "établissement public"
        }
    }
}

/// What a scheme is about, as its `themes` field declares it: a catalogue's second filter.
/// Closed for the same reason as `BeneficiaryCategory`.
public enum SchemeTheme: String, Sendable, CaseIterable, Hashable {
    case sport
    case tourisme
    case environnement
    case logement
    case sante
    case solidarite
    case jeunesse
    case culture
    case education
    case economie
    case mobilite
    case agriculture

    /// As a catalogue's filter names it.
    public var frenchLabel: String {
        switch self {
        case .sport: "Sport"
        case .tourisme: "Tourisme"
        case .environnement: "Environnement"
        case .logement: "Logement"
        case .sante: "Santé"
        case .solidarite: "Solidarité"
        case .jeunesse: "Jeunesse"
        case .culture: "Culture"
        case .education: "Éducation"
        case .economie: "Économie et emploi"
        case .mobilite: "Mobilité"
        case .agriculture: "Agriculture"
        }
    }
}
