import ExactDecimal
import Foundation
import Imports
import Portfolios
import RuleSet
import SchemeLanguage
@testable import Simulation
import TestSupport
import Testing

/// The breakdowns by the maître d'ouvrage's commune: joined through the SIREN input the reform
/// names with the reference of communes, by population band and by arrondissement, the small
/// groups merged, the same figures in the three reports.
@Suite struct CommuneBreakdownTests {
    let files: SimulationTests
    let communes: CommuneReference

    init() throws {
        files = try SimulationTests()
        communes = try CommuneReference.load(rulesFolder: Repository.path("Rules")).get()
    }

    func reform(_ breakdown: String) throws -> Reform {
        try ReformLoader.load(path: try files.write("""
            name: Taux de 60 %
            rationale: Le taux des E.S.I. inscrits passe à 60 %.
            overrides:
              pdesi: {taux_inscrit: {value: 60 %}}
            breakdown:
            \(breakdown)
            """, name: "reform.yaml"), schemes: files.catalog.schemes).get()
    }

    func simulate(_ reform: Reform, _ paths: [String], communes: CommuneReference?) -> (SimulationSummary, [String]) {
        var rows: [String] = []
        let summary = Simulation(catalog: files.catalog, reform: reform, communes: communes)
            .run(paths: paths, row: { rows.append($0) }, csvFormat: .spreadsheet)
        return (summary, rows)
    }

    @Test func theReformNamesTheSirenInputBesideItsBreakdownInput() throws {
        let reform = try reform("  pdesi: {input: esi.categorie, commune: porteur.siren}")
        #expect(reform.breakdown == ["pdesi": "esi.categorie"] && reform.communes == ["pdesi": "porteur.siren"])
        let communeOnly = try self.reform("  pdesi: {commune: porteur.siren}")
        #expect(communeOnly.breakdown.isEmpty && communeOnly.communes == ["pdesi": "porteur.siren"])
    }

    @Test(arguments: [
        ("  pdesi: {commune: esi.categorie}", "n'est pas un texte"),
        ("  pdesi: {commune: porteur.sirene}", "vouliez-vous dire « porteur.siren »"),
        ("  pdesi: {communes: porteur.siren}", "communes"),
    ])
    func aWrongCommuneInputIsRefusedWhereWritten(_ breakdown: String, _ expected: String) throws {
        let path = try files.write("name: R\nrationale: R.\noverrides:\n  pdesi: {taux_inscrit: {value: 60 %}}\nbreakdown:\n\(breakdown)\n",
                                   name: "reform.yaml")
        guard case .failure(let list) = ReformLoader.load(path: path, schemes: files.catalog.schemes) else {
            Issue.record("\(breakdown) must be refused")
            return
        }
        #expect(list.description.contains("reform.yaml:6:") && list.description.contains(expected), "\(list.description)")
    }

    /// The samples: ten applications of communes of the reference, seven of EPCI, an
    /// association or a commune whose SIREN is fictitious.
    @Test func theSamplesAreJoinedThroughTheirRealSirens() throws {
        let (summary, rows) = simulate(try reform("  pdesi: {commune: porteur.siren}"), [Repository.path("Applications/pdesi")], communes: communes)
        let totals = try #require(summary.schemes["pdesi"])
        let unattached = rows.filter { $0.hasSuffix(";\(SimulationCSV.unattached);\(SimulationCSV.unattached)") }.count
        #expect(unattached == totals.byBand[SimulationSummary.unattachedLabel]?.count)
        #expect(unattached > 0 && unattached < totals.applications)
        // Every application in one band and one arrondissement, the amounts adding up to the total.
        for groups in [totals.byBand, totals.byTerritory] {
            #expect(groups.values.reduce(0) { $0 + $1.count } == totals.applications)
            #expect(try groups.values.reduce(DecimalNumber.zero) { try $0.adding($1.after) } == totals.amountAfter)
        }
        #expect(totals.byTerritory["Boulogne-sur-Mer"]?.count == 3, "Wimereux twice and Desvres")
        let impact = try #require(ReformImpact(summary, catalog: files.catalog).schemes.first { $0.id == "pdesi" })
        #expect(impact.unattached == unattached)
        // No group under five: the arrondissements of three files each are merged.
        #expect(impact.territoryGroups.allSatisfy { $0.count >= SchemeImpact.smallestGroup })
        #expect(impact.territoryGroups.contains { $0.label == SchemeImpact.othersLabel })
        #expect(!impact.territoryGroups.contains { $0.label == "Boulogne-sur-Mer" })
        let markdown = SimulationReport.markdown(summary, catalog: files.catalog)
        #expect(markdown.contains("#### \(SchemeImpact.territoryTitle)"))
        #expect(markdown.contains("\(FrenchFormat.count(unattached, "demande")) ne sont pas rattachées au référentiel"))
        #expect(markdown.contains("Les EPCI, syndicats et associations ne sont pas des communes"))
    }

