import Batch
import Decisions
import Evaluator
import Foundation
import Platform
import Portfolios
import Register
import RuleSet
import SchemeLanguage
import YAMLReader

/// Measures the batch pipeline on a generated stream of applications.
public struct Benchmark {
    /// Seconds taken by each stage, every stage including those before it.
    public struct Figures: Sendable {
        public let documents: Int
        public let bytes: Int
        /// libyaml's event loop alone: the ceiling of every stage.
        public let parseSeconds: Double
        /// Reading the stream into nodes only.
        public let readSeconds: Double
        /// Reading and decoding into typed applications.
        public let decodeSeconds: Double
        /// Reading, decoding and evaluating.
        public let evaluateSeconds: Double
        /// Reading, decoding, evaluating and writing a JSON Lines summary.
        public let pipelineSeconds: Double
        /// Reading, decoding, evaluating and rendering each decision's Markdown and JSON in
        /// memory, without writing them.
        public let renderSeconds: Double
        /// A whole batch with the register: read, sorted in filing order, evaluated against the
        /// register, each decision recorded in its own transaction; nil when not measured.
        public var registerSeconds: Double?
        public let outcomes: [Outcome: Int]
        public let errors: Int

        public func rate(_ seconds: Double) -> Double { Double(documents) / seconds }
    }

    public let catalog: SchemeCatalog
    public let scheme: Scheme
    /// The day every generated application is decided on: after their filing dates.
    public let referenceDate: LocalDate

    public init(catalog: SchemeCatalog, scheme: Scheme, referenceDate: LocalDate) {
        self.catalog = catalog
        self.scheme = scheme
        self.referenceDate = referenceDate
    }

    /// Writes `count` generated applications as one YAML stream.
    public func generate(count: Int, seed: UInt64, to path: String) throws {
        let file = try StreamingFile(path: path)
        var generator = SyntheticApplications(scheme: scheme, seed: seed)
        for index in 1...max(1, count) { file.write(text: generator.document(index)) }
        try file.commit()
    }

    /// Times each stage `repeats` times and keeps the best run: on a shared machine the
    /// fastest run is the one least disturbed by others.
    public func measure(stream path: String, summary summaryPath: String, repeats: Int = 3) throws -> Figures {
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        var documents = 0
        let parse = try best(repeats) { try ContinuousClock().measure { documents = try RawEventCount.documents(inFile: path) }.seconds }
        let read = try best(repeats) { try timed(path) { _ in } }
        let decoder = ApplicationDecoder(scheme: scheme)
        let decode = try best(repeats) { try timed(path) { document in _ = decoder.decode(document) } }
        let evaluator = SchemeEvaluator(scheme: scheme)
        let evaluate = try best(repeats) {
            try timed(path) { document in
                if case .success(let application) = decoder.decode(document) { _ = try? evaluator.evaluate(application, referenceDate: referenceDate) }
            }
        }
        var outcomes: [Outcome: Int] = [:]
        var errors = 0
        let pipeline = try best(repeats) {
            outcomes = [:]
            errors = 0
            return try summarise(path, into: summaryPath, outcomes: &outcomes, errors: &errors)
        }
        // As a simulation outside a working folder: no register read.
        var issuance = Issuance(stage: .simulation, referenceDate: referenceDate)
        issuance.registerRead = false
        var rendered = 0
        let render = try best(repeats) {
            try timed(path) { document in
                guard case .success(let application) = decoder.decode(document),
                      let evaluation = try? evaluator.evaluate(application, referenceDate: referenceDate) else { return }
                let record = DecisionRecord(evaluation, issuance: issuance)
                rendered &+= MarkdownDecision.utf8(record).count &+ JSONDecision.utf8(record).count
            }
        }
        return Figures(documents: documents, bytes: bytes, parseSeconds: parse, readSeconds: read, decodeSeconds: decode,
                       evaluateSeconds: evaluate, pipelineSeconds: pipeline, renderSeconds: render, outcomes: outcomes, errors: errors)
    }

