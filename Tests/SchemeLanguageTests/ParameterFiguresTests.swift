import ExactDecimal
import Testing
@testable import SchemeLanguage

/// The figures of a scheme's parameters are worked out once and a text is searched as bytes
/// first: the answer must be the one the search by characters gives, whatever the text.
@Suite struct ParameterFiguresTests {
    let figures = ParameterFigures([
        Parameter(id: "plafond", label: "Plafond", type: .money, versions: [.init(from: nil, value: .money(DecimalNumber(40_000)))], source: nil),
        Parameter(id: "aide", label: "Aide", type: .money, versions: [.init(from: nil, value: .money(DecimalNumber(40_000)))], source: nil),
        Parameter(id: "taux", label: "Taux", type: .rate, versions: [.init(from: nil, value: .rate(DecimalNumber(significand: 5, scale: 1)))], source: nil),
    ])

    func names(_ text: String) -> [String] { figures.writtenValues(in: text).flatMap(\.names) }

    @Test func aFigureIsFoundWhateverTheSpacesBetweenItsGroups() {
        #expect(figures.writtenValues(in: "une aide de 40 000 € au plus").map(\.figure) == ["40 000 €"])
        #expect(names("une aide de 40\u{202F}000\u{A0}€ au plus") == ["plafond", "aide"])
        #expect(names("une aide de 40\u{202F}000,00\u{A0}€") == ["plafond", "aide"])
        #expect(names("un taux de 50\u{A0}%.") == ["taux"])
    }

    @Test func aQuotationOrALargerNumberKeepsItsFigures() {
        #expect(names("« une aide de 40 000 € » dit le texte").isEmpty)
        #expect(names("« cité » puis 40 000 €") == ["plafond", "aide"])
        #expect(names("une aide de 140 000 €").isEmpty)
        #expect(names("1,40 000 €").isEmpty)
        #expect(names("140 000 €40 000 €") == ["plafond", "aide"], "a match right after a larger number's stands")
        #expect(names("« « 40 000 € » »").isEmpty, "a quotation inside another")
        #expect(names("« a » » 40 000 € «") == ["plafond", "aide"], "a closing mark alone closes nothing")
        #expect(names("« a » 40 000 € « 50 % »") == ["plafond", "aide"])
    }

    /// A mark combining with the figure's last character makes another character: no figure,
    /// though the bytes hold it.
    @Test func charactersDecideWhereBytesCannot() {
        #expect(names("40 000 €\u{301}").isEmpty)
    }

    @Test func theOldEntryPointGivesTheSame() {
        let parameter = Parameter(id: "p", label: "P", type: .money, versions: [.init(from: nil, value: .money(DecimalNumber(40_000)))], source: nil)
        for text in ["une aide de 40 000 €", "« 40 000 € »", "50 %", ""] {
            #expect(ParameterText.writtenValues(in: text, parameters: [parameter]).map(\.names)
                    == ParameterFigures([parameter]).writtenValues(in: text).map(\.names))
        }
    }
}

/// A field of a canonical text is escaped as it always was, character by character: the rules
/// fingerprint printed in every decision depends on it.
@Suite struct CanonicalLineTests {
    @Test(arguments: ["plain", "deux\n\nparagraphes", "é\nè", "a\r\nb", "back\\slash\n", "cr\r", "\\\u{301}\n", ""])
    func escapedAsByCharacters(line: String) {
        let byCharacters = line.replacing("\\", with: "\\\\").replacing("\n", with: "\\n").replacing("\r", with: "\\r")
        #expect(CanonicalLine.escaped(line) == byCharacters)
    }
}
