import ExactDecimal
import Foundation
import SchemeLanguage
@testable import Simulation
import Testing

/// The HTML page against the Markdown report: the same figures, the headline first, charts
/// people can read (with their tables and names), and a page that fits a phone and prints.
@Suite struct SimulationPageTests {
    /// The three reviewed cases: the bundled reforms on the samples, and a reform that moves
    /// grants both ways on a generated portfolio.
    static let cases = SimulationReportGoldenTests.cases

    func reports(_ name: String) throws -> (markdown: String, html: String) {
        let reports = try SimulationReportGoldenTests().reports(name)
        return (try #require(reports["simulation.md"]), try #require(reports["simulation.html"]))
    }

    /// Every French figure of a text, as written ("+27 999,99", "16,2", "7"), in order.
    static func figures(_ text: String) -> [String] {
        let figure = /[+\-]?\d+(?:[\u{202F}\u{00A0}]\d{3})*(?:,\d+)?/
        return text.matches(of: figure).map { String($0.output) }
    }

    /// The page without its head and its charts, tags taken out: what the tables and the text say.
    static func pageText(_ html: String) -> String {
        var body = html.replacing(/<head>[\s\S]*?<\/head>/, with: "")
        // A chart is always followed by its table.
        body = body.replacing(/<div class="chart"[\s\S]*?(?=<div class="scroll">)/, with: "")
        return body.replacing(/<[^>]*>/, with: " ").replacing("&lt;", with: "<").replacing("&gt;", with: ">")
            .replacing("&quot;", with: "\"").replacing("&amp;", with: "&")
    }

    /// The charts' own figures.
    static func chartText(_ html: String) -> String {
        html.matches(of: /<div class="chart"[\s\S]*?(?=<div class="scroll">)/).map { String($0.output) }.joined(separator: " ")
            .replacing(/<[^>]*>/, with: " ")
    }

    @Test(arguments: cases)
    func theMarkdownAndThePageShowTheSameFigures(_ name: String) throws {
        let (markdown, html) = try reports(name)
        let written = Self.figures(markdown).sorted(), shown = Self.figures(Self.pageText(html)).sorted()
        #expect(written.count > 30)
        #expect(written == shown, "\(name): figures only in the Markdown \(Set(written).subtracting(shown)), only in the page \(Set(shown).subtracting(written))")
        // And every figure of a chart is in the tables: a chart shows nothing the tables do not.
        let charted = Set(Self.figures(Self.chartText(html)))
        #expect(!charted.isEmpty && charted.isSubset(of: Set(shown)), "\(name): \(charted.subtracting(shown))")
    }

    /// The reasons, section by section: the same sentences, hence the same counts and amounts.
    @Test(arguments: cases)
    func theMarkdownAndThePageGiveTheSameReasons(_ name: String) throws {
        let (markdown, html) = try reports(name)
        // Each scheme's section « Pourquoi les résultats changent », up to the next heading.
        let written = markdown.components(separatedBy: "### \(SchemeImpact.reasonsTitle)\n").dropFirst().flatMap { section in
            section.components(separatedBy: "\n#")[0].split(separator: "\n").filter { $0.hasPrefix("- ") }.map { String($0.dropFirst(2)) }
        }
        let shown = html.matches(of: /<ul class="reasons">([\s\S]*?)<\/ul>/).flatMap { match in
            match.output.1.matches(of: /<li>(.*?)<\/li>/).map { Self.pageText(String($0.output.1)).trimmingCharacters(in: .whitespaces) }
        }
        #expect(!shown.isEmpty)
        #expect(written == shown)
        #expect(Self.figures(written.joined(separator: " ")) == Self.figures(shown.joined(separator: " ")))
    }

    @Test(arguments: cases)
    func bothReportsOpenWithTheHeadline(_ name: String) throws {
        let (markdown, html) = try reports(name)
        let markdownLines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(markdownLines[2] == "## En bref")
        #expect(markdownLines[4].hasPrefix("- Coût de la réforme") || markdownLines[4].hasPrefix("- Économie")
                || markdownLines[4].hasPrefix("- La réforme ne change pas"))
        let headline = try #require(html.firstRange(of: "<section class=\"headline\""))
        #expect(try #require(html.firstRange(of: "</h1>")).upperBound <= headline.lowerBound)
        #expect(try #require(html.firstRange(of: "<h2>Paramètres modifiés</h2>")).lowerBound > headline.upperBound)
    }

