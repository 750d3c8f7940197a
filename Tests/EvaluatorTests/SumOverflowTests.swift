import Batch
import Decisions
@testable import Evaluator
import ExactDecimal
import Foundation
import Portfolios
@testable import Register
import RuleSet
import SchemeLanguage
import Simulation
import TestSupport
import Testing

/// Sums across decisions (limits, envelopes, register totals) are checked: an overflow is an
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
        let application = try Load.application(PDESIFixture.application("A", category: "inscrit_1", expense: "60 000 €"), scheme: scheme)
        #expect(throws: EvaluationError.self) {
            try SchemeEvaluator(scheme: scheme).evaluate(application, referenceDate: application.filed, register: HugeRegister(amount: Self.huge, months: 0))
        }
        do {
            _ = try SchemeEvaluator(scheme: scheme).evaluate(application, referenceDate: application.filed, register: HugeRegister(amount: Self.huge, months: 0))
        } catch {
            #expect(error.message.contains("dépassement de capacité"), "\(error.message)")
        }
    }

    @Test func aLimitWhoseMonthsOverflowIsAnErrorNotATrap() throws {
        let housing = HousingFixture()
        let scheme = try #require(housing.catalog.schemes["fonds-solvabilisation"])
        let application = try Load.application(housing.solvency(months: 6), scheme: scheme)
        #expect(throws: EvaluationError.self) {
            try SchemeEvaluator(scheme: scheme).evaluate(application, referenceDate: application.filed, register: HugeRegister(amount: nil, months: .max))
        }
    }

    @Test func anAmountThatOverflowsTheEnvelopeDoesNotFit() {
        let almostAll = DecimalNumber(significand: Int128.max - 1, scale: 0)
        #expect(!CallSelector.fits(almostAll, after: almostAll, in: almostAll))
        #expect(CallSelector.fits(DecimalNumber(10), after: DecimalNumber(30), in: DecimalNumber(40)))
        #expect(!CallSelector.fits(DecimalNumber(11), after: DecimalNumber(30), in: DecimalNumber(40)))
    }

    @Test func registerTotalsThatOverflowAreRefused() throws {
        let scheme = try OverflowTests.scheme(amount: "base")
        let huge = String(repeating: "9", count: 36) + " €"
        let pseudonyms = Pseudonymizer(key: Array("clé d'essai des totaux".utf8))
        let entries = try (1...2).map { index in
            let text = OverflowTests().application("T-\(index)", base: huge)
            let evaluation = try Load.evaluate(text, scheme: scheme)
            return RegisterEntry(evaluation, inputHash: "h", decisionFile: nil, pseudonyms: pseudonyms, stage: StageRecord(stage: .decision))
        }
        #expect(throws: RegisterError.self) { try RegisterTotals.lines(entries) }
        #expect(try RegisterTotals.lines(Array(entries.prefix(1))).first?.hasPrefix("bornes 2020 : 1 décision, ") == true)
    }
}

/// Reports and figures built on those sums say when a value cannot be computed, never print a wrong one.
@Suite struct ReportOverflowTests {
    @Test func aSimulationThatCannotAddAnApplicationCountsItAsAnError() throws {
        let catalog = SchemeCatalog(schemes: ["bornes": try OverflowTests.scheme(amount: "base")])
        let temporary = try TemporaryFolder("sum")
        defer { withExtendedLifetime(temporary) {} }
        let folder = temporary.path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let huge = String(repeating: "9", count: 36) + " €"
        let stream = ["A", "B", "C"].map { OverflowTests().application($0, base: $0 == "C" ? "10 €" : huge) }.joined(separator: "\n---\n")
        let path = "\(folder)/portefeuille.yaml"
        try Data(stream.utf8).write(to: URL(fileURLWithPath: path))
        var problems: [Diagnostic] = []
        let summary = Simulation(catalog: catalog, reform: .none).run(paths: [path], problem: { problems.append($0) })
        #expect(summary.errors == 1)
        #expect(summary.applications == 2)
        #expect(problems.first?.message.hasPrefix("dépassement de capacité : les montants de la demande « B »") == true, "\(problems)")
        let totals = try #require(summary.schemes["bornes"])
        #expect(totals.applications == 2)
        let nines = try #require(DecimalNumber(canonical: String(repeating: "9", count: 36)))
        #expect(totals.amountBefore == (try nines.adding(DecimalNumber(10))), "A and C, not B")
        #expect(totals.difference == .zero)
    }

    @Test func aRateBeyondWhatAPercentageHoldsIsShownAsAProportion() {
        #expect(FrenchFormat.rate(DecimalNumber(significand: 5, scale: 1)) == "50\u{00A0}%")
        #expect(FrenchFormat.rate(DecimalNumber(significand: Int128.max / 10, scale: 0)).hasSuffix(" (proportion)"))
    }

    @Test func aPortfolioTooLargeToSizeIsNoSizeNotACrash() {
        #expect(PortfolioCalibration.size(for: .max, pilotSize: .max, pilotGrants: 1) == nil)
        #expect(PortfolioCalibration.size(for: 100, pilotSize: 2_000, pilotGrants: 1_000) == 200)
    }
}

private extension Int128 {
    func power(_ exponent: Int) -> Int128 { (0..<exponent).reduce(1) { result, _ in result * self } }
}
