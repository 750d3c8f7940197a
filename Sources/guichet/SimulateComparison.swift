import ArgumentParser
import Platform
import RuleSet
import Simulation

extension Simulate {
    /// The folders of the two reforms' own reports, inside `--out`.
    static let comparedFolders = ["reforme-a", "reforme-b"]

    /// `--reform A --reform B`: each reform simulated against today's rules, one after the
    /// other, with the usual reports in its own folder; then the comparison of the two. The runs
    /// are sequential and each keeps only its summary, so memory stays that of one simulation.
    func compare(catalog: SchemeCatalog) throws {
        let reforms = try reform.map { try load($0, catalog: catalog) }
        let folder = try Console.outputFolder(out)
        // A one-reform run's files must not stay beside the comparison, read as one of its parts.
        for name in ["simulation.md", "simulation.html", "simulation.csv"] { try folder.remove(name) }
        var summaries: [SimulationSummary] = []
        for (index, loaded) in reforms.enumerated() {
            let letter = index == 0 ? "A" : "B"
            let name = Self.comparedFolders[index]
            let own = try Console.outputFolder(folder.path(name))
            Console.out("Réforme \(letter) : \(loaded.name)")
            let summary = try simulate(Simulation(catalog: catalog, reform: loaded, communes: rules.communes(for: loaded)), in: own)
            let impact = ReformImpact(summary, catalog: catalog)
            try own.write(SimulationReport.markdown(impact), to: "simulation.md")
            try own.write(SimulationPage.html(impact, on: WorkingFolder.today()), to: "simulation.html")
            for note in ReformReach.unselectedCalls(summary) + ReformReach.notes(summary) {
                Console.say(.warning, "réforme \(letter) : " + note)
            }
            if summary.interrupted {
                Console.out(outcomeLine(summary, in: "\(out)/\(name)") + " ; pas de comparaison")
                throw ExitCode(130)
            }
            Console.out(outcomeLine(summary, in: "\(out)/\(name)"))
            summaries.append(summary)
        }
        let comparison = ReformComparison(summaries[0], summaries[1], catalog: catalog)
        try folder.write(ComparisonReport.markdown(comparison), to: "comparaison.md")
        try folder.write(ComparisonPage.html(comparison, on: WorkingFolder.today()), to: "comparaison.html")
        Console.out("Comparaison des deux réformes dans \(out)/comparaison.md et \(out)/comparaison.html")
        if summaries.contains(where: { $0.errors > 0 }) { throw ExitCode(2) }
    }
}