    /// 30 000 + 40 000 + 35 000 = 105 000 € today, 36 000 + 50 000 + 35 000 = 121 000 € with
    /// the reform (ReformImpactTests): two applications gain, 6 000 and 10 000 €.
    @Test func theHeadlineSaysTheCostTheBeneficiariesTheGainersAndTheLargestChange() throws {
        let impact = try ReformImpactTests().simulated()
        #expect(impact.headline == [
            "Coût de la réforme pour une année de demandes comme celles du portefeuille : +16\u{202F}000,00\u{00A0}€ (+15,2\u{00A0}%) ; "
                + "les montants accordés passent de 105\u{202F}000,00\u{00A0}€ à 121\u{202F}000,00\u{00A0}€.",
            "Demandes aidées (décision favorable et, pour un appel à projets, projet retenu) : 3 aujourd'hui, 3 avec la réforme (0).",
            "Appel à projets « Aide à l'aménagement des Espaces, Sites et Itinéraires inscrits ou classés au P.D.E.S.I. » : "
                + "3 lauréats aujourd'hui (105\u{202F}000,00\u{00A0}€ accordés) et 3 lauréats avec la réforme (121\u{202F}000,00\u{00A0}€ accordés), "
                + "dans une enveloppe de 150\u{202F}000,00\u{00A0}€ (fictive) ; liste d'attente : 0 projet aujourd'hui, 0 projet avec la réforme ; "
                + "pour financer tous les projets admissibles, il faudrait une enveloppe de 105\u{202F}000,00\u{00A0}€ aujourd'hui et de "
                + "121\u{202F}000,00\u{00A0}€ avec la réforme.",
            "Gagnants et perdants : 2 demandes reçoivent davantage (+16\u{202F}000,00\u{00A0}€ au total) ; aucune ne reçoit moins.",
            "Plus forte variation : +10\u{202F}000,00\u{00A0}€ pour la demande P-2, de 40\u{202F}000,00\u{00A0}€ à 50\u{202F}000,00\u{00A0}€.",
        ])
    }

    /// The generated case's reform moves grants both ways: the gains and the losses add up to
    /// the net difference, whichever side the report could add up in full.
    @Test func gainsAndLossesAddUpToTheDifference() throws {
        let markdown = try reports("generated").markdown
        let line = try #require(markdown.split(separator: "\n").first { $0.hasPrefix("- Gagnants et perdants") })
        #expect(line.contains("reçoivent davantage") && line.contains("moins"))
        // Ten winners of 40 000 € kept (projects on today's waiting list that the reform's larger
        // envelope retains), all alike: there may be more than the ten.
        #expect(markdown.contains("- Plus forte variation : +40\u{202F}000,00\u{00A0}€ pour la demande PDESI-1, de 0,00\u{00A0}€ "
                                  + "à 40\u{202F}000,00\u{00A0}€, comme pour au moins 9 autres demandes.\n"))
        // Today's laureate PDESI-2020-014 is pushed to the waiting list by the larger grants ranked before it.
        #expect(try reports("pdesi-60").markdown.contains("- Gagnants et perdants : 4 demandes reçoivent davantage (+40\u{202F}000,00\u{00A0}€ au total) ; "
                                                          + "1 demande reçoit moins (-39\u{202F}999,99\u{00A0}€ au total).\n"))
        let impact = try ReformImpactTests().simulated()
        let scheme = try #require(impact.schemes.first)
        #expect(scheme.gained == DecimalNumber(16_000) && scheme.lost == .zero)
        #expect(scheme.gainers == 2 && scheme.losersCount == 0)
    }

    /// The solvency reform leaves the rent-debt fund as it is: one line, no section of zeros.
    @Test func aSchemeTheReformDoesNotTouchTakesOneLine() throws {
        let (markdown, html) = try reports("solvabilisation-600")
        let title = "Prévention des expulsions locatives – fonds de soutien aux dettes de loyer"
        #expect(!markdown.contains("## \(title)") && !html.contains("<h2>\(title)</h2>"))
        let line = "\(title) : 6 demandes, aucune issue ni aucun montant modifié (10\u{202F}100,00\u{00A0}€ accordés dans les deux cas)."
        #expect(markdown.contains("## Dispositifs que la réforme ne modifie pas\n\n- \(line)\n"))
        #expect(html.contains("<li>\(line)</li>"))
        // The headline adds up the three schemes, and says so.
        #expect(markdown.contains("+300,00\u{00A0}€ (+1,3\u{00A0}%) ; les montants accordés par les 3 dispositifs du portefeuille passent de "
                                  + "23\u{202F}405,00\u{00A0}€ à 23\u{202F}705,00\u{00A0}€.\n"))
        // The scheme it changes keeps its sections.
        #expect(markdown.contains("## Fonds de solvabilisation"))
    }

    @Test(arguments: cases)
    func everyChartHasANameATableAndAChange(_ name: String) throws {
        let html = try reports(name).html
        let figures = html.components(separatedBy: "<figure>").dropFirst()
        #expect(!figures.isEmpty)
        for figure in figures {
            let figure = figure.components(separatedBy: "</figure>")[0]
            #expect(figure.contains("<figcaption>") && figure.contains("<table"))
            #expect(figure.contains("<div class=\"chart\" role=\"img\" aria-label=\""))
            // Comparison charts draw the change as a bar of its own; the bands are changes.
            #expect(figure.contains("<div class=\"bar change\">") || figure.contains("baisse de plus de 10"))
        }
        #expect(!html.contains("font-size=\"10\"") && !html.contains("10px"))
    }

    /// A small change draws a bar as long as the largest change of its chart, not a sliver
    /// next to two long bars of levels.
    @Test func aSmallChangeIsVisible() throws {
        let html = SimulationPage.html(try ReformImpactTests().simulated())
        // The total rises by 15,2 %: its change bar is full length, like the levels'.
        let total = try #require(html.firstRange(of: "<div class=\"label\">Total</div>"))
        let row = html[total.upperBound...].prefix(800)
        #expect(row.contains("<i class=\"gain\" style=\"--share:1.000\"></i><span class=\"value\">+16\u{202F}000,00\u{00A0}€</span>"))
    }

    @Test func thePageFitsAPhoneAndPrintsOnA4WithItsFooter() throws {
        let impact = try ReformImpactTests().simulated()
        let html = SimulationPage.html(impact, on: LocalDate(year: 2026, month: 3, day: 2)!)
        #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        #expect(html.contains("@media (max-width:50rem)") && html.contains("size:A4"))
        #expect(html.contains("break-inside:avoid"))
        #expect(html.contains("@bottom-left{content:\"Simulation : Essai — 2 mars 2026\""))
        // A name cannot end the style sheet.
        #expect(SimulationPage.cssString("a</style>\"b\\") == "a\\3c /style>\\22 b\\5c ")
    }
}
