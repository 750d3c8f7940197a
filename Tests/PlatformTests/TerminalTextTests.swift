@testable import Platform
import Testing

@Suite struct TerminalTextTests {
    @Test func plainFrenchTextIsUntouched() {
        let text = "Commune de Wimereux — 40 000,00 € (décision « favorable »)"
        #expect(TerminalText.escaped(text) == text)
    }

    @Test func escapeSequencesAndForgedLinesAreShownNotSent() {
        #expect(TerminalText.escaped("X\u{1B}[2J\u{1B}]0;pwned\u{07}") == "X\\e[2J\\e]0;pwned\\u{7}")
        #expect(TerminalText.escaped("A-1\nrules.yaml:1:1: erreur : forged") == "A-1\\nrules.yaml:1:1: erreur : forged")
        #expect(TerminalText.escaped("ok\rKO") == "ok\\rKO")
        #expect(TerminalText.escaped("\u{9B}31m") == "\\u{9B}31m")
        #expect(TerminalText.escaped("abc\u{202E}fed") == "abc\\u{202E}fed")
        #expect(TerminalText.escaped("\u{7F}") == "\\u{7F}")
    }

    @Test func documentsKeepTheirLinesButNotTheirEscapes() {
        #expect(TerminalText.escaped("a\tb\nc\u{1B}d\r\n", keepingLineBreaks: true) == "a\tb\nc\\ed\\r\n")
    }
}
