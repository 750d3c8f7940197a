import FinancingPlans
import YAMLReader

/// A scheme's `financing_plan`: its applications carry a financing plan (`financing_plan` in the
/// application file: expenses HT/TTC, resources by funder and kind, as `FinancingPlans` reads
/// them), and the scheme reads it through the facts the plan gives (`PlanFigure`), named
/// `plan.…`, in its criteria, steps and notices like any other fact.
public struct FinancingPlanDeclaration: Sendable {
    /// The kind of funder whose lines are the aid asked of this scheme (`departement`).
    public let funder: ApplicationPlan.FunderKind
    /// The step whose value is the aid computed, compared with the aid asked (the amount's
    /// result when absent).
    public let aidStep: String?
    public let source: String?
    public let mark: SourceMark
}

/// A fact read from an application's financing plan, never written in `facts`.
public enum PlanFigure: Sendable, Equatable {
    /// Whether the application carries a plan: the only figure known without one.
    case provided
    case ownerIsPublic
    case expensesHT
    case expensesTTC
    case expenses
    case resources
    case balanced
    /// The resources of the kind the scheme declares: the aid asked of it.
    case aidRequested
    case publicFunding
    case ownShareOfPublicFunding
    case derogationInvoked
    case kind(ApplicationPlan.FunderKind)

    /// Every figure, in the order a scheme's inputs list them.
    static let all: [PlanFigure] = [.provided, .ownerIsPublic, .expensesHT, .expensesTTC, .expenses, .resources, .balanced,
                                    .aidRequested, .publicFunding, .ownShareOfPublicFunding, .derogationInvoked]
        + ApplicationPlan.FunderKind.allCases.map(PlanFigure.kind)

    /// The fact's id: `plan.depenses_ht`, `plan.part.fonds_propres`.
    public var id: String {
        switch self {
        case .provided: "plan.fourni"
        case .ownerIsPublic: "plan.maitre_ouvrage_public"
        case .expensesHT: "plan.depenses_ht"
        case .expensesTTC: "plan.depenses_ttc"
        case .expenses: "plan.depenses"
        case .resources: "plan.ressources"
        case .balanced: "plan.equilibre"
        case .aidRequested: "plan.aide_sollicitee"
        case .publicFunding: "plan.financements_publics"
        case .ownShareOfPublicFunding: "plan.participation_maitre_ouvrage"
        case .derogationInvoked: "plan.derogation_invoquee"
        case .kind(let kind): "plan.part." + kind.rawValue.replacing("-", with: "_")
        }
    }

    public var type: ValueType {
        switch self {
        case .provided, .ownerIsPublic, .balanced, .derogationInvoked: .boolean
        case .ownShareOfPublicFunding: .rate
        default: .money
        }
    }

    /// The question a missing figure is asked with: the plan itself.
    var question: String { "Quel est le plan de financement du projet (dépenses HT et TTC, ressources par financeur) ?" }

    /// How an act states the figure.
    func statement(funder: ApplicationPlan.FunderKind) -> InputStatement {
        switch self {
        case .provided: .boolean(whenTrue: "Un plan de financement est joint.", whenFalse: "Aucun plan de financement détaillé n'est joint.")
        case .ownerIsPublic: .boolean(whenTrue: "Le maître d'ouvrage est une collectivité ou un groupement.",
                                      whenFalse: "Le maître d'ouvrage n'est ni une collectivité territoriale ni un groupement de collectivités.")
        case .expensesHT: .template("Le plan compte {value} de dépenses HT.")
        case .expensesTTC: .template("Le plan compte {value} de dépenses TTC.")
        case .expenses: .template("Les dépenses que les ressources du plan de financement doivent couvrir s'élèvent à {value}.")
        case .resources: .template("Les ressources du plan de financement s'élèvent à {value}.")
        case .balanced: .boolean(whenTrue: "Les ressources du plan égalent ses dépenses.", whenFalse: "Les ressources du plan n'égalent pas ses dépenses.")
        case .aidRequested: .template("Le plan de financement sollicite {value} du financeur « \(funder.label) ».")
        case .publicFunding: .template("Les financements apportés par des personnes publiques, maître d'ouvrage compris, s'élèvent à {value}.")
        case .ownShareOfPublicFunding: .template("Le maître d'ouvrage apporte {value} des financements publics.")
        case .derogationInvoked: .boolean(whenTrue: "Le plan de financement invoque une dérogation à la participation minimale du maître d'ouvrage.",
                                          whenFalse: "Le plan de financement n'invoque pas de dérogation à la participation minimale du maître d'ouvrage.")
        case .kind(let kind): .template("Le plan de financement compte {value} de ressources « \(kind.label) ».")
        }
    }

    /// The figure's value in a plan's figures.
    public func value(_ plan: ApplicationPlan, _ figures: PlanFigures, funder: ApplicationPlan.FunderKind) -> Value? {
        switch self {
        case .provided: .boolean(true)
        case .ownerIsPublic: .boolean(plan.ownerIsPublic)
        case .expensesHT: .money(figures.expensesHT)
        case .expensesTTC: figures.expensesTTC.map(Value.money)
        case .expenses: .money(figures.expensesOnBasis)
        case .resources: .money(figures.resources)
        case .balanced: .boolean(figures.isBalanced)
        case .aidRequested: .money(figures.amount(of: funder))
        case .publicFunding: .money(figures.publicFunding)
        case .ownShareOfPublicFunding: figures.ownShareOfPublicFunding.map(Value.rate)
        case .derogationInvoked: .boolean(plan.derogation != nil)
        case .kind(let kind): .money(figures.amount(of: kind))
        }
    }
}
