import Documents
import Testing

/// Texts from files read as written in the Markdown record: a hostile name in every place of an
/// act stays text, and ordinary French texts are not touched.
@Suite struct MarkdownEscapingTests {
    static let hostile = "# *Marc* <b>& Julie</b> | Fontaine"
    /// `hostile` as a Markdown reader must see it within a line.
    static let escaped = "# \\*Marc\\* \\<b>& Julie\\</b> | Fontaine"

    private let act = Document(
        title: hostile,
        letterhead: Letterhead(authority: hostile, sender: [hostile], references: [Field(hostile, Text(hostile))], addressee: [hostile, "- " + hostile]),
        blocks: [
            .actTitle([Text(hostile), Text(hostile)]),
            .heading(Text(hostile), level: 2),
            .paragraph(Text(hostile)),
            .paragraph(Text(hostile), role: .operative),
            .article(label: hostile, paragraphs: [Text(hostile)]),
            .list([Text(hostile)]),
            .numbered([Text(hostile)]),
            .table(Table(header: [Text(hostile)], rows: [[Text(hostile)]])),
            .notice(Text(hostile)),
            .signature(Signature(placeAndDate: hostile, title: [hostile], name: hostile)),
        ])

    @Test func aHostileNameIsTextInEveryPlace() {
        let lines = MarkdownRendering.string(act).split(separator: "\n").map(String.init)
        // In a table cell and in the lines of an address, `|` is escaped too.
        let piped = Self.escaped.replacing("|", with: "\\|")
        let expected = [
            "# \\# \\*Marc\\* \\<b>& Julie\\</b> | Fontaine",      // authority: a heading, its `#` escaped
            "\\" + piped,                                      // sender: a line of an address, `|` escaped
            "| \(piped) | \(piped) |",                             // references
            "\\" + piped + "\\",                             // the addressee's first line, then a hard break
            "\\- " + piped,                                    // its second line
            "## \\# \\*Marc\\* \\<b>& Julie\\</b> | Fontaine",     // act title and heading
            "**" + Self.escaped + "**",                            // act title's second line, operative paragraph
            "\\" + Self.escaped,                                 // paragraph, signature's place and date
            "### \\# \\*Marc\\* \\<b>& Julie\\</b> | Fontaine",    // article label
            "- \\" + Self.escaped,                               // list item
            "1. \\" + Self.escaped,                              // numbered item
            "| \(piped) |",                                        // table cell
            "> \\" + Self.escaped,                               // notice
        ]
        for line in expected {
            #expect(lines.contains(line), "\(line) missing in:\n\(lines.joined(separator: "\n"))")
        }
        // No line of the record is a heading, a quote or a list but those the blocks make; no tag, no emphasis.
        #expect(lines.filter { $0.hasPrefix("# ") }.count == 1)
        #expect(lines.filter { $0.hasPrefix("- ") }.count == 1)
        #expect(lines.filter { $0.hasPrefix("> ") }.count == 1)
        #expect(lines.allSatisfy { !$0.replacing("\\<", with: "").contains("<") })
        #expect(lines.allSatisfy { !$0.replacing("\\*", with: "").contains("*Marc") })
    }

    @Test func theSignatureIsEscapedLineByLine() {
        let markdown = MarkdownRendering.string(Document(title: "", blocks: [
            .signature(Signature(placeAndDate: "> Fait à <Arras>", title: ["= titre", "1. vice-président"], name: "_Claire_ [Martin](x)")),
        ]))
        #expect(markdown == "\\> Fait à \\<Arras>\n\n\\= titre\\\n1\\. vice-président\\\n\\\n(signature)\\\n\\\n\\_Claire\\_ [Martin\\](x)\n\n")
        let unsigned = MarkdownRendering.string(Document(title: "", blocks: [.signature(Signature(placeAndDate: "ici", title: [], name: nil, missing: "*personne*"))]))
        #expect(unsigned == "ici\n\n**\\*personne\\***\n\n")
    }

