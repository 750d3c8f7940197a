import Batch
import Evaluator
import ExactDecimal
import RuleSet
import SchemeLanguage
import TestSupport
import Testing
import YAMLReader

/// A grant of 30 000 € never becomes 30 € because an expense was written `60.000 €` or `60,000 €`.
@Suite struct AmountFormTests {
    let catalog = SchemeCatalog.load(directory: Repository.path("Rules"))

    /// The expense written bare, as a person types it in a file (`PDESIFixture.application` quotes it).
    func application(expense: String) -> String {
        PDESIFixture.expense(expense, id: "PDESI-T", filed: "2020-10-15", kind: nil)
    }

    func entry(expense: String) throws -> BatchEntry {
        let document = try YAMLDocumentReader.singleDocument(text: application(expense: expense), file: "dossier.yaml")
        return try #require(BatchRunner(catalog: catalog, referenceDate: DecisionDay.samples, output: nil).process(document).first)
    }

    @Test(arguments: ["60.000 €", "60 000 €", "\"60\u{00A0}000 €\"", "\"60\u{202F}000 €\"", "60 000,00 €", "60.000,00 €"])
    func sixtyThousandEurosOfExpenseGiveThirtyThousand(expense: String) throws {
        let entry = try entry(expense: expense)
        #expect(entry.outcome == .favorable)
        #expect(entry.amount == DecimalNumber(30000), "\(expense): \(entry.diagnostics)")
    }

    @Test func anAmbiguousExpenseIsALocatedErrorNotThirtyEuros() throws {
        let entry = try entry(expense: "60,000 €")
        #expect(entry.amount == nil)
        let error = try #require(entry.diagnostics.first)
        #expect(error.message.hasPrefix("le montant « 60,000 € » est ambigu (60 000 € ou 60 € ?)"), "\(error.message)")
        #expect(error.mark.file == "dossier.yaml")
        #expect(error.mark.line == 13)
        #expect(error.path == "facts.projet.depense_eligible_ht")
    }
}
