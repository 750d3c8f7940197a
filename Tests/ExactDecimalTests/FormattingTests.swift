import ExactDecimal
import Platform
import Testing

@Suite struct FormattingTests {
    @Test func frenchExamples() throws {
        #expect(DecimalNumber(40000).frenchFormatted(minimumFractionDigits: 2) == "40\u{202F}000,00")
        #expect((try dec("0.5")).frenchFormatted() == "0,5")
        #expect((try dec("-1234.5")).frenchFormatted(minimumFractionDigits: 2) == "-1\u{202F}234,50")
        #expect(DecimalNumber(1_234_567).frenchFormatted() == "1\u{202F}234\u{202F}567")
        #expect(DecimalNumber(999).frenchFormatted() == "999")
        #expect(DecimalNumber(-100_000).frenchFormatted() == "-100\u{202F}000")
        #expect((try dec("0.125")).frenchFormatted(minimumFractionDigits: 2) == "0,125")
        #expect((try dec("12.30")).frenchFormatted() == "12,3")
        #expect(DecimalNumber.zero.frenchFormatted(minimumFractionDigits: 2) == "0,00")
        #expect(DecimalNumber(5).frenchFormatted(minimumFractionDigits: -3) == "5")
    }

    @Test func canonicalDescription() throws {
        #expect((try dec("40 000,00")).description == "40000")
        #expect((try dec("0,50")).description == "0.5")
        #expect((try dec("-12.34")).description == "-12.34")
        #expect(DecimalNumber(significand: 0, scale: 7).description == "0")
        #expect(DecimalNumber(significand: -5, scale: 3).description == "-0.005")
        #expect(DecimalNumber(significand: Int128.max, scale: 0).description == "170141183460469231731687303715884105727")
        #expect(DecimalNumber(significand: -Int128.max, scale: 30).description == "-170141183.460469231731687303715884105727")
    }

    @Test func frenchOutputParsesBack() throws {
        let value = try dec("-9876543.21")
        #expect(DecimalNumber(parsing: value.frenchFormatted(minimumFractionDigits: 2)) == value)
    }
}

@Suite struct UnambiguousDescriptionTests {
    @Test func aDotBeforeThreeDigitsGetsAZeroSoThatFrenchReadingAgrees() throws {
        #expect(try dec("123.456").unambiguousDescription == "123.4560")
        #expect(try dec("-1.5").unambiguousDescription == "-1.5")
        #expect(try dec("-12.125").unambiguousDescription == "-12.1250")
        #expect(try dec("0.125").unambiguousDescription == "0.125")
        #expect(try dec("1234.567").unambiguousDescription == "1234.567")
        var generator = SplitMix64(seed: 0x0FA1_2020)
        for _ in 0..<2_000 {
            let value = DecimalNumber(significand: generator.significand(maxDigits: 9), scale: Int(generator.next(below: 6)))
            #expect(DecimalNumber(parsing: value.unambiguousDescription) == value, "\(value)")
        }
    }
}
