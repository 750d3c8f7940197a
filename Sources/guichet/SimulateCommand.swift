import ArgumentParser
import Batch
import Foundation
import Imports
import Platform
import RuleSet
import SchemeLanguage
import Simulation

struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare les décisions d'un portefeuille sous les règles en vigueur et sous une réforme.",
        discussion: """
            Chaque demande est évaluée deux fois, chaque passage avec son propre registre en mémoire \
            (le registre sur disque n'est jamais touché). Écrit simulation.md et simulation.html (un \
            rapport en français, avec graphiques, lisible hors ligne) et simulation.csv (chaque demande \
            avant et après). Pour un appel à projets, les projets admissibles sont classés et retenus \
            dans la limite de l'enveloppe à chaque passage, et seuls les projets retenus comptent comme \
            accordés ; sans enveloppe fixée (--parametres ou guichet.yaml), le rapport dit que l'appel \
            n'a pu être sélectionné. Ctrl-C arrête proprement et rend compte de ce qui a été simulé. Codes de \
            sortie : 0 en cas de succès ; 1 si la réforme ou les règles ne se chargent pas ou si le \
            dossier de sortie ne peut être écrit ; 2 si des demandes n'ont pu être simulées (le rapport \
            est écrit sans elles) ; 130 après Ctrl-C (le rapport couvre ce qui a été simulé) ; 64 pour \
            un usage incorrect.
            """)

    @Option(name: .long, help: ArgumentHelp("""
        Le fichier de la réforme (voir Rules/reforms/). Donné deux fois, les deux réformes sont simulées \
        l'une après l'autre et comparées : le rapport habituel de chacune dans DOSSIER/reforme-a et \
        DOSSIER/reforme-b, la comparaison dans DOSSIER/comparaison.md et DOSSIER/comparaison.html.
        """, valueName: "FICHIER"))
    var reform: [String]

    @Argument(help: ArgumentHelp("Fichiers ou dossiers de demandes (un fichier peut en contenir beaucoup).", valueName: "DEMANDES"))
    var portfolio: [String]

    @Option(name: .long, help: ArgumentHelp("Le dossier du rapport.", valueName: "DOSSIER"))
    var out: String = "simulation"

    @Option(name: .customLong("csv-format"), help: ArgumentHelp("""
        La forme de simulation.csv : tableur (par défaut : point-virgule, virgule décimale, en-têtes en \
        français, UTF-8 avec BOM, ce que LibreOffice et Excel ouvrent tels quels) ou rfc4180 (virgule, \
        point décimal, en-têtes en anglais, sans BOM, pour un logiciel).
        """, valueName: "FORME"), transform: Simulate.csvFormat)
    var csvFormat: SimulationCSV.Format = .spreadsheet

    @OptionGroup var rules: RulesOption

    func validate() throws {
        guard (1...2).contains(reform.count) else {
            throw ValidationError("--reform se donne une fois (une réforme à simuler) ou deux fois (deux réformes à comparer) ; "
                                  + "la commande en a reçu \(reform.count).")
        }
    }

    func run() throws {
        let catalog = try rules.catalog()
        Console.report(catalog)
        if reform.count == 2 { return try compare(catalog: catalog) }
        let reform = reform[0]
        let loaded = try load(reform, catalog: catalog)
        let folder = try Console.outputFolder(out)
        for name in ["comparaison.md", "comparaison.html"] { try folder.remove(name) }
        let summary = try simulate(Simulation(catalog: catalog, reform: loaded, communes: rules.communes(for: loaded)), in: folder)
        let impact = ReformImpact(summary, catalog: catalog)
        try folder.write(SimulationReport.markdown(impact), to: "simulation.md")
        try folder.write(SimulationPage.html(impact, on: WorkingFolder.today()), to: "simulation.html")
        for note in ReformReach.unselectedCalls(summary) + ReformReach.notes(summary) { Console.say(.warning, note) }
        Console.out(outcomeLine(summary))
        if summary.interrupted { throw ExitCode(130) }
        if summary.errors > 0 { throw ExitCode(2) }
    }

    /// The reform of `path`, or its errors printed and exit code 1.
    func load(_ path: String, catalog: SchemeCatalog) throws -> Reform {
        switch ReformLoader.load(path: path, schemes: catalog.schemes) {
        case .success(let found): return found
        case .failure(let list):
            for diagnostic in list.diagnostics { Console.error(diagnostic.description) }
            Console.error("La réforme n'a pas été simulée : corrigez \(path) et relancez la commande.")
            throw ExitCode.failure
        }
    }

    func simulate(_ simulation: Simulation, in folder: OutputFolder) throws -> SimulationSummary {
        Interruption.install()
        let csv = try StreamingFile(path: folder.path("simulation.csv"))
        csv.write(line: SimulationCSV.start(csvFormat))
        let progress = Progress("simulation")
        let summary = simulation.run(paths: portfolio, row: csv.write(line:),
                                     problem: { Console.error($0.description) }, progress: progress.update,
                                     shouldStop: { Interruption.isRequested }, csvFormat: csvFormat)
        progress.finish()
        try csv.commit()
        return summary
    }

    static func csvFormat(_ text: String) throws -> SimulationCSV.Format {
        guard let format = SimulationCSV.Format(rawValue: text) else {
            throw ValidationError("forme de CSV inconnue « \(text) » : " + SimulationCSV.Format.allCases.map(\.rawValue).joined(separator: " ou "))
        }
        return format
    }

    func outcomeLine(_ summary: SimulationSummary, in folder: String? = nil) -> String {
        let out = folder ?? self.out
        var line = FrenchFormat.count(summary.applications, "demande simulée", "demandes simulées")
        if summary.errors > 0 {
            line += ", \(FrenchFormat.count(summary.errors)) \(FrenchFormat.agreed(summary.errors, "non simulée", "non simulées")) (voir les erreurs ci-dessus)"
        }
        if summary.interrupted { line += " ; interrompue : le rapport couvre les demandes simulées jusque-là" }
        return line + " ; rapport dans \(out)/simulation.md, \(out)/simulation.html et \(out)/simulation.csv"
    }
}
