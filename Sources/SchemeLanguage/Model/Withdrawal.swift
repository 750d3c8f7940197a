/// Why an authority takes back a favourable decision it has made, and the article of the code
/// des relations entre le public et l'administration (CRPA) that allows it.
///
/// Wording checked on Légifrance (CRPA, livre II, titre IV, chapitre II, articles L. 242-1 to
/// L. 242-4). A favourable decision creates rights: it may be withdrawn (retroactively) or
/// abrogated (for the future) only in these cases.
public enum WithdrawalGround: String, Sendable, CaseIterable {
    /// L. 242-1: illegal, and within four months of the decision, on the authority's initiative.
    case illegality = "illegalite"
    /// L. 242-2, 2°: a subsidy whose conditions were not respected; no time limit.
    case subsidyConditionsNotMet = "conditions-non-respectees"
    /// L. 242-2, 1°: a decision whose maintenance depends on a condition no longer met; no time limit.
    case conditionNoLongerMet = "condition-plus-remplie"
    /// L. 242-3: on the beneficiary's request, illegal, within four months of the decision.
    case requestIllegality = "demande-illegalite"
    /// L. 242-4: on the beneficiary's request, to replace it by a more favourable decision.
    case requestMoreFavourable = "demande-plus-favorable"

    /// "article L. 242-2, 2°".
    public var article: String {
        switch self {
        case .subsidyConditionsNotMet: "article \(articleNumber), 2°"
        case .conditionNoLongerMet: "article \(articleNumber), 1°"
        default: "article \(articleNumber)"
        }
    }

    /// "L. 242-2": the article alone, as a series of articles in a « Vu » names it.
    public var articleNumber: String {
        switch self {
        case .illegality: "L. 242-1"
        case .subsidyConditionsNotMet, .conditionNoLongerMet: "L. 242-2"
        case .requestIllegality: "L. 242-3"
        case .requestMoreFavourable: "L. 242-4"
        }
    }

    /// Whether the beneficiary asked for it. Otherwise the authority acts on its own initiative,
    /// and its act, which withdraws or abrogates a decision creating rights and so must be
    /// reasoned (CRPA L. 211-2, 4°), comes only after the beneficiary could present
    /// observations (CRPA L. 121-1 and L. 122-1): a decision taken on a request is exempt.
    public var onBeneficiaryRequest: Bool { self == .requestIllegality || self == .requestMoreFavourable }

    /// The article's rule, quoted (Légifrance).
    public var quote: String {
        switch self {
        case .illegality:
            "L'administration ne peut abroger ou retirer une décision créatrice de droits de sa propre initiative ou sur la demande d'un tiers que si elle est illégale et si l'abrogation ou le retrait intervient dans le délai de quatre mois suivant la prise de cette décision."
        case .subsidyConditionsNotMet:
            "Par dérogation à l'article L. 242-1, l'administration peut, sans condition de délai : […] 2° Retirer une décision attribuant une subvention lorsque les conditions mises à son octroi n'ont pas été respectées."
        case .conditionNoLongerMet:
            "Par dérogation à l'article L. 242-1, l'administration peut, sans condition de délai : 1° Abroger une décision créatrice de droits dont le maintien est subordonné à une condition qui n'est plus remplie ; […]"
        case .requestIllegality:
            "Sur demande du bénéficiaire de la décision, l'administration est tenue de procéder, selon le cas, à l'abrogation ou au retrait d'une décision créatrice de droits si elle est illégale et si l'abrogation ou le retrait peut intervenir dans le délai de quatre mois suivant l'édiction de la décision."
        case .requestMoreFavourable:
            "Sur demande du bénéficiaire de la décision, l'administration peut, selon le cas et sans condition de délai, abroger ou retirer une décision créatrice de droits, même légale, si son retrait ou son abrogation n'est pas susceptible de porter atteinte aux droits des tiers et s'il s'agit de la remplacer par une décision plus favorable au bénéficiaire."
        }
    }

    /// Whether the act must come within four months of the decision it takes back.
    public var withinFourMonths: Bool { self == .illegality || self == .requestIllegality }

    /// Abrogation takes effect for the future; the other grounds withdraw retroactively.
    public var abrogates: Bool { self == .conditionNoLongerMet }

    /// Whether the new amount must be higher than the one decided (a replacement), not lower.
    public var raises: Bool { self == .requestMoreFavourable }
}
