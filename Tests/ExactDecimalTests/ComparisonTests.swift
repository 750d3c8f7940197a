import ExactDecimal
import Testing

@Suite struct ComparisonTests {
    @Test func equalityAndHashingIgnoreScale() throws {
        let values = [DecimalNumber(1), try dec("1.0"), try dec("1.00"), DecimalNumber(significand: 1_000, scale: 3)]
        #expect(Set(values).count == 1)
        #expect(values.allSatisfy { $0 == .one })
        #expect(Set([try dec("0.5"), try dec("0.50"), try dec("-0.5")]).count == 2)
        #expect(DecimalNumber(significand: 0, scale: 4) == .zero)
        #expect(try dec("1.01") != .one)
    }

    @Test func orderingAcrossScales() throws {
        #expect(try dec("0.5") < dec("0.50001"))
        #expect(!(try dec("0.50001") < dec("0.5")))
        #expect(try dec("-0.50001") < dec("-0.5"))
        #expect(try dec("-1") < dec("0.000001"))
        #expect(!(try dec("2.0") < dec("2")))
        #expect([try dec("3"), try dec("-1.5"), try dec("0.25"), try dec("2.999")].sorted().map(\.description)
            == ["-1.5", "0.25", "2.999", "3"])
    }

    @Test func orderingWhenAligningScalesWouldOverflow() throws {
        let hugeInteger = DecimalNumber(significand: powerOfTen(37) * 15, scale: 0)
        let oneAtMaxScale = DecimalNumber(significand: powerOfTen(30), scale: 30)
        #expect(oneAtMaxScale < hugeInteger)
        #expect(hugeInteger.negated() < oneAtMaxScale.negated())
        #expect(hugeInteger != oneAtMaxScale)

        // Same integer part 170141183; only the fraction decides, and aligning 0.9 overflows.
        let lowFraction = DecimalNumber(significand: 1_701_411_831 * powerOfTen(29), scale: 30)
        let highFraction = DecimalNumber(significand: 1_701_411_839, scale: 1)
        #expect(lowFraction < highFraction)
        #expect(!(highFraction < lowFraction))
        #expect(highFraction.negated() < lowFraction.negated())
        #expect(highFraction != lowFraction)
        #expect(highFraction == DecimalNumber(significand: 17_014_118_390, scale: 2))
    }
}
