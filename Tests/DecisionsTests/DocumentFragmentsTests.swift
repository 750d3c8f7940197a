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

    /// A value kept with its source never shares a name with one kept without, whatever its parts.
    @Test func aSourcedNameIsSetApart() {
        typealias Name = DocumentFragments.Name
        #expect(Name(["tête", "décision"], sourced: true) == Name(["tête", "décision"], sourced: true))
        #expect(Name(["k"], sourced: true) != Name(["k"]))
        #expect(Name([]) == Name([]))
    }

    /// Values are kept scheme by scheme, and with their source: the same key asked for another
    /// scheme, or from another source, is worked out again.
    @Test func valuesAreKeptBySchemeAndSource() throws {
        let fragments = DocumentFragments()
        let (scheme, other) = (try Load.pdesi(), try Load.pdesi())
        var made = 0
        let make = { (source: String) -> String in
            made += 1
            return "\(source) \(made)"
        }
        #expect(fragments.value(["k"], scheme: scheme, from: "a", make: make) == "a 1")
        #expect(fragments.value(["k"], scheme: scheme, from: "a", make: make) == "a 1")
        #expect(fragments.value(["k"], scheme: other, from: "a", make: make) == "a 2")
        #expect(fragments.value(["k"], scheme: scheme, from: "b", make: make) == "b 3")
        #expect(fragments.value(["k"], scheme: scheme) { "plain" } == "plain")
        #expect(fragments.value(["k"], scheme: scheme) { "again" } == "plain")
        #expect(made == 3)
    }
}
