import Foundation
import Imports
import Portfolios
import RuleSet
import SchemeLanguage
import Simulation
import TestSupport
import Testing

/// The simulation reports (Markdown, HTML, CSV) compared byte for byte with reviewed copies, for
/// the bundled reforms on the sample applications and for a reform that moves grants both ways
/// on a generated portfolio.
///
/// After an intended change of the reports, regenerate the copies with
/// `GUICHET_UPDATE_GOLDEN=1 swift test --filter SimulationReportGoldenTests`, then read the diff.
@Suite struct SimulationReportGoldenTests {
    static let cases = ["pdesi-60", "solvabilisation-600", "generated"]
    /// The PDESI envelope, which the text leaves unset, given its fictitious sample value.
    let catalog = FictitiousParameters.rules()
    /// Removed with its content when the test is over.
    let temporary: TemporaryFolder

    init() throws {
        temporary = try TemporaryFolder("report-golden")
    }

    /// The reform file and the portfolio of each case.
    func inputs(_ name: String) throws -> (reform: String, portfolio: [String]) {
        switch name {
        case "pdesi-60": return ("Rules/reforms/pdesi-60.yaml", [Repository.path("Applications/pdesi")])
        case "solvabilisation-600": return ("Rules/reforms/solvabilisation-600.yaml", [Repository.path("Applications/logement")])
        default:
            let scheme = try #require(catalog.schemes["pdesi"])
            // An unreadable document at the end: the report says one document was not simulated.
            let text = PortfolioGenerator(scheme: scheme, seed: 7, count: 300).documents().joined() + "---\nscheme: pdesy\nid: X-1\n"
            let path = temporary.file("portfolio.yaml")
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return ("Tests/SimulationTests/Golden/generated/reform.yaml", [path])
        }
    }

    /// The three files `guichet simulate` writes, with the repository's path taken out of the
    /// method's line so that the copies do not depend on where the repository is.
    func reports(_ name: String) throws -> [String: String] {
        let (reformFile, portfolio) = try inputs(name)
        let reform = try ReformLoader.load(path: Repository.path(reformFile), schemes: catalog.schemes).get()
        // The CSV as `simulate` writes it by default, for a spreadsheet.
        var csv = SimulationCSV.start(.spreadsheet) + "\n"
        // The reference of communes, as `simulate` reads it from the rules folder.
        let communes = try CommuneReference.load(rulesFolder: Repository.path("Rules")).get()
        let summary = Simulation(catalog: catalog, reform: reform, communes: communes).run(paths: portfolio, row: { csv += $0 + "\n" }, csvFormat: .spreadsheet)
        let local = { (text: String) in text.replacing(Repository.root + "/", with: "") }
        return ["simulation.md": local(SimulationReport.markdown(summary, catalog: catalog)),
                "simulation.html": local(SimulationPage.html(summary, catalog: catalog)),
                "simulation.csv": csv]
    }

    @Test(arguments: cases)
    func reportsMatchTheReviewedCopies(_ name: String) throws {
        let golden = Repository.path("Tests/SimulationTests/Golden/\(name)")
        let produced = try reports(name)
        if ProcessInfo.processInfo.environment["GUICHET_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(atPath: golden, withIntermediateDirectories: true)
            for (file, text) in produced { try Data(text.utf8).write(to: URL(fileURLWithPath: "\(golden)/\(file)")) }
            return
        }
        // Byte for byte: the CSV's byte order mark is part of what is reviewed.
        for (file, text) in produced.sorted(by: { $0.key < $1.key }) {
            let reviewed = try Data(contentsOf: URL(fileURLWithPath: "\(golden)/\(file)"))
            #expect(Data(text.utf8) == reviewed, "\(name)/\(file) differs from its reviewed copy")
        }
    }
}
