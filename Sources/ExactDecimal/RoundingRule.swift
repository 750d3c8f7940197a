/// How a value that falls between two representable results is resolved.
///
/// The raw values are the spellings used in scheme files.
public enum RoundingRule: String, Sendable, CaseIterable {
    /// To the nearest; ties away from zero ("arrondi au plus proche", the French public-finance default).
    case halfUp = "half-up"
    /// To the nearest; ties to the even neighbour (banker's rounding).
    case halfEven = "half-even"
    /// Toward zero (truncation).
    case down
    /// Away from zero.
    case up
    /// Toward negative infinity.
    case floor
    /// Toward positive infinity.
    case ceiling
}

/// Where a discarded remainder lies relative to half of the divisor.
///
/// Comparing against the half (rather than keeping the remainder itself) is all
/// every rule needs, and it stays small whatever the size of the dividend.
enum RemainderPosition: Sendable {
    case zero, belowHalf, half, aboveHalf

    /// Classifies `remainder` out of `divisor` (remainder < divisor).
    /// `2 * remainder` cannot overflow because every caller's remainder is below 2^127
    /// (it is at most a non-`Int128.min` magnitude, or below 10^38).
    init(remainder: UInt128, divisor: UInt128) {
        if remainder == 0 { self = .zero; return }
        let twice = remainder &<< 1
        if twice < divisor { self = .belowHalf } else if twice == divisor { self = .half } else { self = .aboveHalf }
    }
}

extension RoundingRule {
    /// Whether a truncated magnitude must be bumped by one unit in the last place.
    func incrementsMagnitude(remainder: RemainderPosition, truncatedIsOdd: Bool, negative: Bool) -> Bool {
        if remainder == .zero { return false }
        switch self {
        case .down: return false
        case .up: return true
        case .floor: return negative
        case .ceiling: return !negative
        case .halfUp: return remainder == .half || remainder == .aboveHalf
        case .halfEven: return remainder == .aboveHalf || (remainder == .half && truncatedIsOdd)
        }
    }

    /// Rounds a truncated magnitude given what was discarded; `overflow` is set only
    /// when the bump wraps `UInt128`, so callers still check against `Int128.max`.
    func round(
        _ truncated: UInt128, remainder: RemainderPosition, negative: Bool
    ) -> (magnitude: UInt128, overflow: Bool) {
        let bump = incrementsMagnitude(remainder: remainder, truncatedIsOdd: truncated & 1 == 1, negative: negative)
        return bump ? truncated.addingReportingOverflow(1) : (truncated, false)
    }
}
