import Foundation
import Testing
@testable import Decisions
import SchemeLanguage

/// A value written once (`JSONFragment`) reads the same at the depth it was made for and deeper,
/// as a decision inside a service's response.
@Suite struct JSONWriterTests {
    let fragment = JSONWriter.fragment(depth: 1) { json in
        json.object(nil) { json in
            json.string("text", "two\nlines")
            json.array("list") { json in json.number(nil, 1) }
        }
    }

    func document(nestedIn levels: Int) -> String {
        var json = JSONWriter()
        func nest(_ level: Int, _ json: inout JSONWriter) {
            if level == 0 {
                json.object(nil) { json in json.fragment("value", fragment) }
            } else {
                json.object(nil) { json in json.array("inner") { json in nest(level - 1, &json) } }
            }
        }
        nest(levels, &json)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    @Test(arguments: [(1, 1, 1), (99, 12, 31), (2020, 9, 28), (9999, 2, 3)])
    func aDateIsWrittenAsItsDescription(year: Int, month: Int, day: Int) throws {
        let date = try #require(LocalDate(year: year, month: month, day: day))
        var digits = JSONWriter(), described = JSONWriter()
        digits.object(nil) { $0.date("date", date) }
        described.object(nil) { $0.string("date", date.description) }
        #expect(digits.bytes == described.bytes)
    }

    @Test func aStringWrittenInPartsIsTheJoinedString() {
        for parts in [[], ["un"], ["« un »", "deux\t\"", ""]] {
            var joined = JSONWriter(), inParts = JSONWriter()
            joined.object(nil) { $0.string("text", parts.joined(separator: "\n\n")) }
            inParts.object(nil) { $0.string("text", joining: parts, separator: "\n\n") }
            #expect(inParts.bytes == joined.bytes)
        }
    }

    @Test func aFragmentWrittenDeeperIsIndentedToItsPlace() throws {
        #expect(document(nestedIn: 0) == """
            {
              "value": {
                "text": "two\\nlines",
                "list": [
                  1
                ]
              }
            }
            """)
        let deeper = document(nestedIn: 1)
        #expect(deeper == """
            {
              "inner": [
                {
                  "value": {
                    "text": "two\\nlines",
                    "list": [
                      1
                    ]
                  }
                }
              ]
            }
            """)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(deeper.utf8)) as? [String: Any])
        #expect(((parsed["inner"] as? [[String: Any]])?.first?["value"] as? [String: Any])?["text"] as? String == "two\nlines")
    }
}
