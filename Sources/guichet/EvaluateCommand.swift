import ArgumentParser
import Batch
import Decisions
import Foundation
import Platform
import Register
import RuleSet
import SchemeLanguage

struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Evaluate application files and write a reasoned decision (French Markdown and JSON) for each.",
        discussion: """
            Each application names its scheme (a household's file names its family). Applications \
            are decided in filing-date then id order, whatever the order of the files, against the \
            register of decisions: limits across applications read it, and each decision is \
            recorded in it (a decision taken again replaces the previous one, kept as history). For \
            an application with id X, the decision is written to OUT/X.md and OUT/X.json; \
            OUT/summary.jsonl has one line per application. An application that cannot be read is \
            reported with its file:line:column and the others still get their decisions. Exit \
            code 1 when any application or file failed.
            """)

    @Argument(help: "Application files or folders (searched for *.yaml and *.yml).")
    var paths: [String]

    @OptionGroup var rules: RulesOption

    @Option(name: .long, help: "The folder the decisions are written to.")
    var out: String = "decisions"

    @OptionGroup var register: RegisterOption

    @Flag(name: .long, help: "Read the register for limits, but record nothing in it.")
    var dryRun = false

    @OptionGroup var date: DecisionDateOption

    func run() throws {
        let catalog = SchemeCatalog.load(directory: rules.rules)
        Console.report(catalog)
        // The register first: a second run waiting for it must not touch the output folder.
        let decisions = dryRun ? try register.openForReading() : try register.open(claiming: true)
        let output = try Console.outputFolder(out)
        let report = BatchRunner(catalog: catalog, referenceDate: date.value, output: output, register: decisions,
                                 recording: !dryRun).run(paths: paths)
        for entry in report.entries { for diagnostic in entry.diagnostics { Console.error(diagnostic.description) } }
        let summary = report.entries.map(SummaryLine.render).joined(separator: "\n")
        Console.out(SummaryTable.render(report))
        if let failure = report.registerFailure { Console.error("\(register.path): error: \(failure)") }
        do {
            try output.write(summary.isEmpty ? "" : summary + "\n", to: "summary.jsonl")
        } catch {
            Console.error("\(error.path):1:1: error: le résumé du lot n'a pas pu être écrit : \(error.reason)")
            throw ExitCode.failure
        }
        // A rules file that could not be read is an error too, even when no application needed it.
        if report.failureCount > 0 || report.registerFailure != nil || !catalog.failures.isEmpty { throw ExitCode.failure }
    }
}

/// The table printed after a batch.
enum SummaryTable {
    static func render(_ report: BatchReport) -> String {
        let rows = [["Application", "Scheme", "Outcome", "Amount", "Decision"]] + report.entries.map { entry in
            [entry.id ?? "?", entry.schemeID ?? "?", entry.outcome?.rawValue ?? "ERROR",
             entry.amount.map(FrenchFormat.money) ?? "", decision(entry)].map { TerminalText.escaped($0) }
        }
        let widths = (0..<4).map { column in rows.map { $0[column].count }.max()! + 2 }
        var lines = rows.map { row in
            (0..<4).map { Console.pad(row[$0], widths[$0]) }.joined() + row[4]
        }
        var counts = Outcome.allCases.compactMap { outcome -> String? in
            let count = report.count(of: outcome)
            return count == 0 ? nil : "\(count) \(outcome.rawValue)"
        }
        if report.failureCount > 0 { counts.append("\(report.failureCount) error(s)") }
        lines.append("")
        lines.append("\(report.entries.count) application(s): " + (counts.isEmpty ? "none" : counts.joined(separator: ", ")))
        return lines.joined(separator: "\n")
    }

    private static func decision(_ entry: BatchEntry) -> String {
        let shown = entry.decisionPath ?? "\(entry.mark)"
        return entry.unrecorded == nil ? shown : "\(shown) (non enregistrée au registre)"
    }
}
