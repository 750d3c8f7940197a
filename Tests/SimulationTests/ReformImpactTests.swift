import Batch
import Decisions
import Evaluator
import ExactDecimal
import Foundation
import Register
import RuleSet
import SchemeLanguage
@testable import Simulation
import Testing

/// The figures of a simulation report, computed once for the Markdown report and the page.
@Suite struct ReformImpactTests {
    /// The simulation tests' rules, files and portfolios.
    let files: SimulationTests

    init() throws {
        files = try SimulationTests()
    }
    var catalog: SchemeCatalog { files.catalog }

    /// A PDESI file of the simulation tests, under another applicant's name.
    func pdesi(_ id: String, applicant: String, siren: String, category: String, expense: String) -> String {
        files.pdesi(id, siren: siren, esi: "ESI-\(id)", category: category, expense: expense)
            .replacing("name: Maître d'ouvrage \(siren),", with: "name: \"\(applicant)\",")
    }

    func write(_ text: String, name: String) throws -> String {
        try files.write(text, name: name)
    }

    func reform(_ text: String, schemes: [String: Scheme]? = nil) throws -> Reform {
        try ReformLoader.load(path: try write(text, name: "reform.yaml"), schemes: schemes ?? catalog.schemes).get()
    }

    /// Today 30 000 + 40 000 + 35 000 = 105 000 €; with 60 % and a cap of 50 000 €, 36 000 +
    /// 50 000 + 35 000 = 121 000 €.
    func simulated() throws -> ReformImpact {
        let portfolio = pdesi("P-1", applicant: "Commune | Nord <SARL> & fils", siren: "216200001", category: "inscrit_1", expense: "60 000 €")
            + pdesi("P-2", applicant: "Commune de Deux", siren: "216200002", category: "inscrit_2", expense: "100 000 €")
            + pdesi("P-3", applicant: "Commune de Trois", siren: "216200003", category: "classe", expense: "50 000 €")
        let summary = Simulation(catalog: catalog, reform: try reform("""
            name: Essai
            rationale: Essai.
            overrides:
              pdesi: {taux_inscrit: {value: 60 %}, plafond_inscrit: {value: 50 000 €}}
            """)).run(paths: [try write(portfolio, name: "portfolio.yaml")])
        return ReformImpact(summary, catalog: catalog)
    }

    @Test func theFiguresAreExactAndThePercentagesRoundedOnce() throws {
        let scheme = try #require(try simulated().schemes.first)
        #expect(scheme.total.before == DecimalNumber(105_000) && scheme.total.after == DecimalNumber(121_000))
        #expect(scheme.total.difference == DecimalNumber(16_000))
        // 16 000 / 105 000 = 15,238… %
        #expect(scheme.total.percent == DecimalNumber(significand: 152, scale: 1))
        #expect(scheme.total.cells.last == "+16\u{202F}000,00\u{00A0}€ (+15,2\u{00A0}%)")
        let envelope = try #require(scheme.envelope)
        // 105 000 / 150 000 = 70 % exactly; 121 000 / 150 000 = 80,666… %
        #expect(envelope.usageBefore == DecimalNumber(70) && envelope.usageAfter == DecimalNumber(significand: 807, scale: 1))
        #expect(envelope.rows.last == ["Utilisation", "70,0\u{00A0}%", "80,7\u{00A0}%"])
        #expect(scheme.outcomes.first?.cells == ["favorable", "3", "3", "0"])
        #expect(scheme.winners.map(\.application) == ["P-2", "P-1"])
        #expect(scheme.bands.map(\.count) == [0, 0, 0, 1, 0, 2, 0])
    }

    @Test func percentagesRoundHalfUpAndNeedABase() {
        #expect(ReformImpact.percent(DecimalNumber(1), of: DecimalNumber(2_000)) == DecimalNumber(significand: 1, scale: 1))
        #expect(ReformImpact.percent(DecimalNumber(-1), of: DecimalNumber(2_000)) == DecimalNumber(significand: -1, scale: 1))
        #expect(ReformImpact.percent(DecimalNumber(1), of: DecimalNumber(3)) == DecimalNumber(significand: 333, scale: 1))
        #expect(ReformImpact.percent(DecimalNumber(5), of: .zero) == nil)
    }

