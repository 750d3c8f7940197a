import ExactDecimal
import Platform
import YAMLReader

/// Checks an application's financing plan: resources balance the expenses, each declared share
/// holds, and a public maître d'ouvrage funds at least 20 % of the public funding of its project
/// (code général des collectivités territoriales, article L. 1111-10, III).
public enum ApplicationPlanChecker {
    /// The minimal participation of a public maître d'ouvrage, in the public funding of its project.
    public static let minimalParticipation = DecimalNumber(significand: 20, scale: 2)

    /// The plan's findings: balance, declared shares, then the minimal participation.
    public static func check(_ plan: ApplicationPlan) -> [PlanFinding] {
        guard let expenses = total(plan), let resources = Sum.of(plan.resources.map(\.amount)) else {
            return [PlanFinding(.error, "les montants dépassent ce que Guichet sait compter exactement", at: plan.mark)]
        }
        var findings: [PlanFinding] = []
        if let gap = Sum.gap(expenses, resources) {
            findings.append(PlanFinding(.error, "les ressources, \(resources.euros), ne sont pas égales aux dépenses \(plan.basis.rawValue), \(expenses.euros) "
                                        + "(écart \(gap.euros)) : le plan de financement doit être équilibré", at: plan.resourcesMark, path: "resources"))
        }
        for share in plan.checks { findings += check(share, of: expenses, in: plan) }
        if plan.ownerIsPublic { findings += minimalParticipation(plan) }
        return findings
    }

    /// The expenses on the plan's basis.
    static func total(_ plan: ApplicationPlan) -> DecimalNumber? {
        Sum.of(plan.expenses.compactMap { plan.basis == .ht ? $0.ht : $0.ttc })
    }

    static func sum(_ plan: ApplicationPlan, where include: (ApplicationPlan.FunderKind) -> Bool) -> DecimalNumber? {
        Sum.of(plan.resources.filter { include($0.kind) }.map(\.amount))
    }

    private static func check(_ share: ApplicationPlan.Share, of expenses: DecimalNumber, in plan: ApplicationPlan) -> [PlanFinding] {
        guard let amount = sum(plan, where: { $0 == share.kind }), let limit = try? expenses.multiplied(by: share.rate) else { return [] }
        let kept = share.atMost ? !(limit < amount) : !(amount < limit)
        guard !kept, let gap = Sum.gap(amount, limit) else { return [] }
        let relation = share.atMost ? "au-dessus de" : "au-dessous de"
        return [PlanFinding(.error, "\(share.kind.label) : \(amount.euros), \(relation) \(RuleCheck.percent(share.rate)) des dépenses \(plan.basis.rawValue), "
                            + "soit \(limit.euros) (écart \(gap.euros)) ; règle « \(share.label) »", at: share.mark, path: "checks[\(share.index)]")]
    }

    /// Article L. 1111-10, III: at least 20 % of the funding brought by public persons, the
    /// maître d'ouvrage's own included; a derogation the applicant invokes is left to a person.
    static func minimalParticipation(_ plan: ApplicationPlan) -> [PlanFinding] {
        guard let own = sum(plan, where: { $0 == .fondsPropres }),
              let publicFunding = sum(plan, where: { $0.isOtherPublicFunder || $0 == .fondsPropres }), !publicFunding.isZero,
              let floor = try? publicFunding.multiplied(by: minimalParticipation) else { return [] }
        guard own < floor, let gap = Sum.gap(floor, own) else { return [] }
        let ratio = (try? own.multipliedByHundred().divided(by: publicFunding, scale: 1, rounding: .down)) ?? .zero
        let message = "participation du maître d'ouvrage public \(plan.owner) : \(own.euros), soit \(ratio.frenchFormatted(minimumFractionDigits: 1)) % "
            + "des financements apportés par des personnes publiques (\(publicFunding.euros)) ; l'article L. 1111-10 du code général des "
            + "collectivités territoriales en demande au moins 20 %, soit \(floor.euros) (il manque \(gap.euros))"
        guard let derogation = plan.derogation else {
            return [PlanFinding(.error, message, at: plan.resourcesMark, path: "resources")]
        }
        return [PlanFinding(.warning, message + " ; dérogation invoquée (« \(derogation) ») : à vérifier par l'instructeur", at: plan.derogationMark ?? plan.resourcesMark, path: "derogation")]
    }
}
