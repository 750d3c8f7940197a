/// Failures of decimal arithmetic. Operations report them instead of trapping.
public enum DecimalError: Error, Sendable, Equatable {
    /// The exact result does not fit a 128-bit significand at an allowed scale.
    case overflow
    /// The divisor (or rounding step) is zero.
    case divisionByZero
}
