import ExactDecimal
import FinancingPlans
import Platform
import Testing
import TestSupport

/// The checker on small tables written for the test: sums, shares, matching rules, unprinted
/// figures, exact cents.
@Suite struct CheckerTests {
    static func table(_ yaml: String) throws -> FinancingTable {
        try FinancingTableLoader.load(text: yaml, file: "plan.yaml").get()
    }

    static let consistent = """
        title: Plan de financement d'essai
        columns:
          - {id: depense, label: Dépense HT}
          - {id: etat, label: État}
          - {id: departement, label: Département}
          - {id: propres, label: Fonds propres}
        rows:
          - {id: a, label: Travaux, line: 10, depense: "100 000,10 €", etat: "40 000,00 €", departement: "40 000,00 €", propres: "20 000,10 €"}
          - {id: b, label: Études, line: 11, depense: "0,30 €", etat: "0,10 €", departement: "0,10 €", propres: "0,10 €"}
        totals:
          - {id: total, label: Total, line: 12, depense: "100 000,40 €", etat: "40 000,10 €", departement: "40 000,10 €", propres: "20 000,20 €"}
        checks:
          - {id: equilibre, rule: sum, total: depense, parts: [etat, departement, propres], label: les ressources couvrent la dépense}
          - {id: part-etat, rule: at-most, value: etat, bound: depense, rate: 40 %, label: l'État finance au plus 40 %}
          - {id: propres, rule: at-least, value: propres, bound: depense, rate: 20 %, lines: "13", label: le maître d'ouvrage finance au moins 20 %}
        """

    /// A small table of two resources: the State, and own funds of at least 20 %.
    static func small(_ second: String) -> String {
        """
        title: Essai
        columns: [{id: depense, label: Dépense HT}, {id: etat, label: État}, {id: propres, label: Fonds propres}]
        rows:
          - {id: a, label: Travaux, line: 10, depense: "100 €", etat: "80 €", propres: "20 €"}
          - {id: b, label: Régie, line: 11, \(second)}
        totals:
          - {id: total, label: Total, line: 12, depense: "100 €", etat: "80 €", propres: "20 €"}
        checks:
          - {id: equilibre, rule: sum, total: depense, parts: [etat, propres], label: les ressources couvrent la dépense}
          - {id: propres, rule: at-least, value: propres, bound: depense, rate: 20 %, label: le maître d'ouvrage finance au moins 20 %}
        """
    }

    @Test func aConsistentTableHasNoFinding() throws {
        #expect(PlanChecker.check(try Self.table(Self.consistent)).isEmpty)
    }

    @Test func aPrintedTotalOffByOneCentIsFoundExactly() throws {
        let table = try Self.table(Self.consistent.replacing("depense: \"100 000,40 €\"", with: "depense: \"100 000,41 €\""))
        let findings = PlanChecker.check(table)
        #expect(findings.count == 2, "\(findings)")
        #expect(findings.contains { $0.textLine == 12 && $0.plain.contains("somme des lignes 100 000,40 € (écart 0,01 €)") && $0.path == "totals[0].depense" })
        #expect(findings.contains { $0.textLine == 12 && $0.plain.contains("règle « les ressources couvrent la dépense »") })
    }

    @Test func aFundersShareAboveItsRateAndOwnFundsBelowTheirsAreBothFound() throws {
        let table = try Self.table(Self.consistent
            .replacing("etat: \"40 000,00 €\", departement: \"40 000,00 €\", propres: \"20 000,10 €\"",
                       with: "etat: \"50 000,00 €\", departement: \"40 000,00 €\", propres: \"10 000,10 €\""))
        let row = PlanChecker.check(table).filter { $0.textLine == 10 }
        #expect(row.count == 2, "\(row)")
        #expect(row.contains { $0.plain.contains("« État » 50 000,00 € au-dessus de 40 % de « Dépense HT », soit 40 000,04 € (écart 9 999,96 €)") }, "\(row)")
        #expect(row.contains { $0.plain.contains("« Fonds propres » 10 000,10 € au-dessous de 20 % de « Dépense HT », soit 20 000,02 € (écart 9 999,92 €)")
            && $0.plain.contains("(ligne 13 du texte)") }, "\(row)")
    }

    @Test func anUnprintedFigureIsNeverGuessed() throws {
        let findings = PlanChecker.check(try Self.table(Self.small("depense: \"0 €\", etat: \"0 €\", propres: ETP")))
        #expect(findings.allSatisfy { $0.severity != .error }, "\(findings)")
        #expect(findings.filter { $0.severity == .warning && $0.textLine == 11 && $0.plain.contains("« Fonds propres » (« ETP »)") }.count == 2, "\(findings)")
        // The total matches the printed figures: it says the unprinted one is worth nothing.
        #expect(findings.contains { $0.severity == .note && $0.textLine == 12 && $0.plain.contains("ligne 11 : « ETP »") && $0.plain.contains("elle vaut donc 0,00 €") })
    }

    @Test func aDashIsANilAmount() throws {
        let findings = PlanChecker.check(try Self.table(Self.small("depense: \"0 €\", etat: \"0 €\", propres: \"- €\"")
            .replacing("etat: \"80 €\", propres: \"20 €\"}\n  - {id: b", with: "etat: \"100 €\", propres: \"- €\"}\n  - {id: b")
            .replacing("line: 12, depense: \"100 €\", etat: \"80 €\", propres: \"20 €\"", with: "line: 12, depense: \"100 €\", etat: \"100 €\", propres: \"0 €\"")))
        // 100 € of expense and nil own funds: below 20 % of it, and nothing else is wrong.
        let errors = findings.filter { $0.severity == .error }
        #expect(errors.count == 2, "\(findings)")
        #expect(errors.contains { $0.textLine == 10 && $0.plain.contains("« Fonds propres » 0,00 € au-dessous de 20 % de « Dépense HT », soit 20,00 €") })
        #expect(errors.contains { $0.textLine == 12 && $0.plain.contains("« Fonds propres » 0,00 €") })
        #expect(findings.count == errors.count)
    }
}
