@testable import Decisions
import Testing
import TestSupport

/// A run's fragments are kept under the bytes of their keys: two different keys never share a
/// name, whatever their parts hold, and the same parts always give the same name.
@Suite struct DocumentFragmentsTests {
    @Test func noTwoListsOfPartsShareAName() {
        typealias Name = DocumentFragments.Name
        #expect(Name(["a\u{1F}b"]) != Name(["a", "b"]))
        #expect(Name(["ab"]) != Name(["a", "b"]))
        #expect(Name(["a", ""]) != Name(["a"]))
        #expect(Name(["", "a"]) != Name(["a", ""]))
        #expect(Name(["données", "décision"]) == Name(["données", "décision"]))
        #expect(Set([Name(["x", "y"]), Name(["x", "y"]), Name(["xy"])]).count == 2)
    }

    /// « Béthune » in one scalar and in two are equal to Swift's `==`, but not the same bytes:
    /// a kept fragment made from one must not be reused for the other.
    @Test func canonicallyEquivalentTextsAreNotTheSameSource() {
        let composed = "B\u{E9}thune", decomposed = "Be\u{301}thune"
        #expect(composed == decomposed)
        #expect(!ExactText.same(composed, decomposed))
        #expect(ExactText.same(composed, "Béthune"))
        #expect(!ExactText.same([composed], [decomposed]))
        #expect(!ExactText.same(["commune": composed], ["commune": decomposed]))
        #expect(ExactText.same(nil as String?, nil))
        #expect(!ExactText.same(composed, nil))
        let fact = { (value: String) in DecisionRecord.Fact(id: "commune", question: "Commune ?", value: value, canonical: value, statement: "À \(value).") }
        #expect(fact(composed) == fact(decomposed))
        #expect(!fact(composed).isExactly(fact(decomposed)))
        #expect(fact(composed).isExactly(fact(composed)))
    }

    /// A scheme's names are its id, its fingerprint, the marker when given, then the key's parts,
    /// each set apart as `Name(_:)` sets them apart.
    @Test func aSchemesNameIsItsPartsInOrder() throws {
        typealias Name = DocumentFragments.Name
        let scheme = try Load.pdesi()
        #expect(Name(scheme: scheme, key: ["tête", "décision"]) == Name([scheme.id, scheme.rulesHash, "tête", "décision"]))
        #expect(Name(scheme: scheme, marker: "\u{2}", key: ["k"]) == Name([scheme.id, scheme.rulesHash, "\u{2}", "k"]))
        #expect(Name(scheme: scheme, marker: "\u{2}", key: ["k"]) != Name(scheme: scheme, key: ["\u{2}", "k", ""]))
        #expect(Name(scheme: scheme, key: []) == Name([scheme.id, scheme.rulesHash]))
    }
}
