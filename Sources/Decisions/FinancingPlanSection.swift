import Documents
import Evaluator
import ExactDecimal
import FinancingPlans
import SchemeLanguage

/// The financing plan an application carries, in its simulation and its fiche: the resources
/// by funder, and whether the aid the plan asks of the scheme's funder is the aid computed,
/// both amounts stated, or where they part.
enum FinancingPlanSection {
    static let title = "Plan de financement"

    /// The resources line by line, with the expenses and their total.
    static func table(_ record: DecisionRecord) -> Table? {
        guard let plan = record.application.financingPlan, let figures = PlanFigures(plan) else { return nil }
        var rows: [[Text]] = plan.resources.map { [Text($0.funder), Text($0.kind.label), Text(FrenchFormat.money($0.amount))] }
        rows.append([.strong("Total des ressources"), "", .strong(FrenchFormat.money(figures.resources))])
        rows.append([Text("Dépenses \(plan.basis.rawValue) à couvrir"), "", Text(FrenchFormat.money(figures.expensesOnBasis))])
        return Table(header: ["Financeur", "Nature", "Montant"], rows: rows, widths: [40, 24, 16])
    }

    /// The sentences under the table: the expenses HT and TTC, then the aid asked against the aid computed.
    static func paragraphs(_ record: DecisionRecord) -> [String] {
        guard let plan = record.application.financingPlan, let figures = PlanFigures(plan),
              let declaration = record.scheme.financingPlan else { return [] }
        var lines: [String] = []
        let ttc = figures.expensesTTC.map { ", \(FrenchFormat.money($0)) toutes taxes comprises" } ?? ""
        lines.append("Dépenses du projet : \(FrenchFormat.money(figures.expensesHT)) hors taxes\(ttc).")
        if !figures.isBalanced, let gap = try? figures.resources.subtracting(figures.expensesOnBasis) {
            let side = gap.isNegative ? "inférieures" : "supérieures"
            lines.append("Les ressources du plan (\(FrenchFormat.money(figures.resources))) sont \(side) à ses dépenses \(plan.basis.rawValue) (\(FrenchFormat.money(figures.expensesOnBasis))) : le plan n'est pas équilibré.")
        }
        if let declared = declaredExpense(record), figures.expensesHT < declared {
            lines.append("La dépense éligible déclarée, \(FrenchFormat.money(declared)), dépasse les dépenses hors taxes du plan : un montant toutes taxes comprises a pu être donné pour un montant hors taxes.")
        }
        if let ttc = figures.expensesTTC, !(figures.expensesHT < ttc) {
            lines.append("Les dépenses hors taxes du plan ne sont pas inférieures aux dépenses toutes taxes comprises : vérifier que des montants toutes taxes comprises n'ont pas été donnés pour des montants hors taxes.")
        }
        if let derogation = plan.derogation {
            lines.append("Le plan invoque une dérogation à la participation minimale du maître d'ouvrage : « \(derogation) ».")
        }
        lines.append(agreement(requested: figures.amount(of: declaration.funder), funder: declaration.funder, computed: record.planComparedAid))
        return lines
    }

    /// The expense the amount starts from, when it is a fact given HT (`basis: HT`): the first
    /// step, read as the scheme's first amount input exclusive of tax.
    private static func declaredExpense(_ record: DecisionRecord) -> DecimalNumber? {
        guard let index = record.scheme.inputs.firstIndex(where: { $0.exclusiveOfTax }) else { return nil }
        return record.application.facts[index]?.decimal
    }

    /// The aid computed: the step `aid_step` names, else (or when it is the result) the amount, rounded.
    static func comparedAid(_ evaluation: Evaluation) -> DecimalNumber? {
        guard let declaration = evaluation.scheme.financingPlan else { return nil }
        guard let step = declaration.aidStep, let index = evaluation.scheme.amount?.steps.firstIndex(where: { $0.id == step }),
              index != evaluation.scheme.amount?.result else { return evaluation.amount?.final }
        return evaluation.amount?.steps[index]?.decimal
    }

    /// For an act granting an aid: the aid the plan asked of the scheme's funder, when it is not
    /// the aid granted; nil when they agree or the application carries no plan.
    static func requestedInAct(_ record: DecisionRecord) -> String? {
        guard record.outcome == .favorable, let granted = record.amount, let plan = record.application.financingPlan,
              let figures = PlanFigures(plan), let declaration = record.scheme.financingPlan else { return nil }
        let requested = figures.amount(of: declaration.funder)
        switch AidComparison(requested: requested, computed: granted) {
        case .equal: return nil
        case .planAsksMore:
            return "Le plan de financement présenté sollicitait une aide de \(FrenchFormat.money(requested)) ; le montant attribué, \(FrenchFormat.money(granted)), est celui que permettent les règles du dispositif, comme il est détaillé en annexe : le plan de financement est à ajuster en conséquence."
        case .planAsksLess:
            return "Le plan de financement présenté sollicitait une aide de \(FrenchFormat.money(requested)), inférieure au montant attribué de \(FrenchFormat.money(granted))."
        }
    }

    static func agreement(requested: DecimalNumber, funder: ApplicationPlan.FunderKind, computed: DecimalNumber?) -> String {
        let asked = "L'aide sollicitée dans le plan de financement (financeur « \(funder.label) ») est de \(FrenchFormat.money(requested))"
        guard let computed else { return asked + " ; aucune aide n'est calculée pour cette demande." }
        let aid = "l'aide calculée selon les règles du dispositif, de \(FrenchFormat.money(computed))"
        switch AidComparison(requested: requested, computed: computed) {
        case .equal:
            return asked + " : c'est " + aid + "."
        case .planAsksMore(let gap):
            return asked + ", soit \(FrenchFormat.money(gap)) de plus que " + aid + " : le plan de financement n'est pas financé tel qu'il est présenté et devra être revu avec le maître d'ouvrage."
        case .planAsksLess(let gap):
            return asked + ", soit \(FrenchFormat.money(gap)) de moins que " + aid + " : l'aide est à rapprocher de la demande."
        }
    }
}
