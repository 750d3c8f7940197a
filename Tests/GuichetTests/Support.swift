import Evaluator
import Foundation
import RuleSet
import SchemeLanguage
import YAMLReader

/// Paths of the repository, found from this file so tests run from any directory.
enum Repository {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func path(_ relative: String) -> String { "\(root)/\(relative)" }
}

enum Load {
    static func scheme(_ text: String, file: String = "inline.yaml") throws -> Scheme {
        switch SchemeLoader.load(bytes: Array(text.utf8), file: file) {
        case .success(let scheme): return scheme
        case .failure(let list): throw list
        }
    }

    /// The real `pdesi`, loaded with its rules folder: the shared deliberations it cites and its test cases.
    static func pdesi() throws -> Scheme {
        let catalog = SchemeCatalog.load(directory: Repository.path("Rules"))
        guard let scheme = catalog.schemes["pdesi"] else { throw DiagnosticList(catalog.failures.flatMap(\.diagnostics)) }
        return scheme
    }

    static func application(_ text: String, scheme: Scheme) throws -> Application {
        let document = try YAMLDocumentReader.singleDocument(text: text, file: "application.yaml")
        switch ApplicationDecoder(scheme: scheme).decode(document) {
        case .success(let application): return application
        case .failure(let list): throw list
        }
    }

    static func evaluate(_ text: String, scheme: Scheme) throws -> Evaluation {
        try SchemeEvaluator(scheme: scheme).evaluate(try application(text, scheme: scheme))
    }
}

/// A small scheme exercising each language feature, independent of the real rules.
enum DemoScheme {
    static func text(amount: String = "base * taux", rounding: String = "half-up", extraCriteria: String = "") -> String {
        """
        id: demo
        title: Aide de démonstration
        kind: individual-aid
        authority:
          name: Département du Pas-de-Calais
          signatory: Le Président du Conseil départemental
          court: tribunal administratif de Lille
        sources:
          delib: {deliberation: Délibération n°2020-999 du 28 septembre 2020, article: article 1, lines: 1-2, quote: Texte cité.}
        pieces:
          devis: {label: Devis}
        inputs:
          a: {type: boolean, question: A ?}
          b: {type: boolean, question: B ?}
          c: {type: boolean, question: C ?, confirm: true}
          base: {type: money, question: Dépense ?, piece: devis, min: 0 €}
          x: {type: number, question: X ?}
          y: {type: number, question: Y ?}
        parameters:
          taux: {label: Taux, value: 50 %}
        eligibility:
          - {id: a-ou-b, label: A ou B, failure: Ni A ni B., when: a or b, source: delib}
          - {id: a-et-c, label: A et C, failure: Pas A et C., when: "not a or c", source: delib}
          - {id: manuel, label: Appréciation, failure: Appréciation défavorable., manual: true}
        \(extraCriteria)
        amount:
          steps:
            - {id: montant, label: Montant, value: "\(amount)"}
          result: montant
          rounding: {step: 0.01 €, rule: \(rounding)}
        """
    }

    static func application(_ facts: String, pieces: String = "[devis]", extra: String = "") -> String {
        """
        scheme: demo
        id: D-1
        filed: 2020-10-01
        applicant: {name: Commune de Test}
        facts: {\(facts)}
        pieces: \(pieces)
        \(extra)
        """
    }
}

/// The `guichet` executable run as a user would, with what it printed.
enum CommandLine {
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
        /// False when the run had to be stopped at its deadline.
        let finished: Bool
    }

    static var executable: String? {
        let candidates = [".build/debug/guichet", ".build/x86_64-unknown-linux-gnu/debug/guichet",
                          ".build/aarch64-unknown-linux-gnu/debug/guichet"].map(Repository.path)
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `guichet ARGUMENTS` in `directory`, stopping it after `timeout` seconds.
    static func run(_ arguments: [String], in directory: String? = nil, timeout: Double = 30) throws -> Run {
        guard let executable else { throw CommandLineError.notBuilt }
        // Output goes to files rather than pipes: nothing to drain while the process runs.
        let capture = NSTemporaryDirectory() + "guichet-cli-\(UUID().uuidString)"
        FileManager.default.createFile(atPath: capture + ".out", contents: nil)
        FileManager.default.createFile(atPath: capture + ".err", contents: nil)
        defer {
            try? FileManager.default.removeItem(atPath: capture + ".out")
            try? FileManager.default.removeItem(atPath: capture + ".err")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: capture + ".out"))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: capture + ".err"))
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(5_000) }
        let finished = !process.isRunning
        if !finished { process.terminate() }
        process.waitUntilExit()
        let stdout = (try? String(contentsOfFile: capture + ".out", encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOfFile: capture + ".err", encoding: .utf8)) ?? ""
        return Run(status: process.terminationStatus, stdout: stdout, stderr: stderr, finished: finished)
    }

    enum CommandLineError: Error { case notBuilt }
}
