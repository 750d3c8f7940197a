import Batch
import Evaluator
import ExactDecimal
import Foundation
import RuleSet
import SchemeLanguage
import TestSupport
import Testing
import YAMLReader

/// Extreme values: Int.min and Int.max, 38-digit amounts, years 1 and 9999. Each failure is a
/// located error on that one application, naming the step; the batch decides the others.
@Suite struct OverflowTests {
    static func scheme(amount: String) throws -> Scheme {
        try Load.scheme(DemoScheme.header(id: "bornes", title: "Aide d'essai") + """
            inputs:
              n: {type: integer, question: N ?, statement: "Valeur : {value}."}
              base: {type: money, question: Base ?, statement: "Valeur : {value}."}
              diviseur: {type: number, question: Diviseur ?, statement: "Valeur : {value}."}
            eligibility:
              - {id: toujours, label: Toujours, failure: Jamais., when: "true", source: delib}
            amount:
              steps:
                - {id: montant, label: Montant, value: "\(amount)", wording: Calcul}
              result: montant
              rounding: {step: 0.01 €, rule: half-up}
            """, file: "bornes.yaml")
    }

    func application(_ id: String, n: String = "1", base: String = "10 €", divisor: String = "1") -> String {
        """
        scheme: bornes
        id: \(id)
        filed: 2020-10-01
        applicant: {name: Commune de Test}
        facts: {n: \(n), base: "\(base)", diviseur: \(divisor)}
        """
    }

    /// The error of `failing`, after checking that `fine`, in the same stream after it, is decided.
    func error(amount: String, failing: String, fine: String) throws -> Diagnostic {
        let catalog = SchemeCatalog(schemes: ["bornes": try Self.scheme(amount: amount)])
        let reader = YAMLDocumentReader(text: failing + "\n---\n" + fine, file: "dossiers.yaml")
        let runner = BatchRunner(catalog: catalog, referenceDate: DecisionDay.samples, output: nil)
        var entries: [BatchEntry] = []
        while let document = try reader.nextDocument() { entries += runner.process(document) }
        #expect(entries.count == 2)
        #expect(entries.last?.outcome == .favorable, "the batch goes on: \(entries.last?.diagnostics ?? [])")
        return try #require(entries.first?.diagnostics.first, "\(amount) did not fail")
    }

    @Test func theMinimumIntegerHasNoAbsoluteValueNorOpposite() throws {
        let minimum = String(Int.min)
        for amount in ["abs(n) * 1 €", "-n * -1 €"] {
            let error = try error(amount: amount, failing: application("A", n: minimum), fine: application("B"))
            #expect(error.message.contains("à l'étape « montant » (`\(amount)`) du montant : dépassement de capacité"), "\(error.message)")
            #expect(error.message.contains("bornes.yaml:"), "the rule is located")
        }
        let evaluation = try Load.evaluate(application("C", n: String(Int.max)), scheme: try Self.scheme(amount: "abs(n) * 1 €"))
        #expect(evaluation.amount?.final == DecimalNumber(Int.max))
    }

    @Test(arguments: ["n * n * 1 €", "(n + 1) * 1 €", "(n - -1) * 1 €"])
    func integerOverflowIsAnError(amount: String) throws {
        let error = try error(amount: amount, failing: application("A", n: String(Int.max)), fine: application("B"))
        #expect(error.message.contains("dépassement de capacité"), "\(error.message)")
    }

    @Test(arguments: ["base * 2", "base + base", "base * 50 %", "base", "base / 0.5"])
    func thirtyEightDigitAmountsOverflowAsErrors(amount: String) throws {
        let huge = String(repeating: "9", count: 38) + " €"
        let error = try error(amount: amount, failing: application("A", base: huge), fine: application("B"))
        #expect(error.message.contains("dépassement de capacité"), "\(error.message)")
    }

    @Test func aDivisorThatIsZeroForOneApplicationFailsThatOneOnly() throws {
        let error = try error(amount: "base / diviseur", failing: application("A", divisor: "0"), fine: application("B"))
        #expect(error.message.contains("à l'étape « montant » (`base / diviseur`) du montant : division par zéro"), "\(error.message)")
        #expect(error.mark.file == "dossiers.yaml")
    }

    @Test func datesStopAtTheYears1And9999() throws {
        let last = try #require(LocalDate(iso: "9999-11-15"))
        #expect(last.firstOfMonth(adding: 1) == LocalDate(iso: "9999-12-01"))
        #expect(last.firstOfMonth(adding: 2) == nil)
        #expect(last.firstOfMonth(adding: .max) == nil)
        let first = try #require(LocalDate(iso: "0001-01-31"))
        #expect(first.firstOfMonth(adding: 0) == LocalDate(iso: "0001-01-01"))
        #expect(first.firstOfMonth(adding: -1) == nil)
        #expect(first.firstOfMonth(adding: .min) == nil)
        #expect(first.lastOfMonth == LocalDate(iso: "0001-01-31"))
        #expect(last.lastOfMonth == LocalDate(iso: "9999-11-30"))
    }
}

/// The housing schedule at the edges of the calendar, and a birth date after the filing date.
@Suite struct CalendarEdgeTests {
    let housing = HousingFixture()

