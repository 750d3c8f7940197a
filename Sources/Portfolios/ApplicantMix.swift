import Foundation
import Platform
import SchemeLanguage

/// Who applies in a synthetic portfolio, and in what proportions: `commune=60,epci=30,association=10`.
/// Each application draws its applicant's kind by these weights, from the generator's seed.
public struct ApplicantMix: Sendable, Equatable {
    public let shares: [(category: BeneficiaryCategory, weight: Int)]
    private let total: Int

    public static func == (left: ApplicantMix, right: ApplicantMix) -> Bool {
        left.shares.map(\.category) == right.shares.map(\.category) && left.shares.map(\.weight) == right.shares.map(\.weight)
    }

    /// Reads `commune=60,epci=30`: kinds the scheme admits (its `beneficiaries`, when it
    /// declares them), each once, with a whole weight; or says in French what is wrong.
    public static func parse(_ text: String, for scheme: Scheme) -> Result<ApplicantMix, MixProblem> {
        let admitted = scheme.beneficiaries.isEmpty ? BeneficiaryCategory.allCases : scheme.beneficiaries
        let codes = admitted.map(\.rawValue).joined(separator: ", ")
        var shares: [(BeneficiaryCategory, Int)] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = item.split(separator: "=", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let weight = Int(parts[1]), weight > 0 else {
                return .failure(MixProblem("« \(item) » n'est pas de la forme genre=poids, un poids entier positif (par exemple commune=60,epci=40)"))
            }
            guard let category = BeneficiaryCategory(rawValue: parts[0]) else {
                return .failure(MixProblem("« \(parts[0]) » n'est pas un genre de bénéficiaire ; le dispositif « \(scheme.id) » admet : \(codes)"))
            }
            guard admitted.contains(category) else {
                return .failure(MixProblem("le dispositif « \(scheme.id) » n'admet pas « \(category.rawValue) » (\(category.frenchLabel)) ; il admet : \(codes)"))
            }
            guard !shares.contains(where: { $0.0 == category }) else {
                return .failure(MixProblem("« \(category.rawValue) » est donné deux fois"))
            }
            shares.append((category, weight))
        }
        return .success(ApplicantMix(shares: shares))
    }

    init(shares: [(BeneficiaryCategory, Int)]) {
        self.shares = shares.map { (category: $0.0, weight: $0.1) }
        total = shares.reduce(0) { $0 + $1.1 }
    }

    /// A kind drawn by the weights.
    func draw(_ random: inout SplitMix64) -> BeneficiaryCategory {
        var ticket = random.below(total)
        for share in shares {
            if ticket < share.weight { return share.category }
            ticket -= share.weight
        }
        return shares[shares.count - 1].category
    }

    /// « Commune n°12 », « Association n°12 »: a name no real body bears.
    static func name(_ category: BeneficiaryCategory, _ index: Int) -> String {
        let noun = switch category {
        case .commune: "Commune"
        case .epci: "Intercommunalité"
        case .association: "Association"
        case .personne: "Demandeur"
        case .entreprise: "Entreprise"
        case .etablissementPublic: "Établissement public"
        }
        return "\(noun) n°\(index)"
    }
}

/// What is wrong with a `--mix`, in French.
public struct MixProblem: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
