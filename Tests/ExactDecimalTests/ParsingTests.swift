import ExactDecimal
import Platform
import Testing

@Suite struct ParsingTests {
    @Test(arguments: [
        ("40 000", "40000", 0),
        ("40 000,00", "40000", 2),
        ("40\u{202F}000", "40000", 0),
        ("40\u{00A0}000,5", "40000.5", 1),
        ("1 150", "1150", 0),
        ("1 234 567.89", "1234567.89", 2),
        ("-0,5", "-0.5", 1),
        ("+3", "3", 0),
        ("0.1", "0.1", 1),
        ("1234.56", "1234.56", 2),
        ("79999.99", "79999.99", 2),
        ("007", "7", 0),
        ("-0", "0", 0),
        ("0.000", "0", 3),
    ])
    func acceptsPlainDecimals(text: String, canonical: String, scale: Int) throws {
        let value = try #require(DecimalNumber(parsing: text))
        #expect(value.description == canonical)
        #expect(value.scale == scale)
    }

    @Test(arguments: [
        "", " ", "-", "abc", "1e5", "--1", "1 23", "1234 567", "12 345 67", "12,3,4", "1,234.5",
        "1.", ".5", "-.5", " 1", "1 ", "40 000 €", "1 000\u{202F}000", "1 000,000 1", "١٢", "0x10", "1_000",
    ])
    func rejectsEverythingElse(text: String) {
        #expect(DecimalNumber(parsing: text) == nil, "accepted \(text.debugDescription)")
    }

    @Test func significantDigitLimit() throws {
        let thirtyEight = String(repeating: "9", count: 38)
        #expect(DecimalNumber(parsing: thirtyEight)?.description == thirtyEight)
        #expect(DecimalNumber(parsing: thirtyEight + "9") == nil)
        #expect(DecimalNumber(parsing: String(repeating: "7", count: 60)) == nil)
        // Leading zeros are not significant.
        #expect(DecimalNumber(parsing: "0000" + thirtyEight) != nil)
    }

    @Test func fractionDigitLimit() throws {
        let smallest = "0." + String(repeating: "0", count: 29) + "1"
        #expect(DecimalNumber(parsing: smallest) == DecimalNumber(significand: 1, scale: 30))
        #expect(DecimalNumber(parsing: "0." + String(repeating: "0", count: 30) + "1") == nil)
        // Trailing zeros past the limit change nothing, so they are accepted.
        let padded = try #require(DecimalNumber(parsing: "1." + String(repeating: "0", count: 50)))
        #expect(padded == .one)
        #expect(padded.scale == 30)
    }

    @Test func parsesSubstrings() {
        let line = "montant: 1 500,25"
        #expect(DecimalNumber(parsing: line.dropFirst(9))?.description == "1500.25")
    }

    @Test func descriptionRoundTrips() throws {
        for text in ["0", "-0.001", "123456789012345678901234567.89", "0.000000000000000000000000000001"] {
            let value = try dec(text)
            #expect(DecimalNumber(parsing: value.description) == value)
            #expect(value.description == text)
        }
    }
}

/// Thousands written with `.` or `,`: a French file means `60.000` as sixty thousand, and
/// `60,000` could be sixty or sixty thousand, so it is refused with its readings, never guessed.
@Suite struct ThousandsSeparatorTests {
    @Test(arguments: [
        ("60.000", "60000"),
        ("60 000", "60000"),
        ("60\u{00A0}000", "60000"),
        ("60\u{202F}000", "60000"),
        ("60 000,00", "60000"),
        ("60.000,00", "60000"),
        ("1.234.567,89", "1234567.89"),
        ("1.234.567", "1234567"),
        ("-1.500", "-1500"),
        ("+999.999", "999999"),
    ])
    func aDotBeforeThreeDigitsSeparatesThousands(text: String, canonical: String) throws {
        let value = try #require(DecimalNumber(parsing: text), "refused \(text.debugDescription)")
        #expect(value.description == canonical)
        #expect(DecimalNumber.reading(text) == .number(value))
    }

    @Test(arguments: [
        ("60,5", "60.5"), ("60.50", "60.5"), ("60.5", "60.5"), ("1234.567", "1234.567"), ("1234,567", "1234.567"),
        ("0,125", "0.125"), ("0.125", "0.125"), ("60,0001", "60.0001"), ("60.0001", "60.0001"), ("-0,125", "-0.125"),
        ("40 000,000", "40000"), ("40 000.125", "40000.125"), ("60.000,125", "60000.125"), ("12,34", "12.34"),
    ])
    func unambiguousDecimalsStayDecimals(text: String, canonical: String) throws {
        let value = try #require(DecimalNumber(parsing: text), "refused \(text.debugDescription)")
        #expect(value.description == canonical)
    }

    @Test func aCommaBeforeThreeDigitsIsAmbiguous() throws {
        #expect(DecimalNumber(parsing: "60,000") == nil)
        #expect(DecimalNumber.reading("60,000") == .ambiguous([try dec("60000"), try dec("60")]))
        #expect(DecimalNumber.reading("-1,500") == .ambiguous([try dec("-1500"), try dec("-1.5")]))
    }

    @Test func englishGroupingIsAmbiguous() throws {
        #expect(DecimalNumber(parsing: "1,234.56") == nil)
        #expect(DecimalNumber.reading("1,234.56") == .ambiguous([try dec("1234.56")]))
        #expect(DecimalNumber(parsing: "1,234,567") == nil)
        #expect(DecimalNumber.reading("1,234,567") == .ambiguous([try dec("1234567")]))
        #expect(DecimalNumber.reading("1,234,567.5") == .ambiguous([try dec("1234567.5")]))
    }

    @Test(arguments: ["60.", "1.234.5", "1.23.456", "1.234 567", "60.000.0000", "1,23.4", "1,234,56", "60,00,000", "60.000,", "1.234,5.6"])
    func malformedGroupsAreInvalid(text: String) {
        #expect(DecimalNumber.reading(text) == .invalid, "\(text.debugDescription) read as \(DecimalNumber.reading(text))")
    }

    @Test func canonicalTextIsReadAsProgramsWriteIt() throws {
        #expect(DecimalNumber(canonical: "123.456")?.description == "123.456")
        #expect(DecimalNumber(canonical: "-0.001")?.description == "-0.001")
        #expect(DecimalNumber(canonical: "40000") == DecimalNumber(40000))
        for text in ["", "-", "1.", ".5", "+1", "1 000", "1,5", "1.2.3", "--1", "1-"] {
            #expect(DecimalNumber(canonical: text) == nil, "accepted \(text.debugDescription)")
        }
        var generator = SplitMix64(seed: 0xCA_40_1C_A1)
        for _ in 0..<2_000 {
            let value = DecimalNumber(significand: generator.significand(maxDigits: 18), scale: Int(generator.next(below: 12)))
            #expect(DecimalNumber(canonical: value.description) == value, "\(value)")
        }
    }
}
