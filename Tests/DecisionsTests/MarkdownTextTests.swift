import Documents
import Decisions
import ExactDecimal
import SchemeLanguage
import Testing

/// The one set of Markdown helpers every French document uses, and the French formats.
@Suite struct MarkdownTextTests {
    /// The decisions' copy left `\r` in a cell and the simulation's turned `\r\n` into two
    /// spaces: a line break of any kind is now one space.
    @Test func aCellHoldsOnOneLineAndEscapesItsBars() {
        #expect(MarkdownText.cell("Dupont | fils") == "Dupont \\| fils")
        #expect(MarkdownText.cell("ligne\nsuivante") == "ligne suivante")
        #expect(MarkdownText.cell("ligne\r\nsuivante") == "ligne suivante")
        #expect(MarkdownText.cell("ligne\rsuivante") == "ligne suivante")
        #expect(MarkdownText.cell("ligne\u{2028}suivante") == "ligne suivante")
    }

    /// Cells and lines are checked byte by byte and left as they are when nothing needs
    /// escaping: the result is the one of escaping character by character, whatever the text
    /// (non-breaking spaces, whose UTF-8 starts like U+0085 and U+2028, accents composed or not,
    /// a multi-byte character cut at the end).
    @Test func escapingByBytesFindsWhatCharactersFind() {
        func reference(_ text: String) -> String {
            String(text.map { $0.isNewline ? " " : $0 }).replacing("|", with: "\\|")
        }
        let texts = [
            "", "simple", "40\u{202F}000,00\u{00A0}€", "Délib. n°2020-309, article 2, l. 5159-5162", "a|b", "|", "||",
            "fin\n", "\r\n", "a\r\nb|c", "a\u{0B}b", "a\u{0C}b", "a\u{85}b", "a\u{2028}b", "a\u{2029}b", "a\u{2027}b",
            "a\u{202A}b", "\u{00A0}\u{00A0}", "e\u{301}|", "👩‍👩‍👧 | 🇫🇷", "\u{C2}", "x\u{E2}", "\u{2028}", "a\u{E000}b",
        ]
        for text in texts {
            #expect(MarkdownText.cell(text) == reference(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            var line = MarkdownText()
            line.list([text])
            #expect(line.result == "- " + String(text.map { $0.isNewline ? " " : $0 }) + "\n\n")
        }
    }

    /// Headers are escaped like cells: a ranking label from the rules cannot add a column.
    @Test func aTableEscapesItsHeaderAndKeepsEmptyCellsOneSpaceWide() {
        var text = MarkdownText()
        text.table(["", "A | B"], [["x", ""], ["y|z", "1"]])
        #expect(text.result == "| | A \\| B |\n|---|---|\n| x | |\n| y\\|z | 1 |\n\n")
    }

    @Test func headingsAndListsHoldOnOneLine() {
        var text = MarkdownText()
        text.heading("Titre\nsur deux lignes", level: 3)
        text.list(["un", "deux\n# pas un titre"])
        text.numbered(["premier", "second"])
        #expect(text.result == "### Titre sur deux lignes\n\n- un\n- deux # pas un titre\n\n1. premier\n2. second\n\n")
    }

    @Test func emptyListsAndSectionsAreLeftOut() {
        var text = MarkdownText()
        text.list([])
        text.numbered([])
        text.section("Rien", bullets: [])
        #expect(text.result.isEmpty)
        text.section("Quelque chose", bullets: ["a"], level: 3)
        #expect(text.result == "### Quelque chose\n\n- a\n\n")
    }

    @Test func countsAgreeWithTheirNoun() {
        #expect(FrenchFormat.count(0, "demande") == "0 demande")
        #expect(FrenchFormat.count(1, "demande") == "1 demande")
        #expect(FrenchFormat.count(1_500, "demande") == "1\u{202F}500 demandes")
        #expect(FrenchFormat.count(2, "candidature admissible", "candidatures admissibles") == "2 candidatures admissibles")
        #expect(FrenchFormat.agreed(3, "était déposée", "étaient déposées") == "étaient déposées")
    }

    @Test func changesAreSignedWhenTheyRise() {
        #expect(FrenchFormat.signedCount(3) == "+3" && FrenchFormat.signedCount(-2) == "-2" && FrenchFormat.signedCount(0) == "0")
        #expect(FrenchFormat.signedMoney(DecimalNumber(6_000)) == "+6\u{202F}000,00\u{00A0}€")
        #expect(FrenchFormat.signedMoney(DecimalNumber(-250)) == "-250,00\u{00A0}€")
        #expect(FrenchFormat.signedPercent(DecimalNumber(13), minimumFractionDigits: 1) == "+13,0\u{00A0}%")
        #expect(FrenchFormat.signedPercent(DecimalNumber(significand: -12, scale: 1), minimumFractionDigits: 1) == "-1,2\u{00A0}%")
        #expect(FrenchFormat.rate(DecimalNumber(significand: 5, scale: 1)) == "50\u{00A0}%")
    }

    /// `explain` and the simulation report wrote a parameter's dates two ways ("à compter du",
    /// "(depuis le …)"); both now read "à compter du".
    @Test func aParameterReadsWithTheDateOfEachValue() {
        let parameter = Parameter(id: "plafond", label: "Plafond", type: .money, versions: [
            .init(from: nil, value: .money(DecimalNumber(40_000))),
            .init(from: LocalDate(year: 2021, month: 1, day: 1), value: .money(DecimalNumber(50_000))),
        ], source: nil)
        #expect(FrenchFormat.versions(of: parameter) == "40\u{202F}000,00\u{00A0}€ ; 50\u{202F}000,00\u{00A0}€ à compter du 1er janvier 2021")
    }
}
