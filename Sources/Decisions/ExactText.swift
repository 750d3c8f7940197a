import Documents
import Platform

/// Texts compared by their bytes, for the sources that kept fragments are reused for
/// (`DocumentFragments.value(_:scheme:from:make:)`).
///
/// Swift's `==` holds canonically equivalent strings equal: « é » written as one scalar or as
/// « e » and an accent. Bytes made from one application's text, reused for another's equivalent
/// one, would print in the second act a text that is not the one it gave, and make its bytes
/// depend on which applications the run decided before it.
enum ExactText {
    static func same(_ first: String, _ second: String) -> Bool {
        guard first.utf8.count == second.utf8.count else { return false }
        return first.withUTF8Bytes { one in
            second.withUTF8Bytes { other in
                // Most texts compared are shared by both sides (a fact's id and question, a
                // criterion's label): the same storage is the same bytes, without a memcmp.
                one.baseAddress == other.baseAddress || equal(UnsafeRawBufferPointer(one), UnsafeRawBufferPointer(other))
            }
        }
    }

    /// Whether two buffers hold the same bytes, compared as one block: the facts of every
    /// criterion of every act, and the name of every fragment looked up (`DocumentFragments.Name`).
    static func equal(_ one: UnsafeRawBufferPointer, _ other: UnsafeRawBufferPointer) -> Bool {
        // Sound: memcmp reads `one.count` bytes of each, which both hold.
        one.count == other.count && (one.isEmpty || memcmp(one.baseAddress!, other.baseAddress!, one.count) == 0)
    }

    static func same(_ first: String?, _ second: String?) -> Bool {
        switch (first, second) {
        case (nil, nil): true
        case let (first?, second?): same(first, second)
        default: false
        }
    }

    static func same(_ first: [String], _ second: [String]) -> Bool {
        first.count == second.count && zip(first, second).allSatisfy { same($0, $1) }
    }

    static func same(_ first: [String?], _ second: [String?]) -> Bool {
        first.count == second.count && zip(first, second).allSatisfy { same($0, $1) }
    }

    /// Keys are names from the rules, compared as Swift compares them; values by their bytes.
    static func same(_ first: [String: String], _ second: [String: String]) -> Bool {
        first.count == second.count && first.allSatisfy { key, value in second[key].map { same($0, value) } ?? false }
    }
}

extension DecisionRecord.Fact {
    /// Whether both facts hold the same bytes (`ExactText`).
    func isExactly(_ other: Self) -> Bool {
        ExactText.same(id, other.id) && ExactText.same(question, other.question) && ExactText.same(value, other.value)
            && ExactText.same(canonical, other.canonical) && ExactText.same(statement, other.statement)
    }
}
