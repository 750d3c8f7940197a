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
