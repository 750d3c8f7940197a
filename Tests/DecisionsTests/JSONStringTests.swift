import Platform
import Decisions
import Foundation
import Testing

/// JSON string literals are written to text (the batch's summary lines) and to bytes (the
/// decisions): the same literal either way, read back as the text it was made from.
@Suite struct JSONStringTests {
    @Test(arguments: ["", "plain", "Délibération n°2020-309 — 40\u{202F}000,00\u{00A0}€", "quote \" and \\ backslash",
                      "lines\nand\r\ntabs\t", "controls \u{01}\u{1F}\u{7F}", "e\u{301} 👩‍👩‍👧 \u{2028}"])
    func bytesAndTextAgree(text: String) throws {
        var literal = ""
        JSONString.append(text, to: &literal)
        var bytes: [UInt8] = []
        JSONString.append(text, to: &bytes)
        #expect(bytes == Array(literal.utf8))
        #expect(literal == JSONString.quoted(text))
        let decoded = try JSONSerialization.jsonObject(with: Data(bytes), options: .fragmentsAllowed) as? String
        #expect(decoded == text)
    }

    /// Plain text is passed eight bytes at a time: an escape, or a character that starts like
    /// one, is found at every place in and across those eight bytes.
    @Test(arguments: ["\"", "\\", "\n", "\u{01}", "\u{1F}", "\u{2028}", "\u{2029}", "’", "\u{202F}", "€", "é", "\u{7F}", " "])
    func anEscapeIsFoundAtEveryPlace(special: String) {
        for position in 0..<24 {
            let text = String(repeating: "a", count: position) + special + String(repeating: "b", count: 24 - position)
            var literal = ""
            JSONString.append(text, to: &literal)
            var bytes: [UInt8] = []
            JSONString.append(text, to: &bytes)
            #expect(bytes == Array(literal.utf8), "\(position)")
        }
    }

    @Test func controlCharactersAreEscapedWithFourHexDigits() {
        #expect(JSONString.quoted("\u{01}\u{1F}\n") == "\"\\u0001\\u001f\\n\"")
    }

    /// JavaScript's line breaks are escaped, so that a schema or a document can be embedded in a
    /// page; the other characters of the same block (’ … and the narrow no-break space) are not.
    @Test func lineAndParagraphSeparatorsAreEscapedAndTypographyIsNot() {
        #expect(JSONString.quoted("a\u{2028}b\u{2029}") == "\"a\\u2028b\\u2029\"")
        #expect(JSONString.quoted("l’aide… 40\u{202F}000") == "\"l’aide… 40\u{202F}000\"")
    }
}