    func entries(_ texts: [String], catalog: SchemeCatalog? = nil, decidedOn: LocalDate = DecisionDay.samples) throws -> [BatchEntry] {
        let reader = YAMLDocumentReader(text: texts.joined(separator: "\n---\n"), file: "dossiers.yaml")
        let runner = BatchRunner(catalog: catalog ?? housing.catalog, referenceDate: decidedOn, output: nil)
        var entries: [BatchEntry] = []
        while let document = try reader.nextDocument() { entries += runner.process(document) }
        return entries
    }

    var fine: String { housing.solvency(months: 6).replacingOccurrences(of: "id: T-1", with: "id: T-2") }

    @Test func aScheduleRunningPastDecember9999IsAnErrorOnItsFirstMonth() throws {
        let entries = try entries([housing.solvency(first: "9999-06-01", months: 12), fine])
        let error = try #require(entries.first?.diagnostics.first)
        #expect(error.message.hasPrefix("l'échéancier demandé (12 mois à partir de 9999-06) irait au-delà de décembre 9999"), "\(error.message)")
        #expect(error.path == "facts.demande.premier_mois")
        #expect(error.mark.line == 8)
        #expect(entries.last?.amount == DecimalNumber(1380), "the batch goes on")
    }

    /// The rules folder's schemes with the solvency fund's period of application (2020-2021) taken out:
    /// an application filed in 9999 then reaches the schedule instead of being refused first.
    static func timelessRules(in folder: TemporaryFolder) throws -> SchemeCatalog {
        // The schemes only: their test cases name the criterion taken out.
        let rules = Repository.path("Rules")
        for name in try FileManager.default.contentsOfDirectory(atPath: rules) where name.hasSuffix(".yaml") {
            var text = try String(contentsOfFile: "\(rules)/\(name)", encoding: .utf8)
            if name == "fonds-solvabilisation.yaml" {
                text = text.replacing(/\nin_force:\n(  .*\n)+/, with: "\n")
                    // Its interpretation then names a criterion that no longer exists.
                    .replacing("    applies_to: [periode-application]\n", with: "")
                #expect(!text.contains("in_force"), "the period of application is taken out")
            }
            try text.write(toFile: folder.file(name), atomically: true, encoding: .utf8)
        }
        let catalog = SchemeCatalog.load(directory: folder.path)
        #expect(catalog.failures.isEmpty, "\(catalog.failures.flatMap(\.diagnostics))")
        return catalog
    }

    /// Filed in 9999 and decided on its last day, under rules without a period of application.
    func entriesIn9999(_ texts: [String]) throws -> [BatchEntry] {
        let folder = try TemporaryFolder("timeless-rules")
        return try withExtendedLifetime(folder) {
            try entries(texts, catalog: try Self.timelessRules(in: folder), decidedOn: LocalDate(year: 9999, month: 12, day: 31)!)
        }
    }

    @Test func aScheduleFiledIn9999ThatRunsIntoYear10000IsAnErrorNotATrap() throws {
        let young = housing.solvency(birth: "9980-01-01", first: "9999-06-01", months: 12)
            .replacingOccurrences(of: "filed: 2020-10-15", with: "filed: 9999-05-15")
        let entries = try entriesIn9999([young, fine])
        #expect(entries.first?.diagnostics.first?.path == "facts.demande.premier_mois")
        #expect(entries.last?.amount == DecimalNumber(1380))
    }

    @Test func aScheduleEndingInDecember9999IsPaid() throws {
        let young = housing.solvency(birth: "9980-01-01", first: "9999-07-01", months: 6)
            .replacingOccurrences(of: "filed: 2020-10-15", with: "filed: 9999-05-15")
        let entries = try entriesIn9999([young])
        #expect(entries.first?.diagnostics == [])
        #expect(entries.first?.amount == DecimalNumber(1380))
    }

    @Test func withItsPeriodOfApplicationAnApplicationFiledIn9999IsRefusedOnThatGround() throws {
        let young = housing.solvency(birth: "9980-01-01", first: "9999-07-01", months: 6)
            .replacingOccurrences(of: "filed: 2020-10-15", with: "filed: 9999-05-15")
        guard case .decided(let evaluation) = try entries([young], decidedOn: LocalDate(year: 9999, month: 12, day: 31)!).first?.result else {
            Issue.record("not decided")
            return
        }
        #expect(evaluation.outcome == .unfavorable)
        #expect(evaluation.failedCriteria.map { evaluation.scheme.criteria[$0.index].id } == ["periode-application"])
        #expect(evaluation.schedule == nil, "a refusal pays no month")
    }

    @Test func aBirthDateAfterTheFilingDateIsAnErrorOnThatDateNotARefusal() throws {
        let entries = try entries([housing.solvency(birth: "2030-05-01", months: 6), fine])
        let error = try #require(entries.first?.diagnostics.first, "\(String(describing: entries.first?.outcome))")
        #expect(entries.first?.outcome == nil, "no refusal on age")
        #expect(error.message.hasPrefix("au critère « age » : la date indiquée (2030-05-01) est postérieure à la date à laquelle l'âge est calculé (2020-10-15)"), "\(error.message)")
        #expect(error.path == "facts.jeune.date_naissance")
        #expect(error.mark.line == 6)
        #expect(error.mark.column == 45)
        #expect(entries.last?.amount == DecimalNumber(1380))
    }

    @Test func aBirthDateInYearOneIsARefusalOnAge() throws {
        let entries = try entries([housing.solvency(birth: "0001-01-01", months: 6)])
        #expect(entries.first?.outcome == .unfavorable)
    }
}
