import ExactDecimal
import Platform

extension ApplicationPlanChecker {
    /// Whether the Département's resources in the plan are the aid the scheme computes for the
    /// application: equal (a note), more than the aid (an inconsistency), less (a warning), or
    /// no aid computed (a warning saying why). `outcome` is the evaluation's, in French.
    public static func agreement(_ plan: ApplicationPlan, computedAid: DecimalNumber?, outcome: String) -> [PlanFinding] {
        let application = plan.applicationId ?? "?"
        guard let planned = sum(plan, where: { $0 == .departement }) else { return [] }
        let place = plan.resourcesMark
        guard let computedAid else {
            return [PlanFinding(.warning, "la demande \(application) est « \(outcome) » : aucune aide n'est calculée, le plan compte \(planned.euros) du Département",
                                at: place, path: "resources")]
        }
        switch AidComparison(requested: planned, computed: computedAid) {
        case .equal:
            return [PlanFinding(.note, "l'aide calculée pour la demande \(application) (« \(outcome) »), \(computedAid.euros), est celle que le plan compte du Département",
                                at: place, path: "resources")]
        case .planAsksMore(let gap):
            return [PlanFinding(.error, "le plan compte \(planned.euros) du Département, plus que l'aide calculée pour la demande \(application) "
                                + "(« \(outcome) »), \(computedAid.euros) (écart \(gap.euros)) : le plan n'est pas financé", at: place, path: "resources")]
        case .planAsksLess(let gap):
            return [PlanFinding(.warning, "le plan compte \(planned.euros) du Département, moins que l'aide calculée pour la demande \(application) "
                                + "(« \(outcome) »), \(computedAid.euros) (écart \(gap.euros)) : à rapprocher de la demande", at: place, path: "resources")]
        }
    }
}
