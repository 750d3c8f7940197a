extension DecimalNumber {
    /// The quotient rounded to `scale` fractional digits under `rounding`.
    ///
    /// Division is not exact in general, so the caller states the precision and the rule.
    /// The rounding decision is taken on the exact quotient (no intermediate rounding).
    ///
    /// - Precondition: `scale` is in `0...maxScale`.
    /// - Throws: `.divisionByZero` when `other` is zero, `.overflow` when the result does not fit.
    public func divided(
        by other: DecimalNumber, scale resultScale: Int, rounding rule: RoundingRule
    ) throws(DecimalError) -> DecimalNumber {
        precondition((0...Self.maxScale).contains(resultScale), "division scale \(resultScale) out of 0...\(Self.maxScale)")
        guard !other.isZero else { throw .divisionByZero }
        let negative = isNegative != other.isNegative
        let dividend = significand.magnitude, divisor = other.significand.magnitude
        // value = (a / b) × 10^(resultScale - scale + other.scale) in units of the result.
        let shift = resultScale - scale + other.scale
        let (truncated, remainder) = shift >= 0
            ? try Self.divide(dividend, timesPowerOfTen: shift, by: divisor)
            : Self.divide(dividend, by: divisor, timesPowerOfTen: -shift)
        let (magnitude, overflow) = rule.round(truncated, remainder: remainder, negative: negative)
        guard !overflow else { throw .overflow }
        let result = try Int128(magnitude: magnitude, negative: negative)
        return DecimalNumber(uncheckedSignificand: result, scale: resultScale)
    }

    /// `dividend × 10^digits / divisor`, digits up to 60, by long division in base 10^38
    /// so the widened dividend never has to be materialized.
    private static func divide(
        _ dividend: UInt128, timesPowerOfTen digits: Int, by divisor: UInt128
    ) throws(DecimalError) -> (UInt128, RemainderPosition) {
        var (quotient, remainder) = dividend.quotientAndRemainder(dividingBy: divisor)
        var remaining = digits
        while remaining > 0 {
            let step = min(remaining, PowersOfTen.maxExponent)
            let power = PowersOfTen.unsigned(step)
            // remainder < divisor, so the high word of remainder × power is below divisor too.
            let (partQuotient, partRemainder) = divisor.dividingFullWidth(remainder.multipliedFullWidth(by: power))
            let (shifted, shiftOverflow) = quotient.multipliedReportingOverflow(by: power)
            let (sum, sumOverflow) = shifted.addingReportingOverflow(partQuotient)
            guard !shiftOverflow, !sumOverflow else { throw .overflow }
            quotient = sum
            remainder = partRemainder
            remaining -= step
        }
        return (quotient, RemainderPosition(remainder: remainder, divisor: divisor))
    }

    /// `dividend / (divisor × 10^digits)`, digits in 1...30.
    private static func divide(
        _ dividend: UInt128, by divisor: UInt128, timesPowerOfTen digits: Int
    ) -> (UInt128, RemainderPosition) {
        let (widened, overflow) = divisor.multipliedReportingOverflow(by: PowersOfTen.unsigned(digits))
        // A divisor beyond UInt128 exceeds twice any dividend magnitude: quotient 0, below half.
        guard !overflow else { return (0, dividend == 0 ? .zero : .belowHalf) }
        let (quotient, remainder) = dividend.quotientAndRemainder(dividingBy: widened)
        return (quotient, RemainderPosition(remainder: remainder, divisor: widened))
    }
}
