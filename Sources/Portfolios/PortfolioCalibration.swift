import ExactDecimal
import SchemeLanguage
import Simulation

/// Checks a synthetic portfolio against reference figures (a year's activity report), so that a
/// simulation's totals can be trusted to speak of a real year.
public struct PortfolioCalibration: Sendable {
    /// How many favourable decisions the year had.
    public var grants: Int?
    /// The average amount of a favourable decision.
    public var average: DecimalNumber?
    /// The largest gap accepted, in percent.
    public var tolerance: Int

    public struct Check: Sendable {
        /// The figure's French name: « décisions favorables », « aide moyenne ».
        public let figure: String
        /// Whether the figure is an amount in euros, written as such.
        var isMoney = false
        /// nil when the portfolio's figure is too large to compute exactly.
        public let measured: DecimalNumber?
        public let reference: DecimalNumber
        /// (measured − reference) / reference, in percent, to one decimal.
        public let gap: DecimalNumber
        public let within: Bool

        /// « calibrage : aide moyenne de 992,01 € pour 632,00 € attendus, écart +57,0 % : HORS de
        /// la tolérance », « calibrage : 2 080 décisions favorables pour 2 122 attendues, … ».
        public var line: String {
            guard let measured else {
                return "calibrage : \(figure) trop grande pour être calculée exactement, pour \(written(reference)) attendus : HORS de la tolérance"
            }
            let compared = isMoney ? "\(figure) de \(written(measured)) pour \(written(reference)) attendus"
                : "\(written(measured)) \(figure) pour \(written(reference)) attendues"
            return "calibrage : \(compared), écart \(FrenchFormat.signedPercent(gap, minimumFractionDigits: 1)) : "
                + (within ? "dans la tolérance" : "HORS de la tolérance")
        }

        private func written(_ value: DecimalNumber) -> String {
            isMoney ? FrenchFormat.money(value) : value.frenchFormatted()
        }
    }

    public init(grants: Int? = nil, average: DecimalNumber? = nil, tolerance: Int = 5) {
        self.grants = grants
        self.average = average
        self.tolerance = tolerance
    }

    /// The portfolio size that should give `grants` favourable decisions, from a pilot's rate.
    public static func size(for grants: Int, pilotSize: Int, pilotGrants: Int) -> Int? {
        guard pilotGrants > 0 else { return nil }
        // Int(exactly:) rather than Int(): a size beyond Int.max is no size, not a crash.
        return Int(exactly: (Double(grants) * Double(pilotSize) / Double(pilotGrants)).rounded()).map { max(1, $0) }
    }

    /// What a budget is compared with: for a call, what its admissible projects ask (its
    /// envelope bounds what is granted); for an aid, what is granted.
    public static func demand(_ totals: SimulationSummary.SchemeTotals) -> DecimalNumber {
        totals.call?.before.needed ?? totals.amountBefore
    }

    /// The portfolio size whose demand should be about `budget`, from a pilot's; nil when the
    /// pilot asks nothing, or the size would be beyond counting.
    public static func size(forBudget budget: DecimalNumber, pilotSize: Int, pilotDemand: DecimalNumber) -> Int? {
        guard !pilotDemand.isZero, !pilotDemand.isNegative,
              let size = try? budget.multiplied(by: DecimalNumber(pilotSize)).divided(by: pilotDemand, scale: 0, rounding: .halfUp),
              let count = size.integerValue()
        else { return nil }
        return max(1, count)
    }

    public func checks(_ totals: SimulationSummary.SchemeTotals) -> [Check] {
        var checks: [Check] = []
        if let grants { checks.append(check("décisions favorables", measured: DecimalNumber(Self.grants(totals)), reference: DecimalNumber(grants))) }
        if let average {
            // An average that cannot be computed exactly is reported as a gap, never as 0 €.
            let measured = Self.averageGrant(totals)
            var average = measured.map { check("aide moyenne", measured: $0, reference: average) }
                ?? Check(figure: "aide moyenne", measured: nil, reference: average, gap: .zero, within: false)
            average.isMoney = true
            checks.append(average)
        }
        return checks
    }

    public static func grants(_ totals: SimulationSummary.SchemeTotals) -> Int {
        totals.outcomesBefore[.favorable] ?? 0
    }

    /// The average favourable amount today, to the cent (half up); 0 without a grant, nil when
    /// the total is too large to divide to the cent. For a call, over every admissible project,
    /// retained by its selection or not.
    public static func averageGrant(_ totals: SimulationSummary.SchemeTotals) -> DecimalNumber? {
        let count = grants(totals)
        guard count > 0 else { return .zero }
        return try? (totals.call?.before.needed ?? totals.amountBefore).divided(by: DecimalNumber(count), scale: 2, rounding: .halfUp)
    }

    private func check(_ figure: String, measured: DecimalNumber, reference: DecimalNumber) -> Check {
        guard !reference.isZero,
              let gap = try? measured.subtracting(reference).multiplied(by: DecimalNumber(100)).divided(by: reference, scale: 1, rounding: .halfUp)
        else { return Check(figure: figure, measured: measured, reference: reference, gap: .zero, within: measured == reference) }
        let size = gap.isNegative ? gap.negated() : gap
        return Check(figure: figure, measured: measured, reference: reference, gap: gap, within: size <= DecimalNumber(tolerance))
    }
}
