import FinancingPlans
import Platform
import Testing
import TestSupport

/// The financing tables of the text (`Rules/plans/`), transcribed with their lines: each is where
/// it says in the text, and the checker finds the inconsistencies the text prints.
@Suite struct TextTablesTests {
    static func table(_ name: String) throws -> FinancingTable {
        try FinancingTableLoader.load(path: Repository.path("Rules/plans/\(name).yaml")).get()
    }

    @Test(arguments: ["strategie-pauvrete-2020", "strategie-pauvrete-erbm-2020", "cdppe-2020", "tisf-enveloppes-territoriales"])
    func everyValueIsOnTheLineItCites(name: String) throws {
        let table = try Self.table(name)
        let text = try #require(try SourceText.load(for: table))
        #expect(text.transcriptionFaults(in: table).isEmpty, "\(text.transcriptionFaults(in: table))")
    }

    @Test func theTerritorialEnvelopesAddUpToOneEuroLessThanTheirPrintedTotal() throws {
        let findings = PlanChecker.check(try Self.table("tisf-enveloppes-territoriales"))
        let errors = findings.filter { $0.severity == .error }
        #expect(errors.count == 2, "\(findings)")
        let total = try #require(errors.first { $0.textLine == 16871 })
        #expect(total.plain.contains("total imprimé 1 096 000,00 €, somme des lignes 1 095 999,00 € (écart 1,00 €)"), "\(total.message)")
        #expect(total.path == "totals[0].budget")
        #expect(total.description.contains("tisf-enveloppes-territoriales.yaml:\(total.mark.line):\(total.mark.column): erreur : ligne 16871 du texte : "))
        #expect(errors.contains { $0.textLine == 16840 && $0.plain.contains("(écart 1,00 €)") })
    }

    @Test func theFirstFicheOfThePovertyConventionIsNotTheSumOfItsResources() throws {
        let findings = PlanChecker.check(try Self.table("strategie-pauvrete-2020"))
        let first = try #require(findings.first { $0.textLine == 6769 })
        #expect(first.severity == .error)
        #expect(first.plain.contains("imprimé 676 000,00 €"))
        #expect(first.plain.contains("648 000,00 € (310 000,00 € + 28 000,00 € + 310 000,00 € + 0,00 €) (écart 28 000,00 €)"), "\(first.message)")
        #expect(first.path == "rows[0].budget")
        // Fiche 12: 80 000 € of budget, 80 000 € from the State and 80 000 € from the Département.
        #expect(findings.contains { $0.textLine == 6806 && $0.severity == .error && $0.plain.contains("(écart 80 000,00 €)") })
        // The socle subtotal inherits both rows' gaps, though each of its columns adds up.
        #expect(findings.contains { $0.textLine == 6920 && $0.severity == .error && $0.plain.contains("(écart 52 000,00 €)") })
        #expect(!findings.contains { $0.textLine == 6920 && $0.plain.contains("total imprimé") && $0.severity == .error })
        // Fiche 4's illegible « dont valorisation »: the subtotal says what it is worth.
        #expect(findings.contains { $0.severity == .note && $0.textLine == 6920 && $0.plain.contains("ligne 6832 : « ? »") && $0.plain.contains("0,00 €") })
        // And so does the grand total (line 7067).
        #expect(findings.contains { $0.textLine == 7067 && $0.severity == .error && $0.plain.contains("(écart 52 000,00 €)") })
        #expect(findings.filter { $0.severity == .error }.count == 4, "\(findings.filter { $0.severity == .error })")
    }

    @Test func theERBMTableIsConsistent() throws {
        #expect(PlanChecker.check(try Self.table("strategie-pauvrete-erbm-2020")).isEmpty)
    }

    @Test func theChildProtectionPlanSaysWhatItCannotCheck() throws {
        let findings = PlanChecker.check(try Self.table("cdppe-2020"))
        // Fiche 10's budget: 4 876 000 € in the plan, 4 876 100 € in the fiche.
        let fiche = try #require(findings.first { $0.textLine == 16873 })
        #expect(fiche.severity == .error && fiche.plain.contains("(écart 100,00 €)"))
        // The State's finance-law share: 270 850 € more than the printed rows, some of which print no figure.
        let plf = try #require(findings.first { $0.textLine == 13722 && $0.plain.contains("4 682 510,00 €") })
        #expect(plf.severity == .warning && plf.plain.contains("(écart 270 850,00 €)") && plf.plain.contains("ligne 15170"))
        // The matching rule holds where both shares are printed, and is left to a person elsewhere.
        #expect(!findings.contains { $0.severity == .error && $0.plain.contains("au-dessous") })
        #expect(findings.contains { $0.severity == .warning && $0.textLine == 15102 && $0.plain.contains("« ETP »") })
        #expect(!findings.contains { $0.plain.contains("1 185 174") }, "the ONDAM share adds up")
    }
}

extension PlanFinding {
    /// The message with its narrow no-break spaces (« 1 096 000,00 € ») as plain spaces, to compare.
    var plain: String { message.replacing("\u{202F}", with: " ").replacing("\u{00A0}", with: " ") }
}
