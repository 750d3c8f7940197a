extension DecimalNumber {
    /// The value rounded to `scale` fractional digits, e.g. scale 2 for the cent.
    ///
    /// Rounding never adds digits: when `scale` is not below the current scale the value is
    /// returned unchanged (so the result's scale is `min(self.scale, scale)`); use
    /// `frenchFormatted(minimumFractionDigits:)` to display padding zeros.
    ///
    /// - Precondition: `scale` is in `0...maxScale`.
    public func rounded(scale target: Int, rule: RoundingRule) -> DecimalNumber {
        precondition((0...Self.maxScale).contains(target), "rounding scale \(target) out of 0...\(Self.maxScale)")
        guard target < scale else { return self }
        let divisor = PowersOfTen.unsigned(scale - target)
        let (truncated, dropped) = significand.magnitude.quotientAndRemainder(dividingBy: divisor)
        let position = RemainderPosition(remainder: dropped, divisor: divisor)
        // At least one digit was dropped, so the bumped magnitude stays far below Int128.max.
        let magnitude = Int128(rule.round(truncated, remainder: position, negative: isNegative).magnitude)
        return DecimalNumber(uncheckedSignificand: isNegative ? 0 - magnitude : magnitude, scale: target)
    }

    /// The multiple of `step` nearest to the value under `rule`, e.g. step 1 for the euro
    /// or 10 for tens of euros. The result carries the step's scale.
    ///
    /// Only the step's magnitude matters: a negative step behaves like its absolute value.
    ///
    /// - Throws: `.divisionByZero` for a zero step, `.overflow` when the result does not fit.
    public func rounded(toMultipleOf step: DecimalNumber, rule: RoundingRule) throws(DecimalError) -> DecimalNumber {
        let unit = step.isNegative ? step.negated() : step
        let count = try divided(by: unit, scale: 0, rounding: rule)
        let (product, overflow) = count.significand.multipliedReportingOverflow(by: unit.significand)
        guard !overflow, product != .min else { throw .overflow }
        return DecimalNumber(uncheckedSignificand: product, scale: unit.scale)
    }
}
