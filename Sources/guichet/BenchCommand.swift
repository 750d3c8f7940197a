import ArgumentParser
import Batch
import Benchmarks
import ExactDecimal
import Foundation
import OpenDocument
import Platform
import RuleSet
import SchemeLanguage
import Simulation

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Mesure la lecture, l'évaluation, le rendu et l'écriture d'un flux de demandes générées (compilez avec -c release).",
        discussion: """
            Génère COUNT demandes d'un dispositif en un seul flux YAML, puis mesure chaque étape, \
            chacune comprenant les précédentes : la lecture du flux en nœuds, le décodage, \
            l'évaluation, l'écriture d'une ligne JSON par demande, et le rendu en mémoire du Markdown \
            et du JSON de chaque décision. Puis, une fois chacun : un lot inscrit dans un registre sur \
            disque, et ce que fait « guichet evaluate » sur les DOCUMENTS premières demandes (chaque \
            document écrit comme simulation, puis comme fiche d'instruction inscrite au registre, comme \
            dans un poste d'instruction), puis ce que fait « guichet decide » de ces fiches (chaque \
            acte écrit en JSON, Markdown, HTML et ODT, et inscrit). Sur un seul fil d'exécution : les \
            chiffres valent pour un cœur. Les durées sont en secondes et les débits en demandes (ou \
            actes) par seconde, écrits à la française (1 234,567 s ; 79 000 demandes/s).
            """)

    // Unconditional, so that `--count -5` reaches the check below rather than read as an option.
    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Combien de demandes générer.", valueName: "NOMBRE"))
    var count: Int = 100_000

    @Option(name: .long, help: ArgumentHelp("Le dispositif dont les demandes sont générées.", valueName: "DISPOSITIF"))
    var scheme: String = "pdesi"

    @Option(name: .long, help: ArgumentHelp("La graine du générateur ; la même graine donne le même flux.", valueName: "GRAINE"))
    var seed: UInt64 = 2020

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Le nombre de passages de chaque étape ; le plus rapide est retenu.", valueName: "NOMBRE"))
    var repeats: Int = 3

    @Option(name: .long, help: ArgumentHelp("Le dossier du flux généré et du résumé (par défaut, un dossier temporaire).", valueName: "DOSSIER"))
    var workDirectory: String?

    @Flag(name: .customLong("register"), inversion: .prefixedNo,
          help: "Mesurer aussi un lot entier avec le registre sur disque (chaque décision inscrite dans sa propre transaction).")
    var withRegister = true

    @Option(name: .long, parsing: .unconditional,
            help: ArgumentHelp("Sur combien de demandes du flux mesurer « guichet evaluate », documents écrits (0 : pas de mesure).", valueName: "NOMBRE"))
    var documents: Int = 20_000

    @Option(name: .long, help: ArgumentHelp("Mesurer aussi la simulation de cette réforme sur le flux (deux passages, registres en mémoire).", valueName: "FICHIER"))
    var reform: String?

    @OptionGroup var rules: RulesOption

    func validate() throws {
        guard count > 0 else {
            throw ValidationError("--count doit être un nombre strictement positif de demandes à générer, par exemple --count 100000 (reçu : \(count))")
        }
        guard documents >= 0 else {
            throw ValidationError("--documents doit être un nombre positif de demandes, ou 0 pour ne pas écrire de documents (reçu : \(documents))")
        }
        guard repeats > 0 else {
            throw ValidationError("--repeats doit être un nombre strictement positif de passages, par exemple --repeats 3 (reçu : \(repeats))")
        }
    }

    func run() throws {
        let catalog = try rules.catalog()
        let target = try rules.scheme(scheme, in: catalog)
        let folder = workDirectory ?? NSTemporaryDirectory() + "guichet-bench-\(getpid())"
        try OwnerOnlyFile.createFolder(folder)
        let stream = "\(folder)/applications.yaml"
        // Decided today: after every generated filing date, as a batch run now would be.
        let benchmark = Benchmark(catalog: catalog, scheme: target, referenceDate: WorkingFolder.today())
        try benchmark.generate(count: count, seed: seed, to: stream)
        var figures = try benchmark.measure(stream: stream, summary: "\(folder)/summary.jsonl", repeats: repeats)
        if withRegister { figures.registerSeconds = try benchmark.measureRegister(stream: stream, folder: folder) }
        Console.out(report(figures, stream: stream))
        if documents > 0 {
            try timeDocuments(benchmark, folder: folder)
            try timeActs(benchmark, folder: folder)
        }
        if let reform { try timeSimulation(reform, catalog: catalog, stream: stream) }
        if workDirectory == nil { try? FileManager.default.removeItem(atPath: folder) }
    }

    /// What 'guichet evaluate' does, once each: as a simulation, then as fiches with the register.
    private func timeDocuments(_ benchmark: Benchmark, folder: String) throws {
        let stream = "\(folder)/documents.yaml"
        // The first applications of the same stream: the generator depends on the seed and the index only.
        try benchmark.generate(count: min(documents, count), seed: seed, to: stream)
        for instruction in [false, true] {
            let figures = try benchmark.measureDocuments(stream: stream, folder: folder, instruction: instruction)
            let label = instruction ? "evaluate, fiches + registre (1 passage)" : "evaluate, simulations (1 passage)"
            let note = "  (\(FrenchFormat.count(figures.applications, "demande")), \(Self.megabytes(figures.bytes, 0)) de documents)"
            Console.out(Self.line(label, seconds: figures.seconds, count: figures.applications, unit: "demandes") + note)
        }
        let files = SentDocumentFiles(template: try? SentDocumentFiles.template(named: nil, rulesFolder: rules.rules))
        let decided = try benchmark.measureDecisions(stream: stream, folder: folder, files: files)
        let note = "  (\(FrenchFormat.count(decided.applications, "acte")), \(Self.megabytes(decided.bytes, 0)) de documents)"
        Console.out(Self.line("decide, actes en tous formats + registre (1 passage)", seconds: decided.seconds,
                              count: decided.applications, unit: "actes") + note)
    }

    /// The acts of the same applications, as the President's decisions: building each act, then
    /// each format alone (Markdown, HTML, ODT in the rules folder's template), in memory.
    private func timeActs(_ benchmark: Benchmark, folder: String) throws {
        let template = try? SentDocumentFiles.template(named: nil, rulesFolder: rules.rules)
        let figures = try benchmark.measureActs(stream: "\(folder)/documents.yaml", template: template ?? nil)
        func line(_ label: String, _ seconds: Double, _ bytes: Int? = nil) {
            let size = bytes.map { "  (\(Self.french(Double($0) / 1024 / Double(max(1, figures.acts)), 1)) Ko chacun)" } ?? ""
            Console.out(Self.line(label, seconds: seconds, count: figures.acts, unit: "actes") + size)
        }
        line("actes : lecture, évaluation, construction (\(FrenchFormat.count(figures.acts, "acte")))", figures.buildSeconds)
        line("actes : Markdown seul", figures.markdown.seconds, figures.markdown.bytes)
        line("actes : HTML seul", figures.html.seconds, figures.html.bytes)
        if let odt = figures.odt { line("actes : ODT seul", odt.seconds, odt.bytes) }
    }

    /// One run: a simulation is a long job whose figure is its wall time on the whole stream.
    private func timeSimulation(_ path: String, catalog: SchemeCatalog, stream: String) throws {
        guard case .success(let loaded) = ReformLoader.load(path: path, schemes: catalog.schemes) else {
            Console.say(.error, "la réforme ne se charge pas ; « guichet simulate --reform \(path) » dit pourquoi", at: path)
            throw ExitCode.failure
        }
        // The reference of communes, when the reform breaks down by commune, as simulate reads it.
        let communes = try rules.communes(for: loaded)
        let clock = ContinuousClock()
        var summary: SimulationSummary?
        let elapsed = clock.measure { summary = Simulation(catalog: catalog, reform: loaded, communes: communes).run(paths: [stream]) }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        Console.out(Self.line("simulation de la réforme (deux évaluations, 1 passage)", seconds: seconds,
                              count: summary?.applications ?? 0, unit: "demandes"))
    }

    private func report(_ figures: Benchmark.Figures, stream: String) -> String {
        let outcomes = figures.outcomes.sorted { $0.key.rawValue < $1.key.rawValue }.map { $0.key.counted($0.value) }
            + (figures.errors > 0 ? ["\(FrenchFormat.count(figures.errors)) en erreur"] : [])
        func row(_ label: String, _ seconds: Double) -> String {
            Self.line(label, seconds: seconds, count: figures.documents, unit: "demandes")
        }
        return """
            flux : \(FrenchFormat.count(figures.documents, "demande")) du dispositif « \(scheme) », \(Self.megabytes(figures.bytes, 1)) (\(stream))
            meilleur de \(FrenchFormat.count(repeats, "passage")) par étape, un seul cœur ; chaque étape comprend celles du dessus (le rendu : toutes sauf le résumé)
            \(row("boucle d'événements de libyaml seule (plafond)", figures.parseSeconds))
            \(row("lecture (YAML en nœuds)", figures.readSeconds))
            \(row("lecture + décodage", figures.decodeSeconds))
            \(row("lecture + décodage + évaluation", figures.evaluateSeconds))
            \(row("lecture + décodage + évaluation + résumé JSONL", figures.pipelineSeconds))
            \(row("lecture + décodage + évaluation + rendu MD, JSON", figures.renderSeconds))\(figures.registerSeconds.map { "\n" + row("lot par date de dépôt, registre sur disque (1 passage)", $0) } ?? "")
            issues : \(outcomes.joined(separator: ", "))
            """
    }
}

/// The bench's figures, written as French writes numbers: « 1,234 s », « 79 000 demandes/s ».
extension Bench {
    /// A label, then its seconds and its rate, right-aligned in columns.
    static func line(_ label: String, seconds: Double, count: Int, unit: String) -> String {
        let rate = seconds > 0 ? Double(count) / seconds : 0
        return Console.pad(label, 56) + aligned(french(seconds, 3) + " s", 12) + aligned(french(rate, 0), 12) + " \(unit)/s"
    }

    /// A number rounded to `decimals` places, grouped by thousands, with a decimal comma.
    static func french(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite, let number = DecimalNumber(canonical: String(format: "%.\(decimals)f", value)) else { return "—" }
        return number.frenchFormatted(minimumFractionDigits: decimals)
    }

    /// « 12,3 Mo ».
    static func megabytes(_ bytes: Int, _ decimals: Int) -> String {
        french(Double(bytes) / 1_048_576, decimals) + " Mo"
    }


    private static func aligned(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
