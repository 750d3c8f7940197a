@testable import Documents
import Testing

/// The one-pass paths that append a text as it is (`MarkdownLiteral`, `MarkupText.plainFrenchLine`)
/// give exactly the bytes of the escaping paths they shortcut, for texts that take the shortcut
/// and for texts that must not.
@Suite struct LiteralPathTests {
    /// Texts with each thing the escaping looks at, and plain French texts around them.
    static let samples: [String] = [
        "Le ménage entre dans un nouveau logement.", "1 150,00 € — soit 50 %… « aide » ; oui : non ! quoi ?",
        "a | b", "*gras*", "aide_menage", "_x_", "Marc & Julie", "&amp;", "&#35;", "# titre", "Objet #", "- item", "+ plus",
        "= égal", "> cité", "[x](y)", "[^1]", "[…]", "a]b", "2020. Fin", "12) point", "1.", "`code`", "~barré~", "<b>", "\\",
        " espace", "    quatre", "\tonglet", " ", "ligne\nsuite", "ligne\r\nsuite", "sep\u{2028}aré", "nl\u{0085}x",
        "fin de ligne ", "« ouvert", "fermé »", " ; ", "x\u{FFFE}y", "ctl\u{0007}", "guillemet \" ici", "ﬁn",
    ]

    static let places: [MarkdownEscaping.Place] = [.inline, .lineStart, .heading, .addressLine]

    /// Texts of one to three runs in every style, with two plain runs in a row among them.
    static var texts: [Text] {
        var texts = samples.map { Text($0) }
        for (index, sample) in samples.enumerated() {
            let other = samples[(index * 7 + 3) % samples.count]
            texts.append(.strong(sample))
            texts.append(.emphasis(sample) + other)
            texts.append(Text(other) + .strong(sample) + Text(other))
            texts.append(Text(runs: [Text.Run(.plain, sample), Text.Run(.plain, other)]))
            texts.append(Text(sample) + .code(other))
        }
        return texts + [Text(runs: [])]
    }

    @Test func markdownInlineTextsGiveTheEscapingPathsBytes() {
        for text in Self.texts {
            for place in Self.places {
                for inCell in [false, true] {
                    var markdown = MarkdownText()
                    MarkdownRendering.appendInline(text, at: place, inCell: inCell, into: &markdown)
                    let inline = MarkdownRendering.inline(text, at: place)
                    let expected = inCell ? MarkdownText.cell(inline) : inline
                    #expect(markdown.result == expected, "\(text.runs) at \(place), cell: \(inCell)")
                }
            }
        }
    }

    @Test func markdownPlainStringsGiveTheEscapingPathsBytes() {
        for sample in Self.samples {
            for place in Self.places {
                for inCell in [false, true] {
                    var markdown = MarkdownText()
                    markdown.append(escaping: sample, at: place, inCell: inCell)
                    let escaped = MarkdownEscaping.escaped(sample, at: place)
                    #expect(markdown.result == (inCell ? MarkdownText.cell(escaped) : escaped), "\(sample) at \(place), cell: \(inCell)")
                }
            }
        }
    }

    @Test func ordinaryTextsTakeTheShortcut() {
        let sample = "Le ménage entre dans un nouveau logement de 1 150,00 € — « aide » accordée."
        for place in Self.places {
            #expect(Array(sample.utf8).withUnsafeBufferPointer { MarkdownEscaping.isLiteral($0, at: place, inCell: true) })
        }
    }

    @Test func aFrenchLineIsWrittenAsTheLongerWayWritesIt() {
        for sample in Self.samples + ["« Objet » : oui ; non ! « x » ?", "a :b", ":début", "« »", "«x»", " » fin", "«\u{00A0}x"] {
            var prefix = MarkupText()
            prefix.raw("<p>")
            var shortcut = prefix
            let taken = shortcut.plainFrenchLine(sample)
            var longer = prefix
            longer.frenchTextEscaping(sample)
            if taken {
                #expect(shortcut.utf8 == longer.utf8, "\(sample)")
            } else {
                // Refused: nothing written, and only for a text with a line break or a byte that
                // escaping may change (`&`, `<`, `>`, `"`, a control character, EF).
                #expect(shortcut.utf8 == prefix.utf8, "\(sample)")
                let mayChange = sample.utf8.contains { [0x26, 0x3C, 0x3E, 0x22, 0xEF].contains($0) || ($0 < 0x20 && $0 != 0x09) }
                #expect(MarkdownText.Escapes(sample) == .lineBreaks || mayChange, "\(sample)")
            }
        }
    }

    @Test func theShortcutIsTakenForOrdinaryFrenchAndRefusedForMarkup() {
        var markup = MarkupText()
        let taken = markup.plainFrenchLine("Montant : 1 150,00 € ; « forfait » !")
        #expect(taken)
        #expect(markup.result == "Montant\u{00A0}: 1 150,00 €\u{00A0}; «\u{00A0}forfait\u{00A0}»\u{00A0}!")
        for refused in ["a < b", "Marc & Julie", "ligne\nsuite", "sep\u{2028}aré", "guillemet \" ici"] {
            var other = MarkupText()
            let taken = other.plainFrenchLine(refused)
            #expect(!taken, "\(refused)")
            #expect(other.utf8.isEmpty)
        }
    }
}
