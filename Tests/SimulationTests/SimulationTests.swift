import Batch
import ExactDecimal
import Foundation
import Platform
import Portfolios
import Register
import RuleSet
import SchemeLanguage
import Simulation
import TestSupport
import Testing

/// Reforms: loading them against the schemes, and their effect on small portfolios computed by hand.
@Suite struct SimulationTests {
    /// The PDESI envelope, which the text leaves unset, given its fictitious sample value.
    let catalog = FictitiousParameters.rules()
    /// Removed with its content when the test is over.
    let temporary: TemporaryFolder

    init() throws {
        temporary = try TemporaryFolder("simulation")
    }

    // MARK: Portfolios

    func pdesi(_ id: String, siren: String, esi: String, category: String, expense: String) -> String {
        """
        ---
        scheme: pdesi
        id: \(id)
        filed: 2020-10-12
        applicant: {name: Maître d'ouvrage \(siren), kind: commune}
        facts:
          porteur: {siren: "\(siren)", habilite_pdesi: true}
          esi: {identifiant: \(esi), categorie: \(category)}
          projet:
            enjeux: [perennisation_acces]
            respect_normes: true
            validation_proprietaire: true
            projet_animation: true
            depense_eligible_ht: \(expense)
        pieces: [attestation-habilitation, attestation-normes, accord-proprietaire, projet-animation, devis]
        confirmed: all

        """
    }

    func solvency(_ id: String, rent: String, apl: String, months: Int) -> String {
        """
        ---
        scheme: fonds-solvabilisation
        id: \(id)
        filed: 2020-10-15
        applicant: {name: Jeune \(id)}
        facts:
          jeune: {identifiant: \(id), date_naissance: 2000-03-15, parcours_ase_62: true, contrat_jeune_majeur: false, insertion_professionnelle: true}
          accompagnement: {necessaire: false}
          fsl: {intervention: impossible}
          demande: {premier_mois: 2020-11-01, nombre_mois: \(months)}
          logement: {type: ordinaire, loyer: \(rent), charges: 0 €, apl: \(apl)}
        pieces: [piece-identite, quittance, attestation-caf, decision-fsl-loyer]
        confirmed: all
        findings: {ressources-insuffisantes: {satisfied: true}}

        """
    }

    /// Four PDESI files; the fourth is the first one's owner again, in the same year.
    var pdesiPortfolio: String {
        pdesi("P-1", siren: "216200001", esi: "ESI-1", category: "inscrit_1", expense: "60 000 €")
            + pdesi("P-2", siren: "216200002", esi: "ESI-2", category: "inscrit_2", expense: "100 000 €")
            + pdesi("P-3", siren: "216200003", esi: "ESI-3", category: "classe", expense: "50 000 €")
            + pdesi("P-4", siren: "216200001", esi: "ESI-4", category: "inscrit_1", expense: "40 000 €")
    }

    var solvencyPortfolio: String {
        solvency("S-1", rent: "1 000 €", apl: "200 €", months: 3)
            + solvency("S-2", rent: "500 €", apl: "270 €", months: 2)
            + solvency("S-3", rent: "600 €", apl: "50 €", months: 4)
    }

