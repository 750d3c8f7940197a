@testable import SchemeLanguage
import Testing

/// "Did you mean…?": the nearest name when it is a likely typo, nothing for a text that is no name.
@Suite struct SuggestionTests {
    let names = ["taux_inscrit", "taux_classe", "plafond_inscrit", "jeune.identifiant"]

    @Test func aTypoGetsTheNearestName() {
        #expect(Suggestion.closest(to: "taux_inscrits", among: names) == "taux_inscrit")
        #expect(Suggestion.closest(to: "TAUX_CLASE", among: names) == "taux_classe")
        #expect(Suggestion.closest(to: "jeune.identifian", among: names) == "jeune.identifiant")
    }

    @Test func aDistantNameGetsNothing() {
        #expect(Suggestion.closest(to: "montant", among: names) == nil)
        #expect(Suggestion.closest(to: "", among: names) == nil)
    }

    /// A pasted megabyte is no typo: nothing is suggested (and nothing is compared: the fuzzer
    /// found `guichet check` taking ten seconds on such a field).
    @Test func aLongTextIsNoTypo() {
        let long = String(repeating: "taux_inscrit ", count: 80_000)
        #expect(Suggestion.closest(to: long, among: names) == nil)
        #expect(Suggestion.closest(to: String(repeating: "a", count: Suggestion.maximumLength + 1), among: [String(repeating: "a", count: Suggestion.maximumLength)]) == nil)
    }
}
