import FinancingPlans
import YAMLReader

extension ApplicationDecoder {
    /// The applicant kinds that are local authorities or groupings of them: the public
    /// maîtres d'ouvrage of CGCT L. 1111-10, III.
    static let publicOwnerKinds = ["commune", "epci", "département", "departement", "région", "region", "syndicat", "groupement", "métropole"]

    /// Reads the application's `financing_plan` with FinancingPlans' reader and sets the facts it
    /// gives; without one, only `plan.fourni` is known (false). A scheme that reads no plan
    /// refuses one.
    func financingPlan(_ node: YAMLNode?, applicant: Application.Applicant, path: String, into facts: inout FactValues,
                       log: DiagnosticLog) -> ApplicationPlan? {
        guard let funder = scheme.planFunder else {
            if let node {
                log.error("le dispositif \(scheme.id) ne lit pas de plan de financement (pas de financing_plan dans ses règles) : retirez ce champ",
                          at: node.mark, path: path)
            }
            return nil
        }
        for (index, figure) in scheme.planFigures where figure == .provided { facts.values[index] = .boolean(node != nil) }
        guard let node else { return nil }
        let kind = applicant.kind?.lowercased() ?? ""
        let isPublic = Self.publicOwnerKinds.contains { kind == $0 || kind.hasPrefix($0 + " ") }
        switch ApplicationPlanLoader.load(embedded: node, path: path, owner: applicant.name, ownerIsPublic: isPublic, file: node.mark.file) {
        case .failure(let unreadable):
            for finding in unreadable.findings { log.error(finding.message, at: finding.mark, path: finding.path) }
            return nil
        case .success(let plan):
            guard let figures = PlanFigures(plan) else {
                log.error("les montants du plan de financement dépassent ce que Guichet sait compter exactement", at: node.mark, path: path)
                return nil
            }
            for (index, figure) in scheme.planFigures {
                facts.values[index] = figure.value(plan, figures, funder: funder)
                facts.marks[index] = node.mark
            }
            return plan
        }
    }
}
