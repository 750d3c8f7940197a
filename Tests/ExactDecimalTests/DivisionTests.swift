import ExactDecimal
import Testing

@Suite struct DivisionTests {
    @Test func thirdsAtTheCent() throws {
        #expect(try DecimalNumber(100).divided(by: DecimalNumber(3), scale: 2, rounding: .halfUp).description == "33.33")
        #expect(try DecimalNumber(200).divided(by: DecimalNumber(3), scale: 2, rounding: .halfUp).description == "66.67")
        #expect(try DecimalNumber(200).divided(by: DecimalNumber(3), scale: 2, rounding: .down).description == "66.66")
        let third = try DecimalNumber(1).divided(by: DecimalNumber(3), scale: 2, rounding: .halfUp)
        #expect(third.significand == 33 && third.scale == 2)
    }

    @Test func negativeOperands() throws {
        #expect(try DecimalNumber(-200).divided(by: DecimalNumber(3), scale: 2, rounding: .halfUp).description == "-66.67")
        #expect(try DecimalNumber(200).divided(by: DecimalNumber(-3), scale: 2, rounding: .down).description == "-66.66")
        #expect(try DecimalNumber(-200).divided(by: DecimalNumber(-3), scale: 2, rounding: .halfUp).description == "66.67")
        #expect(try DecimalNumber(-200).divided(by: DecimalNumber(3), scale: 2, rounding: .floor).description == "-66.67")
        #expect(try DecimalNumber(-100).divided(by: DecimalNumber(3), scale: 2, rounding: .ceiling).description == "-33.33")
    }

    @Test func tiesFollowTheRule() throws {
        // 1 / 8 = 0.125 exactly: a tie at scale 2.
        let one = DecimalNumber(1), eight = DecimalNumber(8)
        #expect(try one.divided(by: eight, scale: 2, rounding: .halfUp).description == "0.13")
        #expect(try one.divided(by: eight, scale: 2, rounding: .halfEven).description == "0.12")
        #expect(try one.negated().divided(by: eight, scale: 2, rounding: .halfUp).description == "-0.13")
    }

    @Test func mixedScales() throws {
        // 12.5 / 0.25 = 50; 0.001 / 400 = 0.0000025.
        #expect(try dec("12.5").divided(by: dec("0.25"), scale: 0, rounding: .down).description == "50")
        #expect(try dec("0.001").divided(by: dec("400"), scale: 7, rounding: .down).description == "0.0000025")
        #expect(try dec("0.001").divided(by: dec("400"), scale: 6, rounding: .halfEven).description == "0.000002")
        #expect(try dec("0.001").divided(by: dec("400"), scale: 6, rounding: .up).description == "0.000003")
        #expect(try dec("7").divided(by: dec("2"), scale: 30, rounding: .down).description == "3.5")
    }

    @Test func quotientNeedingMoreThan38ExtraDigits() throws {
        // 1 ÷ 7.000…0 (scale 30) at scale 30 shifts the dividend by 60 digits.
        let seven = DecimalNumber(significand: 7 * powerOfTen(30), scale: 30)
        let seventh = try DecimalNumber(1).divided(by: seven, scale: 30, rounding: .halfUp)
        #expect(seventh.description == "0." + String(repeating: "142857", count: 5))
        let three = DecimalNumber(significand: 3 * powerOfTen(30), scale: 30)
        let twoThirds = try DecimalNumber(-2).divided(by: three, scale: 30, rounding: .halfUp)
        #expect(twoThirds.description == "-0." + String(repeating: "6", count: 29) + "7")
    }

    @Test func divisorFarLargerThanDividend() throws {
        let tiny = DecimalNumber(significand: 1, scale: 30)
        let huge = DecimalNumber(significand: Int128.max, scale: 0)
        #expect(try tiny.divided(by: huge, scale: 0, rounding: .halfUp).isZero)
        #expect(try tiny.divided(by: huge, scale: 0, rounding: .up) == .one)
        #expect(try tiny.negated().divided(by: huge, scale: 0, rounding: .floor) == DecimalNumber(-1))
    }

    @Test func divisionByZeroThrows() throws {
        #expect(throws: DecimalError.divisionByZero) { try DecimalNumber(1).divided(by: .zero, scale: 2, rounding: .halfUp) }
        #expect(throws: DecimalError.divisionByZero) {
            try DecimalNumber(1).divided(by: DecimalNumber(significand: 0, scale: 3), scale: 0, rounding: .down)
        }
    }

    @Test func quotientTooLargeThrowsOverflow() throws {
        let big = DecimalNumber(significand: Int128.max, scale: 0)
        #expect(throws: DecimalError.overflow) { try big.divided(by: dec("0.5"), scale: 0, rounding: .down) }
        #expect(throws: DecimalError.overflow) { try big.divided(by: .one, scale: 30, rounding: .down) }
    }
}
