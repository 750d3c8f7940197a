import ExactDecimal
import Platform
import Testing

/// Parses a literal the test relies on, failing the test (not crashing) if it is rejected.
/// Canonical text first: `"2.999"` is a decimal to a program, two thousand nine hundred and
/// ninety-nine to a French reader.
func dec(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> DecimalNumber {
    try #require(DecimalNumber(canonical: text) ?? DecimalNumber(parsing: text), "could not parse \(text)", sourceLocation: sourceLocation)
}

extension SplitMix64 {
    /// A value in 0..<bound (modulo bias is irrelevant for test inputs).
    mutating func next(below bound: UInt64) -> UInt64 { next() % bound }

    /// A signed significand of up to `digits` decimal digits.
    mutating func significand(maxDigits digits: Int) -> Int128 {
        var bound: UInt64 = 1
        for _ in 0..<digits { bound *= 10 }
        let magnitude = Int128(next(below: bound))
        return next() & 1 == 0 ? magnitude : -magnitude
    }
}

/// 10^exponent, computed independently of the library's own table.
func powerOfTen(_ exponent: Int) -> Int128 {
    (0..<exponent).reduce(Int128(1)) { power, _ in power * 10 }
}
