import Foundation
import RuleSet
import TestSupport
import Testing

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
        #expect(messages.contains { $0.contains("cycle: a → b → a") })
        #expect(messages.contains { $0.contains("cycle: b → a → b") })
    }

    @Test func anUnknownSchemeInOutcomeIsLocated() throws {
        let loaded = try catalog(["a.yaml": scheme("a", uses: "fsl")])
        let diagnostic = try #require(loaded.failures.first?.diagnostics.first)
        #expect(diagnostic.message.contains("outcome() names 'fsl', which is not a scheme"))
        #expect(diagnostic.mark.line == 7)
    }

    @Test func dependenciesComeFirst() throws {
        let loaded = try catalog(["a.yaml": scheme("a", uses: "b"), "b.yaml": scheme("b", uses: "c"),
                                  "c.yaml": scheme("c", uses: "d").replacing("eligibility:\n  - {id: c, label: C, failure: F, when: outcome(\"d\") == \"défavorable\"}", with: "eligibility:\n  - {id: c, label: C, failure: F, when: \"true\"}")])
        #expect(loaded.failures.isEmpty, "\(loaded.failures)")
        #expect(loaded.dependencies(of: "a") == ["c", "b"])
    }
}
