import ExactDecimal
import Platform
import Testing

@Suite struct PropertyTests {
    /// Values small enough that sums and products stay exact within Int128 and maxScale.
    private static func randomPair(_ generator: inout SplitMix64) -> (DecimalNumber, DecimalNumber) {
        let left = DecimalNumber(significand: generator.significand(maxDigits: 15), scale: Int(generator.next(below: 11)))
        let right = DecimalNumber(significand: generator.significand(maxDigits: 15), scale: Int(generator.next(below: 11)))
        return (left, right)
    }

    @Test func addThenSubtractIsIdentity() throws {
        var generator = SplitMix64(seed: 0x5EED_0001)
        for _ in 0..<5_000 {
            let (a, b) = Self.randomPair(&generator)
            let roundTrip = try a.adding(b).subtracting(b)
            #expect(roundTrip == a, "\(a) + \(b) - \(b) gave \(roundTrip)")
        }
    }

    @Test func productMatchesInt128Reference() throws {
        var generator = SplitMix64(seed: 0x5EED_0002)
        for _ in 0..<5_000 {
            let (a, b) = Self.randomPair(&generator)
            let reference = DecimalNumber(significand: a.significand * b.significand, scale: a.scale + b.scale)
            let product = try a.multiplied(by: b)
            #expect(product == reference, "\(a) × \(b)")
            #expect(product.scale == reference.normalized.scale && product.significand == reference.normalized.significand)
        }
    }

    @Test func orderingAgreesWithSubtraction() throws {
        var generator = SplitMix64(seed: 0x5EED_0003)
        for index in 0..<5_000 {
            var (a, b) = Self.randomPair(&generator)
            // Force some equal values at different scales.
            if index % 10 == 0, a.scale < 20 { b = DecimalNumber(significand: a.significand * 100, scale: a.scale + 2) }
            let difference = try a.subtracting(b)
            #expect((a < b) == difference.isNegative, "\(a) < \(b)")
            #expect((a == b) == difference.isZero, "\(a) == \(b)")
            #expect((b < a) == (!difference.isNegative && !difference.isZero), "\(b) < \(a)")
            if a == b { #expect(a.hashValue == b.hashValue) }
        }
    }

    @Test func divisionInvertsMultiplication() throws {
        var generator = SplitMix64(seed: 0x5EED_0004)
        for _ in 0..<2_000 {
            let (a, b) = Self.randomPair(&generator)
            guard !b.isZero else { continue }
            let product = try a.multiplied(by: b)
            #expect(try product.divided(by: b, scale: a.scale, rounding: .down) == a, "\(a) × \(b) ÷ \(b)")
        }
    }

    @Test func resultsAreDeterministic() throws {
        func digest(seed: UInt64) throws -> String {
            var generator = SplitMix64(seed: seed)
            var text = ""
            for _ in 0..<200 {
                let (a, b) = Self.randomPair(&generator)
                let quotient = b.isZero ? DecimalNumber.zero : try a.divided(by: b, scale: 4, rounding: .halfUp)
                text += try a.multiplied(by: b).description + "|" + quotient.description + ";"
            }
            return text
        }
        #expect(try digest(seed: 42) == digest(seed: 42))
    }
}
