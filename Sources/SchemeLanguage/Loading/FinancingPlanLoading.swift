import FinancingPlans
import YAMLReader

/// The `financing_plan` section: the scheme's applications carry a financing plan, whose
/// figures become facts named `plan.…` (`PlanFigure`).
extension SchemeBuilder {
    func financingPlan(_ node: YAMLNode) -> FinancingPlanDeclaration? {
        guard var fields = Fields(node, path: "financing_plan", log: log) else { return nil }
        let funder = fields.required("funder", what: "la nature du financeur dont les lignes sont l'aide demandée au dispositif, comme departement").flatMap { node -> ApplicationPlan.FunderKind? in
            guard let text = log.text(node, path: "financing_plan.funder") else { return nil }
            guard let kind = ApplicationPlan.FunderKind(rawValue: text) else {
                let kinds = ApplicationPlan.FunderKind.allCases.map(\.rawValue).joined(separator: ", ")
                log.error("nature de financeur \(ScalarParsing.quoted(text)) inconnue ; les natures sont : \(kinds)", at: node.mark, path: "financing_plan.funder")
                return nil
            }
            return kind
        }
        let aidStep = fields.optional("aid_step").flatMap { log.identifier($0, path: "financing_plan.aid_step") }
        let source = sourceReference(&fields, path: "financing_plan")
        fields.rejectUnknown()
        guard let funder else { return nil }
        return FinancingPlanDeclaration(funder: funder, aidStep: aidStep, source: source, mark: node.mark)
    }

    /// The facts a declared plan gives, after the scheme's own inputs; an input of the scheme
    /// that takes one of their ids is an error.
    func planInputs(_ declaration: FinancingPlanDeclaration, after inputs: [InputDefinition]) -> [InputDefinition] {
        let taken = Set(inputs.map(\.id))
        return PlanFigure.all.compactMap { figure in
            if taken.contains(figure.id) {
                log.error("la donnée « \(figure.id) » porte le nom d'un chiffre du plan de financement (financing_plan) : renommez-la",
                          at: declaration.mark, path: "inputs.\(figure.id)")
                return nil
            }
            var input = InputDefinition(id: figure.id, type: figure.type, question: figure.question, help: nil, piece: nil, confirm: false,
                                        minimum: nil, maximum: nil, mark: declaration.mark)
            input.statement = figure.statement(funder: declaration.funder)
            input.planFigure = figure
            return input
        }
    }
}
