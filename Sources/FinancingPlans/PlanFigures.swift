import ExactDecimal

/// The figures a scheme reads from an application's financing plan: totals of the expenses and
/// of the resources, the resources of each kind of funder, and the maître d'ouvrage's share of
/// the public funding, computed as `ApplicationPlanChecker` computes them, in exact decimals.
public struct PlanFigures: Sendable, Equatable {
    /// The expenses HT; TTC when every line gives it, else nil.
    public let expensesHT: DecimalNumber
    public let expensesTTC: DecimalNumber?
    /// The expenses on the plan's basis (HT or TTC), which the resources must equal.
    public let expensesOnBasis: DecimalNumber
    public let resources: DecimalNumber
    /// The resources of each kind of funder, zero for a kind the plan does not list.
    public let byKind: [ApplicationPlan.FunderKind: DecimalNumber]
    /// The funding brought by public persons, the maître d'ouvrage's own funds included
    /// (CGCT L. 1111-10, III), and the own funds' share of it, rounded down to 0,01 %; nil when there is none.
    public let publicFunding: DecimalNumber
    public let ownShareOfPublicFunding: DecimalNumber?
    /// Whether the resources equal the expenses on the plan's basis.
    public var isBalanced: Bool { resources == expensesOnBasis }

    /// The figures of `plan`; nil when a sum exceeds what exact decimals hold.
    public init?(_ plan: ApplicationPlan) {
        guard let ht = Sum.of(plan.expenses.map(\.ht)), let onBasis = ApplicationPlanChecker.total(plan),
              let resources = Sum.of(plan.resources.map(\.amount)),
              let publicFunding = ApplicationPlanChecker.sum(plan, where: { $0.isOtherPublicFunder || $0 == .fondsPropres }) else { return nil }
        var byKind: [ApplicationPlan.FunderKind: DecimalNumber] = [:]
        for kind in ApplicationPlan.FunderKind.allCases {
            guard let sum = ApplicationPlanChecker.sum(plan, where: { $0 == kind }) else { return nil }
            byKind[kind] = sum
        }
        let ttcLines = plan.expenses.compactMap(\.ttc)
        expensesHT = ht
        expensesTTC = ttcLines.count == plan.expenses.count ? Sum.of(ttcLines) : nil
        expensesOnBasis = onBasis
        self.resources = resources
        self.byKind = byKind
        self.publicFunding = publicFunding
        let own = byKind[.fondsPropres] ?? .zero
        ownShareOfPublicFunding = publicFunding.isZero ? nil
            : try? own.divided(by: publicFunding, scale: 4, rounding: .down)
    }

    /// The resources of one kind.
    public func amount(of kind: ApplicationPlan.FunderKind) -> DecimalNumber { byKind[kind] ?? .zero }
}
