import ArgumentParser
import Batch
import Decisions
import Evaluator
import Foundation
import Platform
import RuleSet
import SchemeLanguage

struct Select: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a call's selection: admissibility, ranking, laureates, waiting list; a procès-verbal in French.",
        discussion: """
            Evaluates every application of the call (reading the register for limits, recording \
            nothing), ranks the admissible ones as the scheme's 'selection' says, writes each \
            decision with its place (retenu, liste d'attente, non retenu) and OUT/selection-SCHEME.md, \
            and prints the procès-verbal.
            """)

    @Argument(help: "The id of the call's scheme, e.g. medecins-salaries.")
    var schemeID: String

    @Argument(help: "Application files or folders.")
    var paths: [String]

    @OptionGroup var rules: RulesOption

    @Option(name: .long, help: "The folder the decisions and the procès-verbal are written to.")
    var out: String = "decisions"

    @OptionGroup var register: RegisterOption

    @OptionGroup var date: DecisionDateOption

    func run() throws {
        let catalog = SchemeCatalog.load(directory: rules.rules)
        Console.report(catalog)
        guard let scheme = catalog.schemes[schemeID], let selector = CallSelector(scheme: scheme) else {
            Console.error("error: '\(schemeID)' is not a call with a 'selection' in \(rules.rules)")
            throw ExitCode.failure
        }
        let output = try Console.outputFolder(out)
        let minutesName = "selection-\(schemeID)"
        let report = BatchRunner(catalog: catalog, referenceDate: date.value, output: nil, register: try register.openForReading(), recording: false,
                                 reservedNames: [minutesName: "le procès-verbal de sélection (\(minutesName).md)"]).run(paths: paths)
        for entry in report.entries { for diagnostic in entry.diagnostics { Console.error(diagnostic.description) } }
        let evaluations = report.entries.compactMap { entry -> Evaluation? in
            guard case .decided(let evaluation) = entry.result, evaluation.scheme.id == schemeID else { return nil }
            return evaluation
        }
        let result = try selector.select(evaluations)
        for evaluation in evaluations {
            let record = DecisionRecord(evaluation, placement: result.decisions[evaluation.application.id])
            try output.write(JSONDecision.render(record), to: "\(evaluation.application.id).json")
            try output.write(MarkdownDecision.render(record), to: "\(evaluation.application.id).md")
        }
        let minutes = SelectionReport.markdown(result)
        try output.write(minutes, to: "\(minutesName).md")
        Console.out(minutes, terminator: "")
        if report.failureCount > 0 { throw ExitCode.failure }
    }
}