    func write(_ text: String, name: String) throws -> String {
        // A folder per file: a test may write two portfolios under one name.
        let folder = temporary.file(UUID().uuidString)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        let path = "\(folder)/\(name)"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func reform(_ relative: String) throws -> Reform {
        switch ReformLoader.load(path: Repository.path(relative), schemes: catalog.schemes) {
        case .success(let reform): return reform
        case .failure(let list): throw list
        }
    }

    func simulate(_ reform: Reform, _ portfolio: String) throws -> (SimulationSummary, [String]) {
        let path = try write(portfolio, name: "portfolio.yaml")
        var rows: [String] = []
        var problems: [String] = []
        let summary = Simulation(catalog: catalog, reform: reform).run(paths: [path], row: { rows.append($0) },
                                                                       problem: { problems.append($0.description) })
        #expect(problems.isEmpty, "\(problems)")
        return (summary, rows)
    }

    // MARK: Effects computed by hand

    /// Today: 30 000 (50 % of 60 000), 40 000 (capped), 35 000 (70 %), and 10 000 left under the
    /// owner's yearly cap of 40 000. Reform: 36 000 (60 %), 50 000 (capped), 35 000 unchanged,
    /// and 14 000 left under a cap of 50 000.
    @Test func theExamplePDESIReformRaisesInscribedSitesOnly() throws {
        let (summary, rows) = try simulate(try reform("Rules/reforms/pdesi-60.yaml"), pdesiPortfolio)
        let totals = try #require(summary.schemes["pdesi"])
        #expect(totals.amountBefore == DecimalNumber(115_000))
        #expect(totals.amountAfter == DecimalNumber(135_000))
        #expect(totals.outcomesBefore[.favorable] == 4 && totals.outcomesAfter[.favorable] == 4)
        #expect(rows.map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(7).joined(separator: ",") } == [
            "P-1,pdesi,favorable (retenue),30000.00,favorable (retenue),36000.00,6000.00",
            "P-2,pdesi,favorable (retenue),40000.00,favorable (retenue),50000.00,10000.00",
            "P-3,pdesi,favorable (retenue),35000.00,favorable (retenue),35000.00,0.00",
            "P-4,pdesi,favorable (retenue),10000.00,favorable (retenue),14000.00,4000.00",
        ])
        // P-1 rises with the rate, P-2 and P-4 with the cap; P-3 does not change.
        #expect(rows[0].contains("« Aide avant plafond »") && rows[1].contains("« Plafond disponible »") && rows[3].contains("« Plafond disponible »"))
        // No reason; the breakdown input's value, and no commune (the reform joins none).
        #expect(rows[2].hasSuffix(",0.00,,classe,,"))
        #expect(totals.byGroup["inscrit_1"]?.before == DecimalNumber(40_000) && totals.byGroup["inscrit_1"]?.after == DecimalNumber(50_000))
        #expect(totals.byGroup["classe"]?.before == DecimalNumber(35_000) && totals.byGroup["classe"]?.after == DecimalNumber(35_000))
        #expect(totals.winners.map(\.application) == ["P-2", "P-1", "P-4"])
        #expect(totals.losers.isEmpty)
        // Bands: unchanged, then 1 000 to 10 000 (three rises; 10 000 is not more than 10 000).
        #expect(totals.distribution == [0, 0, 0, 1, 0, 3, 0])
    }

    /// Residual rents 800, 230 and 550 € a month: today 500 × 3 + 230 × 2 + 500 × 4 = 3 960 €;
    /// with a 600 € cap, 600 × 3 + 230 × 2 + 550 × 4 = 4 460 €.
    @Test func theExampleSolvencyReformRaisesTheMonthlyCap() throws {
        let (summary, rows) = try simulate(try reform("Rules/reforms/solvabilisation-600.yaml"), solvencyPortfolio)
        let totals = try #require(summary.schemes["fonds-solvabilisation"])
        #expect(totals.amountBefore == DecimalNumber(3_960))
        #expect(totals.amountAfter == DecimalNumber(4_460))
        #expect(rows.map { $0.split(separator: ",", omittingEmptySubsequences: false)[6] } == ["300.00", "0.00", "200.00"])
    }

    // MARK: Reforms that change nothing

    @Test func noReformGivesAnEmptyDifference() throws {
        let (summary, _) = try simulate(.none, pdesiPortfolio + solvencyPortfolio)
        try expectNoDifference(summary, applications: 7)
    }

    /// A reform that restates today's values is also no change, on every bundled application.
    @Test func restatingTodaysValuesChangesNothing() throws {
        let text = """
            name: Statu quo
            rationale: Les valeurs votées, reprises à l'identique.
            overrides:
              pdesi: {taux_inscrit: {value: 50 %}, plafond_inscrit: {value: 40 000 €}}
              fonds-solvabilisation: {plafond_mensuel: {value: 500 €, from: 2020-01-01}}
            """
        let path = try write(text, name: "statu-quo.yaml")
        let restated = try ReformLoader.load(path: path, schemes: catalog.schemes).get()
        let summary = Simulation(catalog: catalog, reform: restated)
            .run(paths: [Repository.path("Applications/pdesi"), Repository.path("Applications/logement")])
        #expect(summary.errors == 0)
        try expectNoDifference(summary, applications: summary.applications)
        #expect(summary.applications > 30)
    }

    func expectNoDifference(_ summary: SimulationSummary, applications: Int) throws {
        #expect(summary.applications == applications)
        for (id, totals) in summary.schemes {
            #expect(totals.outcomesBefore == totals.outcomesAfter, "\(id)")
            #expect(totals.amountBefore == totals.amountAfter, "\(id)")
            #expect(totals.winners.isEmpty && totals.losers.isEmpty, "\(id)")
            #expect(totals.distribution[3] == totals.applications, "\(id)")
        }
    }

    // MARK: Reform files

    func problems(_ text: String) throws -> [String] {
        let path = try write(text, name: "reform.yaml")
        switch ReformLoader.load(path: path, schemes: catalog.schemes) {
        case .success: return []
        case .failure(let list): return list.diagnostics.map { $0.description.replacing(path, with: "reform.yaml") }
        }
    }

    @Test func anUnknownParameterIsLocatedWithASuggestion() throws {
        let found = try problems("""
            name: Essai
            rationale: Essai.
            overrides:
              pdesi:
                taux_inscrits: {value: 60 %}
            """)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("reform.yaml:5:5: erreur : « taux_inscrits » n'est pas un paramètre du dispositif pdesi ; vouliez-vous dire « taux_inscrit » ?") == true)
    }

    @Test func aValueOfTheWrongUnitIsLocated() throws {
        let found = try problems("""
            name: Essai
            rationale: Essai.
            overrides:
              fonds-solvabilisation:
                plafond_mensuel: {value: 60 %}
            """)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("reform.yaml:5:30: erreur : attendu un montant en euros") == true)
        #expect(found.first?.contains("overrides.fonds-solvabilisation.plafond_mensuel.value") == true)
    }

    @Test func anUnknownSchemeAndMissingFieldsAreReported() throws {
        let found = try problems("""
            name: Essai
            overrides:
              pdesy: {taux_inscrit: {value: 60 %}}
            """)
        #expect(found.contains { $0.contains("champ « rationale » manquant") })
        #expect(found.contains { $0.hasPrefix("reform.yaml:3:3: erreur : dispositif « pdesy » inconnu ; vouliez-vous dire « pdesi » ?") })
    }

    @Test func anUnknownBreakdownInputIsLocatedWithASuggestion() throws {
        let found = try problems("""
            name: Essai
            rationale: Essai.
            overrides:
              pdesi: {taux_inscrit: {value: 60 %}}
            breakdown:
              pdesi: esi.categori
            """)
        #expect(found == ["reform.yaml:6:10: erreur : donnée « esi.categori » inconnue du dispositif pdesi (une ventilation nomme la donnée dont les valeurs répartissent les montants) ; vouliez-vous dire « esi.categorie » ? [breakdown.pdesi]"])
    }

    // MARK: Synthetic portfolios

    @Test func generatedPortfoliosAreReproducibleAndInFilingOrder() throws {
        let scheme = try #require(catalog.schemes["pdesi"])
        let first = PortfolioGenerator(scheme: scheme, seed: 7, count: 200), second = PortfolioGenerator(scheme: scheme, seed: 7, count: 200)
        let documents = first.documents()
        #expect(documents == second.documents())
        let dates = documents.map { $0.split(separator: "\n").first { $0.hasPrefix("filed: ") } ?? "" }
        #expect(dates == dates.sorted())
        #expect(Set(dates).count > 50)
    }

    @Test func calibrationReportsEachGapAgainstTheTolerance() throws {
        var totals = SimulationSummary.SchemeTotals()
        totals.outcomesBefore = [.favorable: 2_080, .unfavorable: 1_091]
        totals.amountBefore = DecimalNumber(2_063_375)
        let checks = PortfolioCalibration(grants: 2_122, average: DecimalNumber(632), tolerance: 5).checks(totals)
        #expect(checks.map(\.gap) == [DecimalNumber(significand: -20, scale: 1), DecimalNumber(significand: 570, scale: 1)])
        #expect(checks.map(\.within) == [true, false])
        #expect(checks.map(\.line) == [
            "calibrage : 2\u{202F}080 décisions favorables pour 2\u{202F}122 attendues, écart -2,0\u{00A0}% : dans la tolérance",
            "calibrage : aide moyenne de 992,01\u{00A0}€ pour 632,00\u{00A0}€ attendus, écart +57,0\u{00A0}% : HORS de la tolérance",
        ])
        #expect(PortfolioCalibration.averageGrant(totals) == DecimalNumber(significand: 99_201, scale: 2))
        #expect(PortfolioCalibration.size(for: 2_122, pilotSize: 4_000, pilotGrants: 2_309) == 3_676)
        #expect(PortfolioCalibration.size(for: 10, pilotSize: 100, pilotGrants: 0) == nil)
    }

    // MARK: Reports

    @Test func theReportsStandAloneAndSayWhatChanged() throws {
        let summary = Simulation(catalog: catalog, reform: try reform("Rules/reforms/pdesi-60.yaml"))
            .run(paths: [Repository.path("Applications/pdesi")])
        let markdown = SimulationReport.markdown(summary, catalog: catalog)
        let html = SimulationPage.html(summary, catalog: catalog)
        #expect(markdown.contains("| Taux de participation pour un E.S.I. inscrit (1re ou 2e catégorie) | 50\u{00A0}% | 60\u{00A0}% à compter du 1er janvier 2020 |"))
        #expect(markdown.contains("Portefeuille : \(summary.applications) demandes évaluées"))
        #expect(!html.contains("src=") && !html.contains("href=") && !html.contains("<script"))
        // Three charts (outcomes, amounts, bands), each in a figure with its table.
        #expect(html.components(separatedBy: "<div class=\"chart\" role=\"img\" aria-label=").count - 1 == 3)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<html lang=\"fr\">"))
        // The same portfolio and reform give the same report, byte for byte.
        let again = Simulation(catalog: catalog, reform: try reform("Rules/reforms/pdesi-60.yaml"))
            .run(paths: [Repository.path("Applications/pdesi")])
        #expect(SimulationReport.markdown(again, catalog: catalog) == markdown)
        #expect(SimulationPage.html(again, catalog: catalog) == html)
    }

    @Test func badDocumentsAreReportedAndTheOthersSimulated() throws {
        let portfolio = pdesi("P-1", siren: "216200001", esi: "ESI-1", category: "inscrit_1", expense: "60 000 €")
            + "---\nscheme: pdesy\nid: X-1\n"
            + pdesi("P-2", siren: "216200002", esi: "ESI-2", category: "inscrit_2", expense: "deux cents €")
            + pdesi("P-3", siren: "216200003", esi: "ESI-3", category: "classe", expense: "50 000 €")
        let path = try write(portfolio, name: "portfolio.yaml")
        var problems: [String] = []
        let summary = Simulation(catalog: catalog, reform: try reform("Rules/reforms/pdesi-60.yaml"))
            .run(paths: [path], problem: { problems.append($0.description) })
        #expect(summary.applications == 2)
        #expect(summary.errors == 2)
        #expect(problems.count == 2)
        #expect(problems.first?.contains("dispositif « pdesy » inconnu") == true)
        #expect(problems.last?.contains("portfolio.yaml:") == true && problems.last?.contains("projet.depense_eligible_ht") == true)
    }

    /// The December file is given before the October one; the simulation still decides them in
    /// filing order, so October's grant uses up the owner's cap before December.
    @Test func aSmallPortfolioIsSimulatedInFilingOrder() throws {
        var rows: [String] = []
        let paths = ["Applications/pdesi/10-boulonnais-plafond-atteint.yaml", "Applications/pdesi/15-boulonnais-octobre.yaml"]
        let summary = Simulation(catalog: catalog, reform: .none).run(paths: paths.map(Repository.path), row: { rows.append($0) })
        #expect(summary.outOfOrder == 0)
        // A call's admissible projects come last, once its selection is made.
        #expect(rows.first?.hasPrefix("PDESI-2020-010,pdesi,défavorable,0.00,") == true)
        #expect(rows.last?.hasPrefix("PDESI-2020-017,pdesi,favorable (retenue),40000.00,") == true)
    }

    /// Filed in June, before the scheme was enforceable: refused, it takes nothing from the
    /// owner's cap, and the December project is granted.
    @Test func aRefusalOutsideThePeriodOfApplicationCountsForNoLimit() throws {
        var rows: [String] = []
        let paths = ["Applications/pdesi/10-boulonnais-plafond-atteint.yaml", "Applications/pdesi/00-boulonnais-juin.yaml"]
        _ = Simulation(catalog: catalog, reform: .none).run(paths: paths.map(Repository.path), row: { rows.append($0) })
        #expect(rows.first?.hasPrefix("PDESI-2020-016,pdesi,défavorable,0.00,") == true)
        #expect(rows.last?.hasPrefix("PDESI-2020-010,pdesi,favorable (retenue),10000.00,") == true)
    }

    @Test func aReusedIdIsReportedOnce() throws {
        let one = pdesi("P-1", siren: "216200001", esi: "ESI-1", category: "inscrit_1", expense: "60 000 €")
        let path = try write(one + one, name: "portfolio.yaml")
        var problems: [String] = []
        let summary = Simulation(catalog: catalog, reform: .none).run(paths: [path], problem: { problems.append($0.description) })
        #expect(summary.applications == 1 && summary.errors == 1)
        #expect(problems.first?.contains("la référence « P-1 » sert deux fois dans le portefeuille") == true)
    }

    @Test func theEnvelopeIsShownAsEachRunHasIt() throws {
        let text = """
            name: Enveloppe doublée
            rationale: Doubler l'enveloppe de l'appel à projets.
            overrides:
              pdesi: {enveloppe_appel: {value: 300 000 €}}
            """
        let doubled = try ReformLoader.load(path: try write(text, name: "enveloppe.yaml"), schemes: catalog.schemes).get()
        let (summary, _) = try simulate(doubled, pdesiPortfolio)
        let totals = try #require(summary.schemes["pdesi"])
        #expect(totals.envelopeBefore == DecimalNumber(150_000) && totals.envelopeAfter == DecimalNumber(300_000))
        let markdown = SimulationReport.markdown(summary, catalog: catalog)
        #expect(markdown.contains("| Utilisation | 76,7\u{00A0}% | 38,3\u{00A0}% |"))
        #expect(markdown.contains("| Enveloppe | 150\u{202F}000,00\u{00A0}€ (valeur fictive, pour les essais) | 300\u{202F}000,00\u{00A0}€ |"),
                "the sample value is fictitious, the reform's is not")
    }

    /// Too large to sort (the limit is set to nothing here), a portfolio is simulated in the
    /// order given, and the application filed earlier than one before it is reported where it is.
    @Test func aStreamedPortfolioOutOfFilingOrderIsReported() throws {
        var problems: [Diagnostic] = []
        let paths = ["Applications/pdesi/10-boulonnais-plafond-atteint.yaml", "Applications/pdesi/00-boulonnais-juin.yaml"]
        let summary = Simulation(catalog: catalog, reform: .none)
            .run(paths: paths.map(Repository.path), problem: { problems.append($0) }, sortingLimit: 0)
        #expect(summary.outOfOrder == 1 && summary.errors == 0 && summary.applications == 2)
        #expect(problems.count == 1)
        #expect(problems.first?.severity == .warning)
        #expect(problems.first?.mark.file.hasSuffix("00-boulonnais-juin.yaml") == true)
        #expect(problems.first?.description.contains("avertissement : demande déposée le 15 juin 2020, avant une demande déjà simulée (PDESI-2020-010") == true)
        #expect(SimulationReport.markdown(summary, catalog: catalog).contains("**Attention** : 1 demande du portefeuille était déposée avant"))
    }

    @Test func anInterruptedRunSaysSo() throws {
        let path = try write(pdesiPortfolio, name: "portfolio.yaml")
        let summary = Simulation(catalog: catalog, reform: .none).run(paths: [path], shouldStop: { true })
        #expect(summary.interrupted && summary.applications == 0)
        #expect(SimulationReport.markdown(summary, catalog: catalog).contains("**Simulation interrompue**"))
    }

    /// Ids cannot hold a comma, but applicants' texts in other CSVs can: one quoting for all.
    @Test func csvFieldsAreQuotedOnlyWhenTheyMustBe() {
        #expect(CSV.field("PDESI-2020-001") == "PDESI-2020-001")
        #expect(CSV.field("Dupont, Jean") == "\"Dupont, Jean\"")
        #expect(CSV.field("dit \"le Grand\"") == "\"dit \"\"le Grand\"\"\"")
        #expect(CSV.field("ligne\nsuivante") == "\"ligne\nsuivante\"")
    }

    @Test func aStreamingFileGivenUpLeavesNothingBehind() throws {
        let temporary = try TemporaryFolder("streaming")
        defer { withExtendedLifetime(temporary) {} }
        let folder = temporary.path
        do {
            let file = try StreamingFile(path: "\(folder)/out.csv")
            file.write(line: "a,b")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        let kept = try StreamingFile(path: "\(folder)/out.csv")
        kept.write(line: "a,b")
        try kept.commit()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.csv"])
        #expect(try String(contentsOfFile: "\(folder)/out.csv", encoding: .utf8) == "a,b\n")
    }
}
