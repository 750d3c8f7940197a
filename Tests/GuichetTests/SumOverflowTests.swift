import Batch
@testable import Evaluator
import ExactDecimal
import Foundation
import SchemeLanguage
import Testing

/// Sums across decisions (limits, envelopes) are checked: an overflow is an
/// error or means "does not fit", never a sum silently left smaller than the truth.
@Suite struct SumOverflowTests {
    struct HugeRegister: LimitReader {
        let amount: DecimalNumber?
        let months: Int

        func entries(scheme: String, limit: String, key: LimitKey, before: (filed: LocalDate, id: String)) -> [LimitEntry] {
            [LimitEntry(applicationID: "X-1", filed: before.filed, amount: amount, months: months),
             LimitEntry(applicationID: "X-2", filed: before.filed, amount: amount, months: months)]
        }
    }

    /// 38 nines: two of them exceed what a decimal holds.
    static let huge = DecimalNumber(significand: Int128(10).power(38) - 1, scale: 0)

    @Test func aLimitWhoseAmountsOverflowIsAnErrorNotASmallerSum() throws {
        let scheme = try Load.pdesi()
        let application = try Load.application(PDESITests.application("A", category: 1, expense: "60 000 €"), scheme: scheme)
        #expect(throws: EvaluationError.self) {
            try SchemeEvaluator(scheme: scheme).evaluate(application, register: HugeRegister(amount: Self.huge, months: 0))
        }
        do {
            _ = try SchemeEvaluator(scheme: scheme).evaluate(application, register: HugeRegister(amount: Self.huge, months: 0))
        } catch {
            #expect(error.message.contains("dépassement de capacité"), "\(error.message)")
        }
    }

    @Test func aLimitWhoseMonthsOverflowIsAnErrorNotATrap() throws {
        let housing = HousingTests()
        let scheme = try #require(housing.catalog.schemes["fonds-solvabilisation"])
        let application = try Load.application(housing.solvency(months: 6), scheme: scheme)
        #expect(throws: EvaluationError.self) {
            try SchemeEvaluator(scheme: scheme).evaluate(application, register: HugeRegister(amount: nil, months: .max))
        }
    }

    @Test func anAmountThatOverflowsTheEnvelopeDoesNotFit() {
        let almostAll = DecimalNumber(significand: Int128.max - 1, scale: 0)
        #expect(!CallSelector.fits(almostAll, after: almostAll, in: almostAll))
        #expect(CallSelector.fits(DecimalNumber(10), after: DecimalNumber(30), in: DecimalNumber(40)))
        #expect(!CallSelector.fits(DecimalNumber(11), after: DecimalNumber(30), in: DecimalNumber(40)))
    }
}

private extension Int128 {
    func power(_ exponent: Int) -> Int128 { (0..<exponent).reduce(1) { result, _ in result * self } }
}
