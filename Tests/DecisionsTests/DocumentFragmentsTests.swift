@testable import Decisions
import Testing

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
}
