import ExactDecimal
import Testing

@Suite struct ArithmeticTests {
    @Test func tenthsAddUpExactly() throws {
        let sum = try dec("0.1").adding(dec("0.2"))
        #expect(sum == (try dec("0.3")))
        #expect(sum.description == "0.3")
        #expect(sum.significand == 3 && sum.scale == 1)
    }

    @Test func subtractionKeepsTheLargerScale() throws {
        let difference = try dec("10").subtracting(dec("0.25"))
        #expect(difference.significand == 975 && difference.scale == 2)
        #expect((try dec("1.5").subtracting(dec("2"))).description == "-0.5")
    }

    @Test func productIsExactAndNormalized() throws {
        let product = try dec("79999.99").multiplied(by: dec("0.5"))
        #expect(product.significand == 39_999_995 && product.scale == 3)
        #expect(product.description == "39999.995")
        let whole = try dec("2.50").multiplied(by: dec("4.0"))
        #expect(whole.significand == 10 && whole.scale == 0)
        #expect((try dec("-1.5").multiplied(by: dec("-3"))).description == "4.5")
        #expect((try dec("-1.5").multiplied(by: dec("3"))).description == "-4.5")
    }

    @Test func productBeyondMaxScaleRoundsHalfEven() throws {
        let tiny = DecimalNumber(significand: 5, scale: 30)
        // 5e-30 × 0.1 = 5e-31, a tie at scale 30: half-even gives 0, not 1e-30.
        #expect((try tiny.multiplied(by: dec("0.1"))).isZero)
        let fifteen = DecimalNumber(significand: 15, scale: 30)
        #expect(try fifteen.multiplied(by: dec("0.1")) == DecimalNumber(significand: 2, scale: 30))
        let above = DecimalNumber(significand: 51, scale: 30)
        #expect(try above.multiplied(by: dec("0.01")) == DecimalNumber(significand: 1, scale: 30))
    }

    @Test func wideProductThatFitsAfterDroppingZerosSucceeds() throws {
        // 10^19 at scale 19 is 1; times 10^20 the raw significand product is 10^39 (> Int128).
        let one = DecimalNumber(significand: powerOfTen(19), scale: 19)
        let big = DecimalNumber(significand: powerOfTen(20), scale: 0)
        let product = try one.multiplied(by: big)
        #expect(product == big)
        #expect(product.scale == 0)
        // 2·10^38 fits a UInt128 but not an Int128; its zeros still make it fit.
        let twice = try DecimalNumber(significand: 2 * powerOfTen(19), scale: 1)
            .multiplied(by: DecimalNumber(significand: powerOfTen(19), scale: 1))
        #expect(twice == DecimalNumber(significand: 2 * powerOfTen(36), scale: 0))
    }

    @Test func wideProductWithNonzeroLastDigitThrows() throws {
        // (3·10^19 + 1) × (4·10^19 + 3) ends in 3 and exceeds Int128: no digit may be dropped.
        let left = DecimalNumber(significand: 3 * powerOfTen(19) + 1, scale: 15)
        let right = DecimalNumber(significand: 4 * powerOfTen(19) + 3, scale: 15)
        #expect(throws: DecimalError.overflow) { try left.multiplied(by: right) }
    }

    @Test func hugeProductThrowsOverflow() throws {
        let huge = DecimalNumber(significand: Int128.max / 3, scale: 0)
        #expect(throws: DecimalError.overflow) { try huge.multiplied(by: huge) }
        #expect(throws: DecimalError.overflow) { try huge.multiplied(by: huge.negated()) }
        #expect(throws: DecimalError.overflow) { try huge.multiplied(by: DecimalNumber(10)) }
    }

    @Test func additionOverflowThrows() throws {
        let max = DecimalNumber(significand: Int128.max, scale: 0)
        #expect(throws: DecimalError.overflow) { try max.adding(.one) }
        #expect(throws: DecimalError.overflow) { try max.negated().subtracting(.one) }
        // Aligning 10^37 to scale 30 overflows even though both operands are valid.
        let tiny = DecimalNumber(significand: 1, scale: 30)
        #expect(throws: DecimalError.overflow) { try DecimalNumber(significand: powerOfTen(37), scale: 0).adding(tiny) }
    }

    @Test func negationAndSigns() throws {
        let value = try dec("-12.34")
        #expect(value.isNegative)
        #expect(value.negated().description == "12.34")
        #expect(!DecimalNumber.zero.negated().isNegative)
        #expect(DecimalNumber(significand: Int128.max, scale: 0).negated().significand == -Int128.max)
    }

    @Test func integerValue() throws {
        #expect((try dec("40 000,00")).integerValue() == 40_000)
        #expect((try dec("-7")).integerValue() == -7)
        #expect((try dec("0.5")).integerValue() == nil)
        #expect(DecimalNumber(significand: Int128.max, scale: 0).integerValue() == nil)
        #expect(DecimalNumber(42).integerValue() == 42)
    }

    @Test func normalizedStripsTrailingZeros() throws {
        let value = try dec("1.2500")
        #expect(value.scale == 4)
        #expect(value.normalized.significand == 125 && value.normalized.scale == 2)
        #expect(DecimalNumber(significand: 0, scale: 5).normalized.scale == 0)
        #expect(DecimalNumber.zero.isZero && DecimalNumber.one.integerValue() == 1)
    }
}
