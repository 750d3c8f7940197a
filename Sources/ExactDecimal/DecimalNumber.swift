/// An exact decimal number: `value = significand × 10^(-scale)`.
///
/// Built for money, rates and counts in aid computations: no binary floating point,
/// no heap allocation, and every operation is deterministic. Equality, hashing and
/// ordering are by value, so `1`, `1.0` and `1.00` are the same number.
///
/// `Int128.min` is never used as a significand, so the representable range is symmetric
/// and `negated()` cannot fail; operations whose result would land on it report `.overflow`.
public struct DecimalNumber: Sendable {
    /// The unscaled integer digits of the value.
    public let significand: Int128
    /// The number of digits after the decimal point, in `0...maxScale`.
    public let scale: Int

    /// The largest scale a value may carry.
    public static let maxScale = 30

    /// Creates `significand × 10^(-scale)`.
    ///
    /// - Precondition: `scale` is in `0...maxScale` and `significand` is not `Int128.min`.
    public init(significand: Int128, scale: Int) {
        precondition((0...Self.maxScale).contains(scale), "DecimalNumber scale \(scale) out of 0...\(Self.maxScale)")
        precondition(significand != .min, "DecimalNumber significand Int128.min is not representable")
        self.significand = significand
        self.scale = scale
    }

    /// Creates an integer value.
    public init(_ value: Int) {
        self.significand = Int128(value)
        self.scale = 0
    }

    /// Skips the preconditions for results whose range the caller has already established.
    @inline(__always)
    init(uncheckedSignificand significand: Int128, scale: Int) {
        self.significand = significand
        self.scale = scale
    }

    /// Zero, at scale 0.
    public static let zero = DecimalNumber(uncheckedSignificand: 0, scale: 0)
    /// One, at scale 0.
    public static let one = DecimalNumber(uncheckedSignificand: 1, scale: 0)

    /// Whether the value is zero (at any scale).
    public var isZero: Bool { significand == 0 }

    /// Whether the value is strictly below zero.
    public var isNegative: Bool { significand < 0 }

    /// The same value with trailing fractional zeros stripped, i.e. at the smallest scale.
    public var normalized: DecimalNumber {
        if significand == 0 { return .zero }
        var digits = significand
        var scale = self.scale
        while scale > 0 {
            let (quotient, remainder) = digits.quotientAndRemainder(dividingBy: 10)
            if remainder != 0 { break }
            digits = quotient
            scale -= 1
        }
        return DecimalNumber(uncheckedSignificand: digits, scale: scale)
    }

    /// The value as an `Int` when it is a whole number that fits, otherwise nil.
    public func integerValue() -> Int? {
        let (whole, fraction) = significand.quotientAndRemainder(dividingBy: PowersOfTen.signed(scale))
        guard fraction == 0 else { return nil }
        return Int(exactly: whole)
    }

    /// The value with its sign flipped. Never fails because `Int128.min` is excluded.
    public func negated() -> DecimalNumber {
        DecimalNumber(uncheckedSignificand: 0 - significand, scale: scale)
    }
}

extension Int128 {
    /// Builds a signed value from a magnitude, reporting `.overflow` beyond `Int128.max`
    /// (which also keeps `Int128.min` out of every result).
    @inline(__always)
    init(magnitude: UInt128, negative: Bool) throws(DecimalError) {
        guard magnitude <= UInt128(Int128.max) else { throw .overflow }
        let value = Int128(magnitude)
        self = negative ? 0 - value : value
    }
}
