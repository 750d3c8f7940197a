/// An unsigned 256-bit magnitude, just enough to hold a full 128 × 128-bit product
/// and to divide it by powers of ten with correct rounding.
struct WideMagnitude: Sendable {
    var high: UInt128
    var low: UInt128

    /// The exact product of two 128-bit magnitudes.
    init(product lhs: UInt128, _ rhs: UInt128) {
        (high, low) = lhs.multipliedFullWidth(by: rhs)
    }

    init(high: UInt128, low: UInt128) {
        self.high = high
        self.low = low
    }

    var isZero: Bool { high == 0 && low == 0 }

    /// The value as a non-negative `Int128` magnitude, or nil when it exceeds `Int128.max`.
    var narrowed: UInt128? { high == 0 && low <= UInt128(Int128.max) ? low : nil }

    /// Schoolbook division by a single 128-bit "digit"; the second step is safe because
    /// the partial remainder is below the divisor, as `dividingFullWidth` requires.
    func quotientAndRemainder(dividingBy divisor: UInt128) -> (quotient: WideMagnitude, remainder: UInt128) {
        let (highQuotient, highRemainder) = high.quotientAndRemainder(dividingBy: divisor)
        let (lowQuotient, remainder) = divisor.dividingFullWidth((highRemainder, low))
        return (WideMagnitude(high: highQuotient, low: lowQuotient), remainder)
    }

    /// Divides by 10^digits (digits in 0...38) and reports where the discarded part lies
    /// relative to half a unit, for rounding.
    func dividedByPowerOfTen(_ digits: Int) -> (quotient: WideMagnitude, remainder: RemainderPosition) {
        let divisor = PowersOfTen.unsigned(digits)
        let (quotient, dropped) = quotientAndRemainder(dividingBy: divisor)
        return (quotient, RemainderPosition(remainder: dropped, divisor: divisor))
    }

    /// Adds one unit, carrying into the high half.
    func incremented() -> WideMagnitude {
        let (sum, carry) = low.addingReportingOverflow(1)
        return WideMagnitude(high: carry ? high &+ 1 : high, low: sum)
    }
}