    @Test func eachCharacterIsEscapedWhereItMatters() {
        func line(_ text: String) -> String { MarkdownEscaping.escaped(text, at: .lineStart) }
        #expect(line("a\\b*c`d[e]f<g~h") == "a\\\\b\\*c\\`d[e]f\\<g\\~h")
        #expect(line("[x]: http://e") == "\\[x]: http://e")
        #expect(line("voir [a](http://e), ![b](c), [d][e], [^1] et [a [b] c](d)")
            == "voir [a\\](http://e), ![b\\](c), [d\\][e], \\[^1] et [a [b] c\\](d)")
        #expect(line("aide_menage, _x_, a_ b") == "aide_menage, \\_x\\_, a\\_ b")
        #expect(line("Marc & Julie, R&D, &amp; &#35; &eacute;") == "Marc & Julie, R&D, \\&amp; \\&#35; \\&eacute;")
        #expect(line("2020. Bilan") == "2020\\. Bilan")
        #expect(line("3) suite") == "3\\) suite")
        #expect(line("1.") == "1\\.")
        #expect(line("1234567890. trop long pour une liste") == "1234567890. trop long pour une liste")
        #expect(line("14.12.2020 et 1er") == "14.12.2020 et 1er")
        #expect(line("    code ?") == "code ?")
        #expect(line("  # titre ?") == "  \\# titre ?")
        #expect(line("  ordinaire") == "  ordinaire")
        #expect(line("\t- x") == "\\- x")
        #expect(line("=====") == "\\=====")
        #expect(line("--- a > b + c - d = e # f") == "\\--- a > b + c - d = e # f")
        #expect(MarkdownEscaping.escaped("# x", at: .inline) == "# x")
        #expect(MarkdownEscaping.escaped("Objet #", at: .heading) == "Objet \\#")
        #expect(MarkdownEscaping.escaped("a | b", at: .addressLine) == "a \\| b")
        #expect(MarkdownEscaping.escaped("a\nb", at: .inline) == "a b")
    }

    @Test func ordinaryFrenchTextIsUnchanged() {
        let texts = [
            "Considérant que l'aide demandée, de 50 % d'une dépense éligible de 60 000,00 € HT, n'excède pas le plafond ;",
            "Délibération n° 2020-309, article 2 — « Aide à l'aménagement » … (1re ou 2e catégorie), 3e catégorie",
            "« Afin d'être éligible, 4 critères obligatoires devront être remplis : […] Respect des normes » [sic]",
            "Article 1er", "Vu le code, notamment ses articles L. 311-3-1 et R. 311-3-1-1 à R. 311-3-1-2 ;",
            "03 21 00 00 00 — sports@departement.example", "Fait à Arras, le 14 décembre 2020", "2020 : année ; 12,5 % ! ?",
            "L'intéressé peut saisir le tribunal (www.telerecours.fr) : 5 rue Geoffroy Saint-Hilaire, CS 62039",
            "Œuvre, ÉTÉ, çà, où, « guillemets », ‹ › ’ “ ” – — · • ½ m² 1 000 €",
        ]
        for text in texts {
            for place in [MarkdownEscaping.Place.inline, .lineStart, .heading, .addressLine] {
                #expect(MarkdownEscaping.escaped(text, at: place) == text, "\(text)")
            }
            #expect(MarkdownRendering.inline(Text(text)) == text)
        }
    }

    @Test func styledRunsAreEscapedInsideTheirMarkers() {
        #expect(MarkdownRendering.inline(.strong("*30 000 €*") + " # " + .emphasis("a_") + .code("x`y")) == "**\\*30 000 €\\*** # *a\\_*``x`y``")
        #expect(MarkdownRendering.inline(.code("`x")) == "`` `x ``")
        // A styled run at the start of a line: its markers open the line, its blanks are dropped.
        #expect(MarkdownRendering.inline("    " + .strong("- a")) == "**- a**")
        #expect(MarkdownRendering.inline(.strong(" ") + "# a") == " \\# a")
        #expect(MarkdownRendering.inline(.strong("  ") + .emphasis("   a")) == "*a*")
        // Adjacent plain runs are escaped as one text: « & » then « amp; » is an entity.
        #expect(MarkdownRendering.inline(Text("Marc &") + Text("amp; Julie")) == "Marc \\&amp; Julie")
    }
}