    /// The page and the Markdown report had drifted apart ("Utilisation de l'enveloppe" against
    /// "Utilisation", two titles for the spread of the changes): both now show the same labels.
    @Test func theReportAndThePageShowTheSameLabels() throws {
        let impact = try simulated()
        let markdown = SimulationReport.markdown(impact), html = SimulationPage.html(impact)
        // A call's selection table holds its envelope.
        for title in [SchemeImpact.bandsTitle, SchemeImpact.winnersTitle, SchemeImpact.callTitle, ReformImpact.overridesTitle] {
            #expect(markdown.contains("# \(title)\n") && html.contains(">\(title)</h"), "\(title)")
        }
        #expect(markdown.contains("| Utilisation | 70,0\u{00A0}% | 80,7\u{00A0}% |"))
        #expect(html.contains("<tr><td data-label=\"\">Utilisation</td><td data-label=\"Aujourd'hui\" class=\"num\">70,0\u{00A0}%</td>"
                              + "<td data-label=\"Avec la réforme\" class=\"num\">80,7\u{00A0}%</td></tr>"))
    }

    /// An applicant's name keeps each table whole: its bar escaped in Markdown, its markup
    /// escaped in the page (a name on two lines is refused when the application is read).
    @Test func applicantsCannotBreakTheTables() throws {
        let impact = try simulated()
        #expect(SimulationReport.markdown(impact).contains("| P-1 | Commune \\| Nord <SARL> & fils | 30\u{202F}000,00\u{00A0}€ |"))
        #expect(SimulationPage.html(impact).contains("<td data-label=\"Demandeur\">Commune | Nord &lt;SARL&gt; &amp; fils</td>"))
    }

    /// Today's values of a parameter already dated read as `explain` writes them.
    @Test func todaysDatedValuesReadAsTheSchemeExplanationWritesThem() throws {
        let dated = try reform("""
            name: Hausse votée
            rationale: Plafond relevé en 2021.
            overrides:
              pdesi: {plafond_classe: {value: 45 000 €, from: 2021-01-01}}
            """)
        let voted = SchemeCatalog(schemes: catalog.schemes.mapValues(dated.apply))
        let trial = try reform("""
            name: Essai
            rationale: Essai.
            overrides:
              pdesi: {plafond_classe: {value: 50 000 €, from: 2022-01-01}}
            """, schemes: voted.schemes)
        let impact = ReformImpact(Simulation(catalog: voted, reform: trial).run(paths: []), catalog: voted)
        #expect(impact.overrides.first?.today == "40\u{202F}000,00\u{00A0}€ ; 45\u{202F}000,00\u{00A0}€ à compter du 1er janvier 2021")
        #expect(impact.overrides.first?.reformed == "50\u{202F}000,00\u{00A0}€ à compter du 1er janvier 2022")
        #expect(SimulationReport.markdown(impact).contains("à compter du 1er janvier 2021 | 50"))
    }

    @Test func theReportsTellWhatMayBeOff() throws {
        let path = try write(pdesi("P-1", applicant: "Commune", siren: "216200001", category: "inscrit_1", expense: "60 000 €")
                             + "---\nscheme: pdesy\nid: X-1\n---\nscheme: pdesy\nid: X-2\n", name: "portfolio.yaml")
        let summary = Simulation(catalog: catalog, reform: .none).run(paths: [path])
        let impact = ReformImpact(summary, catalog: catalog)
        #expect(impact.portfolio.first == .text("Portefeuille : 1 demande évaluée selon les règles actuelles et selon la réforme, "
                                                + "chacune des deux évaluations tenant son propre registre."))
        #expect(impact.portfolio.last == .text(" 2 documents n'ont pu être simulés en tout ou partie (voir les erreurs signalées par la commande)."))
        #expect(impact.method.contains(.code(summary.reform.file)))
        // The page shows code and emphasis as plain text.
        #expect(SimulationPage.html(impact).contains("Réforme : \(summary.reform.file). Aucune personne physique n'est nommée"))
        #expect(SimulationReport.markdown(impact).contains("Réforme : `\(summary.reform.file)`."))
    }
}
