extension DecimalNumber: Equatable, Hashable, Comparable {
    /// Value equality: `1 == 1.0 == 1.00`.
    public static func == (lhs: DecimalNumber, rhs: DecimalNumber) -> Bool {
        if lhs.scale == rhs.scale { return lhs.significand == rhs.significand }
        return compare(lhs, rhs) == 0
    }

    /// Value ordering across scales, exact even where aligning scales would overflow.
    public static func < (lhs: DecimalNumber, rhs: DecimalNumber) -> Bool {
        if lhs.scale == rhs.scale { return lhs.significand < rhs.significand }
        return compare(lhs, rhs) < 0
    }

    /// Hashes the normalized form so that equal values at different scales collide, as `==` requires.
    public func hash(into hasher: inout Hasher) {
        let canonical = normalized
        hasher.combine(canonical.significand)
        hasher.combine(canonical.scale)
    }

    /// Three-way comparison: negative, zero or positive as `lhs` is below, equal to or above `rhs`.
    static func compare(_ lhs: DecimalNumber, _ rhs: DecimalNumber) -> Int {
        let lhsSign = lhs.significand.signum(), rhsSign = rhs.significand.signum()
        if lhsSign != rhsSign { return lhsSign < rhsSign ? -1 : 1 }
        if let (left, right) = alignedIfFits(lhs, rhs) {
            return left == right ? 0 : (left < right ? -1 : 1)
        }
        return compareByParts(lhs, rhs)
    }

    /// Both significands at the larger scale, or nil when scaling one up would overflow.
    static func alignedIfFits(_ lhs: DecimalNumber, _ rhs: DecimalNumber) -> (Int128, Int128)? {
        if lhs.scale == rhs.scale { return (lhs.significand, rhs.significand) }
        if lhs.scale < rhs.scale {
            guard let left = scaledUp(lhs.significand, by: rhs.scale - lhs.scale) else { return nil }
            return (left, rhs.significand)
        }
        guard let right = scaledUp(rhs.significand, by: lhs.scale - rhs.scale) else { return nil }
        return (lhs.significand, right)
    }

    /// `significand × 10^digits`, or nil on overflow (or on landing on the excluded `Int128.min`).
    @inline(__always)
    static func scaledUp(_ significand: Int128, by digits: Int) -> Int128? {
        let (product, overflow) = significand.multipliedReportingOverflow(by: PowersOfTen.signed(digits))
        return overflow || product == .min ? nil : product
    }

    /// Slow path for operands of the same sign whose aligned significands overflow:
    /// integer parts decide unless equal, then fractions (each below 10^30, so they align safely).
    /// Truncation toward zero keeps the parts ordered for negative values too, because
    /// integer part and fraction then share the value's sign.
    private static func compareByParts(_ lhs: DecimalNumber, _ rhs: DecimalNumber) -> Int {
        let (lhsWhole, lhsFraction) = lhs.significand.quotientAndRemainder(dividingBy: PowersOfTen.signed(lhs.scale))
        let (rhsWhole, rhsFraction) = rhs.significand.quotientAndRemainder(dividingBy: PowersOfTen.signed(rhs.scale))
        if lhsWhole != rhsWhole { return lhsWhole < rhsWhole ? -1 : 1 }
        let commonScale = max(lhs.scale, rhs.scale)
        let left = lhsFraction * PowersOfTen.signed(commonScale - lhs.scale)
        let right = rhsFraction * PowersOfTen.signed(commonScale - rhs.scale)
        return left == right ? 0 : (left < right ? -1 : 1)
    }
}