    /// A generated portfolio of communes, fewer owners than communes: every one a real commune,
    /// each band and arrondissement in the three reports with the same figures.
    @Test func aGeneratedPortfolioOfCommunesIsBrokenDownInTheThreeReports() throws {
        let scheme = try #require(files.catalog.schemes["pdesi"])
        let text = PortfolioGenerator(scheme: scheme, seed: 11, count: 2_000, owners: 400, communes: communes).documents().joined()
        let path = try files.write(text, name: "portfolio.yaml")
        let (summary, rows) = simulate(try reform("  pdesi: {input: esi.categorie, commune: porteur.siren}"), [path], communes: communes)
        let totals = try #require(summary.schemes["pdesi"])
        #expect(totals.applications == 2_000)
        // Every owner is a commune of the reference: only the test cases without a SIREN (an
        // incomplete file) are not joined.
        let withoutSiren = text.components(separatedBy: "\n---\n").filter { !$0.contains("porteur.siren:") }.count
        #expect(withoutSiren > 0 && totals.byBand[SimulationSummary.unattachedLabel]?.count == withoutSiren)
        #expect(Set(totals.byTerritory.keys) == Set(communes.arrondissements + [SimulationSummary.unattachedLabel]))
        #expect(rows.allSatisfy { !$0.hasSuffix(";;") })
        let impact = ReformImpact(summary, catalog: files.catalog)
        let pdesi = try #require(impact.schemes.first { $0.id == "pdesi" })
        #expect(pdesi.populationGroups.count >= 5 && pdesi.territoryGroups.count == 8)
        #expect(pdesi.territoryGroups.last?.label == SimulationSummary.unattachedLabel)
        #expect(pdesi.communesIntroduction?.contains("\(FrenchFormat.count(withoutSiren, "demande")) ne sont pas rattachées") == true)
        let markdown = SimulationReport.markdown(impact), html = SimulationPage.html(impact)
        let written = SimulationPageTests.figures(markdown).sorted(), shown = SimulationPageTests.figures(SimulationPageTests.pageText(html)).sorted()
        #expect(written == shown, "figures only in the Markdown \(Set(written).subtracting(shown)), only in the page \(Set(shown).subtracting(written))")
        for group in pdesi.territoryGroups {
            let row = "| \(group.label) (\(group.applications)) | \(group.amounts.beforeText) | \(group.amounts.afterText) |"
            #expect(markdown.contains(row), "\(row)")
            #expect(html.contains(">\(group.label) (\(group.applications))</td>"), "\(group.label)")
        }
    }

    /// Without the reference, or without `commune:`, no commune breakdown and empty columns.
    @Test func nothingIsJoinedUnlessTheReformAsksAndTheReferenceIsRead() throws {
        let asks = try reform("  pdesi: {commune: porteur.siren}"), silent = try reform("  pdesi: esi.categorie")
        for (reform, reference) in [(asks, nil), (silent, communes)] as [(Reform, CommuneReference?)] {
            let (summary, rows) = simulate(reform, [Repository.path("Applications/pdesi")], communes: reference)
            let totals = try #require(summary.schemes["pdesi"])
            #expect(totals.byBand.isEmpty && totals.byTerritory.isEmpty)
            #expect(rows.allSatisfy { $0.hasSuffix(";;") })
            #expect(!SimulationReport.markdown(summary, catalog: files.catalog).contains(SchemeImpact.communesTitle))
        }
    }
}
