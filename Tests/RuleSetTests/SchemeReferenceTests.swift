import Batch
import Evaluator
import Foundation
import RuleSet
import TestSupport
import Testing
import YAMLReader

@Suite struct SchemeReferenceTests {
    func scheme(_ id: String, uses other: String) -> String {
        """
        id: \(id)
        title: \(id)
        kind: individual-aid
        authority: {name: D, signatory: Le Président, court: tribunal administratif de Lille}
        sources: {s: {deliberation: Délibération, summary: Texte résumé.}}
        eligibility:
          - {id: c, label: C, failure: F, when: outcome("\(other)") == "défavorable"}

        """
    }

    func catalog(_ files: [String: String]) throws -> SchemeCatalog {
        let temporary = try TemporaryFolder("rules")
        defer { withExtendedLifetime(temporary) {} }
        let folder = temporary.path
        for (name, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: "\(folder)/\(name)")) }
        return SchemeCatalog.load(directory: folder)
    }

    @Test func aCycleOfOutcomesIsRefusedAtLoad() throws {
        let loaded = try catalog(["a.yaml": scheme("a", uses: "b"), "b.yaml": scheme("b", uses: "a")])
        #expect(loaded.schemes.isEmpty)
        let messages = loaded.failures.flatMap(\.diagnostics).map(\.message)
        #expect(messages.contains { $0.contains("en cercle : a → b → a") })
        #expect(messages.contains { $0.contains("en cercle : b → a → b") })
    }

    @Test func anUnknownSchemeInOutcomeIsLocated() throws {
        let loaded = try catalog(["a.yaml": scheme("a", uses: "fsl")])
        let diagnostic = try #require(loaded.failures.first?.diagnostics.first)
        #expect(diagnostic.message.contains("outcome() nomme « fsl », qui n'est pas un dispositif"))
        #expect(diagnostic.mark.line == 7)
    }

    @Test func dependenciesComeFirst() throws {
        let loaded = try catalog(["a.yaml": scheme("a", uses: "b"), "b.yaml": scheme("b", uses: "c"),
                                  "c.yaml": scheme("c", uses: "d").replacing("eligibility:\n  - {id: c, label: C, failure: F, when: outcome(\"d\") == \"défavorable\"}", with: "eligibility:\n  - {id: c, label: C, failure: F, when: \"true\"}")])
        #expect(loaded.failures.isEmpty, "\(loaded.failures)")
        #expect(loaded.dependencies(of: "a") == ["c", "b"])
    }

    /// `outcome("a")` in a scheme makes the other scheme be evaluated first on the same file: when
    /// that scheme's own facts are missing, its decision is asked for. (The bundled rules no longer
    /// use it: the solvency fund reads whether the FSL can pay the rent, not the FSL's furniture
    /// decision, Rules/fonds-solvabilisation.yaml.)
    @Test func aSchemeThatReadsAnotherOutcomeEvaluatesItFirstOnTheSameFile() throws {
        let first = """
            id: a
            title: a
            kind: individual-aid
            authority: {name: D, signatory: Le Président, court: tribunal administratif de Lille}
            sources: {s: {deliberation: Délibération, summary: Texte résumé.}}
            inputs:
              x:
                type: boolean
                question: X ?
                statement: {true: "X.", false: "Non X."}
            eligibility:
              - {id: c, label: C, failure: F, when: x}

            """
        let loaded = try catalog(["a.yaml": first, "b.yaml": scheme("b", uses: "a")])
        #expect(loaded.failures.isEmpty, "\(loaded.failures)")
        func decide(_ facts: String) throws -> Evaluation? {
            let text = "scheme: b\nid: B-1\nfiled: 2020-10-15\napplicant: {name: Test}\n\(facts)"
            let document = try YAMLDocumentReader.singleDocument(text: text, file: "b.yaml")
            let entries = BatchRunner(catalog: loaded, referenceDate: DecisionDay.samples, output: nil).process(document)
            guard case .decided(let evaluation) = entries.first?.result else { return nil }
            return evaluation
        }
        let unknown = try #require(try decide(""))
        #expect(unknown.outcome == .incomplete)
        #expect(unknown.missing.contains(.decision("a")))
        #expect(unknown.dependencies["a"]?.outcome == .incomplete)
        let given = try #require(try decide("outcomes: {a: défavorable}"))
        #expect(given.outcome == .favorable, "the decision given in the file is read, not re-evaluated")
    }
}
