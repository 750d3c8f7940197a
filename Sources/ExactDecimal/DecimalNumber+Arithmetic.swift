extension DecimalNumber {
    /// The exact sum, at the larger of the two scales (not normalized, which keeps addition cheap).
    ///
    /// - Throws: `.overflow` when the aligned operands or the sum do not fit.
    public func adding(_ other: DecimalNumber) throws(DecimalError) -> DecimalNumber {
        guard let (left, right) = Self.alignedIfFits(self, other) else { throw .overflow }
        let (sum, overflow) = left.addingReportingOverflow(right)
        guard !overflow, sum != .min else { throw .overflow }
        return DecimalNumber(uncheckedSignificand: sum, scale: max(scale, other.scale))
    }

    /// The exact difference, at the larger of the two scales.
    ///
    /// - Throws: `.overflow` when the aligned operands or the difference do not fit.
    public func subtracting(_ other: DecimalNumber) throws(DecimalError) -> DecimalNumber {
        try adding(other.negated())
    }

    /// The exact product, normalized (trailing fractional zeros stripped).
    ///
    /// When the exact product needs more than `maxScale` fractional digits, it is rounded
    /// half-even to `maxScale`; this is the only inexact case and concerns only digits
    /// below 10^-30.
    ///
    /// - Throws: `.overflow` when the (normalized, possibly rounded) product does not fit.
    public func multiplied(by other: DecimalNumber) throws(DecimalError) -> DecimalNumber {
        let productScale = scale + other.scale
        let (product, overflow) = significand.multipliedReportingOverflow(by: other.significand)
        if !overflow, product != .min, productScale <= Self.maxScale {
            return DecimalNumber(uncheckedSignificand: product, scale: productScale).normalized
        }
        return try Self.wideProduct(self, other, scale: productScale)
    }

    /// Slow path of `multiplied(by:)`: works on the full 256-bit product so that results
    /// which only fit after rounding or dropping trailing zeros are still found.
    private static func wideProduct(
        _ lhs: DecimalNumber, _ rhs: DecimalNumber, scale productScale: Int
    ) throws(DecimalError) -> DecimalNumber {
        let negative = (lhs.significand < 0) != (rhs.significand < 0)
        var magnitude = WideMagnitude(product: lhs.significand.magnitude, rhs.significand.magnitude)
        var scale = productScale
        if scale > maxScale {
            // At most 30 digits to drop (two scales of at most 30 each), within the table.
            let (quotient, remainder) = magnitude.dividedByPowerOfTen(scale - maxScale)
            let odd = quotient.low & 1 == 1
            let bump = RoundingRule.halfEven.incrementsMagnitude(remainder: remainder, truncatedIsOdd: odd, negative: negative)
            magnitude = bump ? quotient.incremented() : quotient
            scale = maxScale
        }
        // Trailing zeros may be what keeps the product from fitting an Int128.
        while magnitude.narrowed == nil, scale > 0 {
            let (quotient, remainder) = magnitude.quotientAndRemainder(dividingBy: 10)
            guard remainder == 0 else { break }
            magnitude = quotient
            scale -= 1
        }
        guard let narrow = magnitude.narrowed else { throw .overflow }
        let significand = try Int128(magnitude: narrow, negative: negative)
        return DecimalNumber(uncheckedSignificand: significand, scale: scale).normalized
    }
}

extension DecimalNumber {
    /// × 100, as a proportion becomes a percentage. Only the decimal point moves when the scale
    /// allows it, so this fails only for a percentage beyond 38 digits.
    public func multipliedByHundred() throws(DecimalError) -> DecimalNumber {
        if scale >= 2 { return DecimalNumber(uncheckedSignificand: significand, scale: scale - 2) }
        return try multiplied(by: DecimalNumber(100))
    }
}
