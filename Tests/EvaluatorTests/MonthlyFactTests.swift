import Batch
import Decisions
import Evaluator
import ExactDecimal
import Foundation
import RuleSet
import SchemeLanguage
import TestSupport
import Testing
import YAMLReader

/// A per-month fact given for some months only: the other months are asked, never taken as 0 €,
/// unless the input declares a `default:`; a month outside the schedule is an error on that month.
@Suite struct MonthlyFactTests {
    let catalog = SchemeCatalog.load(directory: Repository.path("Rules"))
    let housing = HousingFixture()

    func entries(_ text: String) throws -> [BatchEntry] {
        let stream = YAMLDocumentReader(text: text, file: "dossiers.yaml")
        let runner = BatchRunner(catalog: catalog, referenceDate: DecisionDay.samples, output: nil)
        var entries: [BatchEntry] = []
        while let document = try stream.nextDocument() { entries += runner.process(document) }
        return entries
    }

    func evaluation(_ text: String) throws -> Evaluation {
        guard case .decided(let evaluation) = try housing.evaluate(text).first?.result else { throw Failure("not decided") }
        return evaluation
    }

    var apl: Int { catalog.schemes["fonds-solvabilisation"]!.inputs.firstIndex { $0.id == "logement.apl" }! }

    @Test func anAPLGivenForOneMonthOfSixAsksForTheFiveOthers() throws {
        let evaluation = try evaluation(housing.solvency(months: 6, apl: "{2020-11: 270 €}"))
        #expect(evaluation.outcome == .incomplete)
        #expect(evaluation.amount?.final == nil, "not 2 730 €")
        let months = ["2020-12-01", "2021-01-01", "2021-02-01", "2021-03-01", "2021-04-01"].compactMap { LocalDate(iso: $0) }
        #expect(evaluation.missing == [.months(apl, months)])
        let row = try #require(DecisionRecord(evaluation).missing.first)
        #expect(row.id == "logement.apl")
        #expect(row.text.hasSuffix("Mois à renseigner : décembre 2020, janvier 2021, février 2021, mars 2021 et avril 2021."))
        #expect(row.months == ["2020-12", "2021-01", "2021-02", "2021-03", "2021-04"])
        let json = JSONDecision.render(DecisionRecord(evaluation)).filter { !$0.isWhitespace }
        #expect(json.contains("\"help\":null,\"months\":[\"2020-12\",\"2021-01\",\"2021-02\",\"2021-03\",\"2021-04\"]"))
    }

    @Test func anAPLLeftUnsaidIsAskedNotTakenAsZero() throws {
        let text = housing.solvency(months: 2).replacingOccurrences(of: ", apl: 270 €", with: "")
        let evaluation = try evaluation(text)
        #expect(evaluation.outcome == .incomplete)
        #expect(evaluation.missing == [.fact(apl)])
    }

    @Test func anExplicitDefaultCoversTheMonthsLeftOut() throws {
        // besoins.equipement declares `default: 0 €`: equipment bought in November only.
        let text = housing.solvency(months: 2, extra: "  besoins: {equipement: {2020-11: 100 €}}")
            .replacingOccurrences(of: "pieces: [piece-identite, quittance, attestation-caf]",
                                  with: "pieces: [piece-identite, quittance, attestation-caf, justificatifs-depenses]")
        let evaluation = try evaluation(text)
        #expect(evaluation.outcome == .favorable)
        #expect(evaluation.schedule?.months.map(\.paid) == [DecimalNumber(330), DecimalNumber(230)])
    }

    @Test func aMonthOutsideTheScheduleIsAnErrorOnThatMonthAndTheBatchGoesOn() throws {
        let typo = housing.solvency(months: 6, apl: "{2020-11: 270 €, 2020-12: 270 €, 2021-01: 270 €, 2021-02: 270 €, 2021-03: 270 €, 2031-04: 270 €}")
        let good = housing.solvency(months: 6).replacingOccurrences(of: "id: T-1", with: "id: T-2")
        let entries = try entries(typo + "\n---\n" + good)
        #expect(entries.count == 2)
        let error = try #require(entries.first { $0.id == "T-1" }?.diagnostics.first)
        #expect(error.message.hasPrefix("le mois 2031-04 donné pour « logement.apl » est en dehors de l'échéancier demandé (de 2020-11 à 2021-04)"), "\(error.message)")
        #expect(error.path == "facts.logement.apl.2031-04")
        #expect(error.mark.file == "dossiers.yaml")
        #expect(error.mark.line == 9)
        let column = try #require(typo.split(separator: "\n")[8].range(of: "2031-04")).lowerBound.utf16Offset(in: typo.split(separator: "\n")[8])
        #expect(error.mark.column == column + 1)
        #expect(entries.first { $0.id == "T-2" }?.amount == DecimalNumber(1380))
    }

    @Test func aMonthBeforeTheFirstIsAnErrorToo() throws {
        let text = housing.solvency(months: 2, apl: "{2020-10: 270 €, 2020-11: 270 €, 2020-12: 270 €}")
        let error = try #require(try entries(text).first?.diagnostics.first)
        #expect(error.message.hasPrefix("le mois 2020-10 donné pour « logement.apl » est en dehors de l'échéancier demandé (de 2020-11 à 2020-12)"))
    }
}
