import ArgumentParser
import Batch
import Foundation
import Platform
import RuleSet
import SchemeLanguage
import Simulation

struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare a portfolio's decisions under today's rules and under a reform.",
        discussion: """
            Each application is evaluated twice, each run with its own register in memory (the \
            register on disk is never touched). Writes simulation.md and simulation.html (a French \
            report with charts, readable offline) and simulation.csv (every application before and \
            after). Ctrl-C stops cleanly and reports what was simulated so far.
            """)

    @Option(name: .long, help: "The reform file (see Rules/reforms/).")
    var reform: String

    @Argument(help: "Application files or folders (a file may hold many applications).")
    var portfolio: [String]

    @Option(name: .long, help: "Folder for the report.")
    var out: String = "simulation"

    @OptionGroup var rules: RulesOption

    func run() throws {
        let catalog = try rules.catalog()
        Console.report(catalog)
        let loaded: Reform
        switch ReformLoader.load(path: reform, schemes: catalog.schemes) {
        case .success(let found): loaded = found
        case .failure(let list):
            for diagnostic in list.diagnostics { Console.error(diagnostic.description) }
            Console.error("the reform was not simulated; fix \(reform) and run again.")
            throw ExitCode.failure
        }
        let folder = try Console.outputFolder(out)
        let summary = try simulate(Simulation(catalog: catalog, reform: loaded), in: folder)
        let impact = ReformImpact(summary, catalog: catalog)
        try folder.write(SimulationReport.markdown(impact), to: "simulation.md")
        try folder.write(SimulationPage.html(impact), to: "simulation.html")
        Console.out(outcomeLine(summary))
        if summary.interrupted { throw ExitCode(130) }
        if summary.errors > 0 { throw ExitCode(2) }
    }

    private func simulate(_ simulation: Simulation, in folder: OutputFolder) throws -> SimulationSummary {
        Interruption.install()
        let csv = try StreamingFile(path: folder.path("simulation.csv"))
        csv.write(line: SimulationSummary.csvHeader)
        let progress = Progress("simulating")
        let summary = simulation.run(paths: portfolio, row: csv.write(line:),
                                     problem: { Console.error($0.description) }, progress: progress.update,
                                     shouldStop: { Interruption.isRequested })
        progress.finish()
        try csv.commit()
        return summary
    }

    private func outcomeLine(_ summary: SimulationSummary) -> String {
        var line = "\(summary.applications) applications simulated"
        if summary.errors > 0 { line += ", \(summary.errors) not simulated (see the errors above)" }
        if summary.interrupted { line += "; interrupted: the report covers the applications simulated so far" }
        return line + "; report in \(out)/simulation.md, \(out)/simulation.html and \(out)/simulation.csv"
    }
}
