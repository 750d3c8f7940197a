import Foundation
import RuleSet
import SchemeLanguage
import Simulation
import TestSupport
import Testing

/// The reports name legal persons, never natural persons: the housing samples are all people.
@Suite struct ReportPrivacyTests {
    let catalog = FictitiousParameters.rules()

    /// Every applicant's name in the housing samples, with its last word alone ("Dubois").
    func names() throws -> [String] {
        let folder = Repository.path("Applications/logement")
        var names: Set<String> = []
        for file in try FileManager.default.contentsOfDirectory(atPath: folder) where file.hasSuffix(".yaml") {
            let text = try String(contentsOfFile: "\(folder)/\(file)", encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasPrefix("applicant: {name: ") {
                let name = String(line.dropFirst("applicant: {name: ".count).prefix { $0 != "," && $0 != "}" })
                names.insert(name)
                if let last = name.split(separator: " ").last { names.insert(String(last)) }
            }
        }
        return names.sorted()
    }

    @Test func noNaturalPersonIsNamedInAnyReport() throws {
        let names = try names()
        #expect(names.contains("Kevin Dubois") && names.count > 20, "the samples' names were not all read: \(names)")
        let reform = try ReformLoader.load(path: Repository.path("Rules/reforms/solvabilisation-600.yaml"), schemes: catalog.schemes).get()
        for format in SimulationCSV.Format.allCases {
            var csv = SimulationCSV.start(format) + "\n"
            let summary = Simulation(catalog: catalog, reform: reform)
                .run(paths: [Repository.path("Applications/logement")], row: { csv += $0 + "\n" }, csvFormat: format)
            #expect(summary.applications == 24)
            let markdown = SimulationReport.markdown(summary, catalog: catalog)
            let html = SimulationPage.html(summary, catalog: catalog)
            for name in names {
                #expect(!markdown.contains(name), "« \(name) » in the Markdown report")
                #expect(!html.contains(name), "« \(name) » in the page")
                #expect(!csv.contains(name), "« \(name) » in the CSV (\(format))")
            }
            // The one who gains is still there, as a person without a name.
            #expect(markdown.contains("| FSJ-2020-0102 | personne physique | 1\u{202F}500,00\u{00A0}€ |"))
            #expect(html.contains(">personne physique</td>"))
            // And the report says why.
            #expect(markdown.contains("Aucune personne physique n'est nommée"))
            #expect(html.contains("Aucune personne physique n'est nommée"))
        }
    }

    /// A commune keeps its name: it is public.
    @Test func legalPersonsKeepTheirNames() throws {
        let reform = try ReformLoader.load(path: Repository.path("Rules/reforms/pdesi-60.yaml"), schemes: catalog.schemes).get()
        let summary = Simulation(catalog: catalog, reform: reform).run(paths: [Repository.path("Applications/pdesi")])
        let winners = try #require(summary.schemes["pdesi"]?.winners)
        #expect(!winners.isEmpty && winners.allSatisfy { $0.applicant != "personne physique" })
    }
}

/// The CSV in its two forms.
@Suite struct SimulationCSVTests {
    let catalog = FictitiousParameters.rules()

    func lines(_ format: SimulationCSV.Format) throws -> [String] {
        let reform = try ReformLoader.load(path: Repository.path("Rules/reforms/solvabilisation-600.yaml"), schemes: catalog.schemes).get()
        var lines = [SimulationCSV.start(format)]
        _ = Simulation(catalog: catalog, reform: reform).run(paths: [Repository.path("Applications/logement")],
                                                             row: { lines.append($0) }, csvFormat: format)
        return lines
    }

    /// For a spreadsheet: a byte order mark, French headers, `;` and decimal commas.
    @Test func theSpreadsheetFormReadsAsFrenchSoftwareExpects() throws {
        let lines = try lines(.spreadsheet)
        #expect(Array(lines[0].utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(lines[0] == "\u{FEFF}Demande;Dispositif;Issue aujourd'hui;Montant aujourd'hui (€);Issue avec la réforme;Montant avec la réforme (€);Écart (€);Raison;Ventilation;Population de la commune;Arrondissement")
        #expect(lines.contains("FSJ-2020-0102;fonds-solvabilisation;favorable;1500,00;favorable;1800,00;300,00;l'étape « Total des aides "
                               + "mensuelles » du calcul change de valeur, car le paramètre « Plafond mensuel de l'aide » passe de "
                               + "500,00\u{00A0}€ à 600,00\u{00A0}€;;;"))
        // An application that does not change has no reason.
        #expect(lines.contains("FSJ-2020-0109;fonds-solvabilisation;à instruire;0,00;à instruire;0,00;0,00;;;;"))
        #expect(lines.allSatisfy { $0.split(separator: ";", omittingEmptySubsequences: false).count == 11 })
        #expect(lines.allSatisfy { $0.split(separator: ";").prefix(7).allSatisfy { !$0.contains(".") } })
    }

    /// For software: RFC 4180 as before, no byte order mark.
    @Test func theRFC4180FormIsUnchanged() throws {
        let lines = try lines(.rfc4180)
        #expect(lines[0] == "application,scheme,outcome_before,amount_before,outcome_after,amount_after,difference,reason,"
                + "breakdown,population_band,arrondissement")
        #expect(lines.contains { $0.hasPrefix("FSJ-2020-0102,fonds-solvabilisation,favorable,1500.00,favorable,1800.00,300.00,\"l'étape") })
        #expect(lines.contains("FSJ-2020-0101,fonds-solvabilisation,favorable,1380.00,favorable,1380.00,0.00,,,,"))
    }

    @Test func aFieldWithASemicolonIsQuoted() {
        #expect(SimulationCSV.spreadsheetField("a;b") == "\"a;b\"")
        #expect(SimulationCSV.spreadsheetField("a,b") == "a,b")
        #expect(SimulationCSV.spreadsheetField("dit \"x\"") == "\"dit \"\"x\"\"\"")
    }
}
