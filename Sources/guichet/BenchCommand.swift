import ArgumentParser
import Batch
import Benchmarks
import Foundation
import OpenDocument
import Platform
import RuleSet
import SchemeLanguage
import Simulation

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time reading, evaluating, rendering and writing a generated stream of applications (build with -c release).",
        discussion: """
            Generates COUNT applications of a scheme as one YAML stream, then measures each stage, \
            each including those before it: reading the stream into nodes, decoding, evaluating, \
            writing one JSON line per application, and rendering each decision's Markdown and JSON \
            in memory. Then, once each, a batch recorded in a register on disk, and what \
            'guichet evaluate' does on the first DOCUMENTS applications: every document written \
            as a simulation, then as an instructor's fiche recorded in a register (as in a working \
            folder), then what 'guichet decide' does with those fiches: each act written as JSON, \
            Markdown, HTML and ODT and recorded. Single-threaded: the figures are per core.
            """)

    // Unconditional, so that `--count -5` reaches the check below rather than read as an option.
    @Option(name: .long, parsing: .unconditional, help: "How many applications to generate.")
    var count: Int = 100_000

    @Option(name: .long, help: "The scheme whose applications are generated.")
    var scheme: String = "pdesi"

    @Option(name: .long, help: "Seed of the generator; the same seed gives the same stream.")
    var seed: UInt64 = 2020

    @Option(name: .long, parsing: .unconditional, help: "Runs of each stage; the fastest is reported.")
    var repeats: Int = 3

    @Option(name: .long, help: "Folder for the generated stream and the summary (default: a temporary folder).")
    var workDirectory: String?

    @Flag(name: .customLong("register"), inversion: .prefixedNo,
          help: "Also time a whole batch with the register on disk (each decision recorded in its own transaction).")
    var withRegister = true

    @Option(name: .long, parsing: .unconditional,
            help: "How many of the stream's applications 'guichet evaluate' is timed on, documents written (0: not timed).")
    var documents: Int = 20_000

    @Option(name: .long, help: "Also time simulating this reform on the stream (both runs, registers in memory).")
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
        guard let target = catalog.schemes[scheme] else {
            Console.report(catalog)
            Console.error("error: unknown scheme '\(scheme)'")
            throw ExitCode.failure
        }
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
            let label = instruction ? "evaluate, fiches + register (1 run)" : "evaluate, simulations (1 run)"
            let megabytes = Double(figures.bytes) / 1_048_576
            Console.out("\(Console.pad(label, 48))\(String(format: "%8.3f", figures.seconds)) s  \(String(format: "%9.0f", figures.rate)) applications/s  (\(figures.applications) applications, \(String(format: "%.0f", megabytes)) MB of documents)")
        }
        let files = SentDocumentFiles(template: try? SentDocumentFiles.template(named: nil, rulesFolder: rules.rules))
        let decided = try benchmark.measureDecisions(stream: stream, folder: folder, files: files)
        let megabytes = Double(decided.bytes) / 1_048_576
        Console.out("\(Console.pad("decide, acts in every format + register (1 run)", 48))\(String(format: "%8.3f", decided.seconds)) s  \(String(format: "%9.0f", decided.rate)) acts/s  (\(decided.applications) acts, \(String(format: "%.0f", megabytes)) MB of documents)")
    }

    /// The acts of the same applications, as the President's decisions: building each act, then
    /// each format alone (Markdown, HTML, ODT in the rules folder's template), in memory.
    private func timeActs(_ benchmark: Benchmark, folder: String) throws {
        let template = try? SentDocumentFiles.template(named: nil, rulesFolder: rules.rules)
        let figures = try benchmark.measureActs(stream: "\(folder)/documents.yaml", template: template ?? nil)
        func line(_ label: String, _ seconds: Double, _ bytes: Int? = nil) {
            let size = bytes.map { String(format: "  (%.1f KB each)", Double($0) / 1024 / Double(max(1, figures.acts))) } ?? ""
            Console.out("\(Console.pad(label, 48))\(String(format: "%8.3f", seconds)) s  \(String(format: "%9.0f", Double(figures.acts) / seconds)) acts/s\(size)")
        }
        line("acts: read, evaluate, build (\(figures.acts) acts)", figures.buildSeconds)
        line("acts: Markdown alone", figures.markdown.seconds, figures.markdown.bytes)
        line("acts: HTML alone", figures.html.seconds, figures.html.bytes)
        if let odt = figures.odt { line("acts: ODT alone", odt.seconds, odt.bytes) }
    }

    /// One run: a simulation is a long job whose figure is its wall time on the whole stream.
    private func timeSimulation(_ path: String, catalog: SchemeCatalog, stream: String) throws {
        guard case .success(let loaded) = ReformLoader.load(path: path, schemes: catalog.schemes) else {
            Console.error("\(path): error: the reform does not load; run 'guichet simulate --reform \(path)' to see why")
            throw ExitCode.failure
        }
        let clock = ContinuousClock()
        var summary: SimulationSummary?
        let elapsed = clock.measure { summary = Simulation(catalog: catalog, reform: loaded).run(paths: [stream]) }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let count = summary?.applications ?? 0
        Console.out("\(Console.pad("simulate the reform (both runs, 1 run)", 48))\(String(format: "%8.3f", seconds)) s  \(String(format: "%9.0f", Double(count) / seconds)) applications/s")
    }

    private func report(_ figures: Benchmark.Figures, stream: String) -> String {
        let megabytes = Double(figures.bytes) / 1_048_576
        let outcomes = figures.outcomes.sorted { $0.key.rawValue < $1.key.rawValue }
            .map { "\($0.value) \($0.key.rawValue)" }.joined(separator: ", ")
        func row(_ label: String, _ seconds: Double) -> String {
            "\(Console.pad(label, 48))\(String(format: "%8.3f", seconds)) s  \(String(format: "%9.0f", figures.rate(seconds))) applications/s"
        }
        return """
            stream: \(figures.documents) applications of '\(scheme)', \(String(format: "%.1f", megabytes)) MB (\(stream))
            best of \(repeats) runs per stage, one core; each stage includes those above it (rendering: all but the summary)
            \(row("libyaml event loop alone (ceiling)", figures.parseSeconds))
            \(row("read (YAML to nodes)", figures.readSeconds))
            \(row("read + decode", figures.decodeSeconds))
            \(row("read + decode + evaluate", figures.evaluateSeconds))
            \(row("read + decode + evaluate + JSONL summary", figures.pipelineSeconds))
            \(row("read + decode + evaluate + render MD, JSON", figures.renderSeconds))\(figures.registerSeconds.map { "\n" + row("batch in filing order, register on disk (1 run)", $0) } ?? "")
            outcomes: \(outcomes)\(figures.errors > 0 ? ", \(figures.errors) errors" : "")
            """
    }
}
