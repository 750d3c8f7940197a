import Batch
import Decisions
import Evaluator
import Foundation
import Platform
import Register
import RuleSet
import SchemeLanguage

/// Applications decided as the President by delegation decides them: one after the other in
/// filing order, each evaluated again counting the aid decided before it, then recorded as a
/// decision. Limits count decided aid only (neither a fiche nor a proposal awards anything), so
/// the tests of limits across applications decide what they count.
public struct PresidentDecisions {
    public let catalog: SchemeCatalog
    /// The act's number.
    public let reference: String
    /// The act's date, after every filing date (15 December 2020 by default).
    public let date: LocalDate

    public init(catalog: SchemeCatalog, reference: String = "T", date: LocalDate = DecisionDay.samples) {
        self.catalog = catalog
        self.reference = reference
        self.date = date
    }

    public struct Result {
        /// The files as a batch read them, counting no decision: a document that could not be
        /// read or evaluated is there with its diagnostics.
        public let read: BatchReport
        /// Every evaluation, in filing order, each counting the aid decided before it. The
        /// favourable and unfavourable ones are decided; an incomplete one or one to examine
        /// cannot be, and is only evaluated.
        public let evaluations: [Evaluation]

        public var failures: [Diagnostic] { read.entries.flatMap(\.diagnostics) }

        /// The evaluation of application `id` (its first, for a household's).
        public subscript(id: String) -> Evaluation? { evaluations.first { $0.application.id == id } }
    }

    /// Decides the applications of `paths` in filing order in `register`. With `output`, each
    /// evaluation's document is written there under the name the batch gives it, at the stage
    /// it reached (a household's orientation stays the batch's, which counts no decision).
    public func decide(_ paths: [String], register: DecisionRegister, output: OutputFolder? = nil) throws -> Result {
        let read = BatchRunner(catalog: catalog, referenceDate: date, output: output).run(paths: paths)
        var evaluations: [Evaluation] = []
        try register.batch { session in
            var evaluators: [String: SchemeEvaluator] = [:]
            // The evaluations made again for the current document, which its later schemes read.
            var document = (mark: "", evaluations: [String: Evaluation]())
            // A batch's entries come in filing order, each document's schemes in order of dependency.
            for entry in read.entries {
                guard case .decided(let first) = entry.result else { continue }
                if "\(entry.mark)" != document.mark { document = ("\(entry.mark)", [:]) }
                let scheme = first.scheme
                let evaluator = evaluators[scheme.id] ?? SchemeEvaluator(scheme: scheme)
                evaluators[scheme.id] = evaluator
                let dependencies = first.dependencies.mapValues { document.evaluations[$0.scheme.id] ?? $0 }
                let evaluation = try evaluator.evaluate(first.application, referenceDate: date, dependencies: dependencies, register: session)
                document.evaluations[scheme.id] = evaluation
                evaluations.append(evaluation)
                let act = DecisionAct(body: .presidentByDelegation, reference: reference, date: date)
                let decided = evaluation.outcome == .favorable || evaluation.outcome == .unfavorable
                let file = entry.decisionPath.map { URL(fileURLWithPath: $0).lastPathComponent }
                if let output, let file {
                    let name = String(file.dropLast(".md".count))
                    let issuance = decided ? Issuance(stage: .decision, referenceDate: act.date, act: act)
                        : Issuance(stage: .instruction, referenceDate: act.date)
                    let record = DecisionRecord(evaluation, issuance: issuance)
                    try output.write(JSONDecision.render(record), to: "\(name).json")
                    try output.write(MarkdownDecision.render(record), to: "\(name).md")
                }
                if decided {
                    try session.record(evaluation, inputHash: InputFingerprint.sha256(evaluation.application, scheme: scheme),
                                       decisionFile: file, stage: StageRecord(stage: .decision, referenceDate: act.date, act: act))
                }
            }
        }
        return Result(read: read, evaluations: evaluations)
    }
}

extension Issuance {
    /// An instructor's fiche made on `date`: what a batch records in a working folder.
    public static func instruction(on date: LocalDate = LocalDate(year: 2020, month: 12, day: 1)!) -> Issuance {
        Issuance(stage: .instruction, referenceDate: date)
    }
}
