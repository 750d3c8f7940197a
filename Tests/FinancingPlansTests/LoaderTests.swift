import FinancingPlans
import Platform
import Testing
import TestSupport

/// A data file that does not describe a table is refused with every problem located.
@Suite struct LoaderTests {
    static func problems(_ yaml: String) -> [PlanFinding] {
        switch FinancingTableLoader.load(text: yaml, file: "plan.yaml") {
        case .success: []
        case .failure(let failure): failure.findings
        }
    }

    static let base = """
        title: Essai
        columns:
          - {id: budget, label: Budget}
          - {id: etat, label: État}
        rows:
          - {id: a, label: A, line: 3, budget: "10 €", etat: "5 €"}
        """

    @Test func everyFaultOfTheFileIsLocated() {
        let found = Self.problems("""
            title: Essai
            colonnes: []
            columns:
              - {id: budget, label: Budget}
            rows:
              - {id: a, label: A, line: trois, budget: "1 €"}
              - {id: b, label: B, line: 4, budget: "60,000"}
              - {id: b, label: C, line: 5, budget: "1 €", etat: "2 €"}
            totals:
              - {id: t, label: T, line: 6, of: [b, z], budget: "1 €"}
            checks:
              - {id: r, label: R, rule: sum, total: budget, parts: [etat]}
              - {id: s, label: S, rule: between, total: budget}
            """)
        let paths = found.compactMap(\.path)
        #expect(paths.contains("colonnes"))
        #expect(paths.contains("rows[0].line"))
        #expect(paths.contains("rows[1].budget"), "60,000: sixty or sixty thousand")
        #expect(paths.contains("rows[2].etat"), "an unknown column")
        #expect(paths.contains("rows[2].id"), "an id taken twice")
        #expect(paths.contains("totals[0].of[1]"))
        #expect(paths.contains("checks[0].parts"))
        #expect(paths.contains("checks[1].rule"))
        #expect(found.allSatisfy { $0.severity == .error && $0.description.hasPrefix("plan.yaml:") })
        #expect(found.first { $0.path == "rows[1].budget" }?.description.contains("ligne 4 du texte : « 60,000 » ne se lit pas comme un montant") == true)
    }

    @Test func aRateIsAPercentage() {
        let found = Self.problems(Self.base + "\nchecks:\n  - {id: r, label: R, rule: at-most, value: etat, bound: budget, rate: \"0,5\"}\n")
        #expect(found.contains { $0.path == "checks[0].rate" && $0.message.contains("« 20 % »") })
    }

    @Test func aValueMustBeOnTheLineItCites() throws {
        let folder = try TemporaryFolder("plans")
        try Array("en-tête\nA 10 € 5 €\nTotal 15 €\n".utf8).write(to: folder.file("texte.txt"))
        let yaml = "title: Essai\ntext: texte.txt\ncolumns: [{id: budget, label: Budget}, {id: etat, label: État}]\n"
            + "rows: [{id: a, label: A, line: 2, budget: \"10 €\", etat: \"6 €\"}]\ntotals: [{id: t, label: T, line: 3, budget: \"15 €\"}]\n"
        try Array(yaml.utf8).write(to: folder.file("plan.yaml"))
        let table = try FinancingTableLoader.load(path: folder.file("plan.yaml")).get()
        let text = try #require(try SourceText.load(for: table))
        let faults = text.transcriptionFaults(in: table)
        #expect(faults.count == 1)
        #expect(faults.first?.path == "rows[0].etat" && faults.first?.textLine == 2)
    }
}

extension Array where Element == UInt8 {
    func write(to path: String) throws {
        try OwnerOnlyFile.write(self, to: path)
    }
}