    /// The whole batch pipeline without decision files: one JSON line per application.
    private func summarise(_ path: String, into summaryPath: String, outcomes: inout [Outcome: Int], errors: inout Int) throws -> Double {
        let summary = try StreamingFile(path: summaryPath)
        let runner = BatchRunner(catalog: catalog, referenceDate: referenceDate, output: nil)
        let seconds = try timed(path) { document in
            for entry in runner.process(document) {
                if let outcome = entry.outcome { outcomes[outcome, default: 0] += 1 } else { errors += 1 }
                summary.write(line: SummaryLine.render(entry))
            }
        }
        try summary.commit()
        return seconds
    }

    private func best(_ repeats: Int, _ run: () throws -> Double) rethrows -> Double {
        var fastest = Double.infinity
        for _ in 0..<max(1, repeats) { fastest = min(fastest, try run()) }
        return fastest
    }

    /// A whole batch of the stream with a register on disk in `folder`, once (a second run
    /// would replace every entry, a different workload).
    public func measureRegister(stream path: String, folder: String) throws -> Double {
        let registerPath = "\(folder)/registre.sqlite"
        for suffix in ["", "-wal", "-shm", ".key"] { try? FileManager.default.removeItem(atPath: registerPath + suffix) }
        let register = try DecisionRegister.open(path: registerPath)
        // An instructor's batch: only instruction fiches are recorded.
        let runner = BatchRunner(catalog: catalog, referenceDate: referenceDate, output: nil, register: register,
                                 issuance: Issuance(stage: .instruction))
        let clock = ContinuousClock()
        let start = clock.now
        let report = runner.runCompact(paths: [path])
        let seconds = (clock.now - start).seconds
        guard report.failureCount == 0 || report.entries.count > report.failureCount else {
            throw FileSystemError(path: registerPath, reason: "le lot de mesure a échoué : aucune demande n'a été décidée")
        }
        return seconds
    }

    /// What `guichet evaluate` does, timed once on the stream: every document read, sorted by
    /// filing date, evaluated, its Markdown and JSON written in an output folder, and the
    /// batch's `summary.jsonl`. Without a register, as a simulation outside a working folder;
    /// with one (`instruction`), as in a working folder: a fiche per application, each recorded.
    public func measureDocuments(stream path: String, folder: String, instruction: Bool) throws -> DocumentFigures {
        let outputPath = "\(folder)/\(instruction ? "fiches" : "simulations")"
        try? FileManager.default.removeItem(atPath: outputPath)
        var register: DecisionRegister?
        if instruction {
            let registerPath = "\(folder)/registre-fiches.sqlite"
            for suffix in ["", "-wal", "-shm", ".key"] { try? FileManager.default.removeItem(atPath: registerPath + suffix) }
            register = try DecisionRegister.open(path: registerPath)
        }
        let clock = ContinuousClock()
        let start = clock.now
        let output = try OutputFolder(directory: outputPath)
        let issuance = Issuance(stage: instruction ? .instruction : .simulation, referenceDate: referenceDate)
        let runner = BatchRunner(catalog: catalog, referenceDate: referenceDate, output: output, register: register,
                                 issuance: issuance, actor: instruction ? Actor(name: "bench", at: "2026-01-01T00:00:00Z") : nil)
        let report = runner.runCompact(paths: [path])
        try SummaryLine.write(report.entries, to: output)
        let seconds = (clock.now - start).seconds
        guard report.failureCount == 0 || report.entries.count > report.failureCount else {
            throw FileSystemError(path: outputPath, reason: "le lot de mesure a échoué : aucun document n'a été écrit")
        }
        return DocumentFigures(applications: report.entries.count, bytes: Self.bytes(in: outputPath), seconds: seconds)
    }

    /// One run of `measureDocuments`.
    public struct DocumentFigures: Sendable {
        public let applications: Int
        /// The bytes of every file written.
        public let bytes: Int
        public let seconds: Double

        public var rate: Double { Double(applications) / seconds }
    }

    /// Seconds to read the whole stream, handing each document to `stage`.
    private func timed(_ path: String, _ stage: (YAMLNode) throws -> Void) throws -> Double {
        try ContinuousClock().measure {
            let reader = try YAMLDocumentReader(path: path)
            while let document = try reader.nextDocument() { try stage(document) }
        }.seconds
    }
}

extension Duration {
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}
