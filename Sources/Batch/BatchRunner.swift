import Decisions
import Evaluator
import SchemeLanguage
import YAMLReader

/// Evaluates application files and writes a decision for each.
///
/// Each document stands alone: an application that cannot be read gets an error entry and
/// never costs another its decision.
public final class BatchRunner {
    public let catalog: SchemeCatalog
    private let output: DecisionOutput?
    private let evaluator: DocumentEvaluator
    /// Where each application id was first seen, to refuse a second file overwriting its decision.
    private var seenIDs: [String: SourceMark] = [:]

    /// With no output, decisions are evaluated but not written.
    public init(catalog: SchemeCatalog, output: DecisionOutput?) {
        self.catalog = catalog
        self.output = output
        evaluator = DocumentEvaluator(catalog: catalog)
    }

    public func run(paths: [String]) -> BatchReport {
        var report = BatchReport()
        for path in paths {
            switch YAMLFiles.list(path) {
            case .success(let files):
                for file in files { process(file: file, into: &report) }
            case .failure(let diagnostic):
                report.entries.append(BatchEntry(failure: diagnostic))
            }
        }
        return report
    }

    /// Processes every document of one file, a single application or a stream of them.
    public func process(file: String, into report: inout BatchReport) {
        let reader: YAMLDocumentReader
        do {
            reader = try YAMLDocumentReader(path: file)
        } catch {
            report.entries.append(BatchEntry(failure: Diagnostic(error)))
            return
        }
        var documents = 0
        while true {
            do {
                guard let document = try reader.nextDocument() else { break }
                documents += 1
                if let family = Application.familyName(of: document) {
                    report.entries += household(document, family: family)
                } else {
                    report.entries.append(process(document))
                }
            } catch {
                // libyaml cannot resume after a syntax error: the rest of the file is lost, and said so.
                let message = documents == 0 ? error.message : "\(error.message) (this document and the rest of the file could not be read)"
                report.entries.append(BatchEntry(failure: Diagnostic(message, at: error.mark)))
                return
            }
        }
        if documents == 0 {
            let mark = SourceMark(file: file, line: 1, column: 1)
            report.entries.append(BatchEntry(failure: Diagnostic("the file is empty: an application starts with 'scheme', 'id', 'filed' and 'applicant'", at: mark)))
        }
    }

    /// Reads, evaluates and (when there is an output) writes the decision of one document.
    public func process(_ document: YAMLNode) -> BatchEntry {
        let declaredID = Application.declaredID(of: document)
        func failure(_ diagnostics: [Diagnostic], scheme: String? = nil) -> BatchEntry {
            BatchEntry(mark: document.mark, id: declaredID, schemeID: scheme, result: .failed(diagnostics))
        }
        let schemeID: String
        switch Application.schemeID(of: document) {
        case .success(let id): schemeID = id
        case .failure(let diagnostic): return failure([diagnostic])
        }
        guard catalog.schemes[schemeID] != nil else {
            return failure([unknownScheme(schemeID, in: document)], scheme: schemeID)
        }
        let result = evaluator.evaluate(document, schemes: evaluator.schemes(for: schemeID), context: schemeID, header: .scheme)
        if let errors = result.errors[schemeID] { return failure(errors, scheme: schemeID) }
        guard let evaluation = result.evaluations[schemeID] else { return failure([], scheme: schemeID) }
        let id = evaluation.application.id
        if let first = seenIDs[id] {
            return failure([Diagnostic("application id '\(id)' is already used at \(first); give each application its own id", at: document.mark, path: "id")], scheme: schemeID)
        }
        seenIDs[id] = document.mark
        var entry = BatchEntry(mark: document.mark, id: id, schemeID: schemeID, result: .decided(evaluation))
        do {
            if let output { entry.decisionPath = try write(evaluation, to: output) }
        } catch {
            return failure([Diagnostic("\(error)", at: document.mark)], scheme: schemeID)
        }
        return entry
    }

    private func unknownScheme(_ id: String, in document: YAMLNode) -> Diagnostic {
        let node = document.mapping?.first { $0.key.scalar == "scheme" }?.value
        let known = catalog.schemes.keys.sorted()
        var message = "unknown scheme '\(id)'"
        if let failed = catalog.failures.first(where: { $0.file.hasSuffix("/\(id).yaml") }) {
            message += ": its rules file \(failed.file) has errors (run 'guichet check')"
        } else {
            if let guess = Suggestion.closest(to: id, among: known) { message += "; did you mean '\(guess)'?" }
            message += known.isEmpty ? ": no scheme was loaded from the rules folder" : "; the schemes are: \(known.joined(separator: ", "))"
        }
        return Diagnostic(message, at: node?.mark ?? document.mark, path: "scheme")
    }

    /// A household's file (`family: logement`): evaluated against every scheme of the family,
    /// each scheme's decision written as `<id>.<scheme>`, and an orientation summary beside them.
    public func household(_ document: YAMLNode, family: String) -> [BatchEntry] {
        let declaredID = Application.declaredID(of: document)
        func failure(_ diagnostics: [Diagnostic]) -> [BatchEntry] {
            [BatchEntry(mark: document.mark, id: declaredID, schemeID: family, result: .failed(diagnostics))]
        }
        let members = catalog.family(family).map(\.id)
        guard !members.isEmpty else {
            let known = catalog.families.joined(separator: ", ")
            let node = document.mapping?.first { $0.key.scalar == "family" }?.value
            return failure([Diagnostic("unknown family '\(family)'; the families are: \(known.isEmpty ? "none" : known)", at: node?.mark ?? document.mark, path: "family")])
        }
        let result = evaluator.evaluate(document, schemes: members, context: "family:\(family)", header: .family(family))
        // A fact unknown to every scheme is reported by each: say it once.
        var seen: Set<String> = []
        let errors = members.flatMap { result.errors[$0] ?? [] }.filter { seen.insert($0.description).inserted }
        guard errors.isEmpty else { return failure(errors) }
        let evaluations = members.compactMap { result.evaluations[$0] }
        guard let id = evaluations.first?.application.id else { return failure([]) }
        if let first = seenIDs[id] {
            return failure([Diagnostic("application id '\(id)' is already used at \(first); give each application its own id", at: document.mark, path: "id")])
        }
        seenIDs[id] = document.mark
        var entries: [BatchEntry] = []
        do {
            for evaluation in evaluations {
                var entry = BatchEntry(mark: document.mark, id: id, schemeID: evaluation.scheme.id, result: .decided(evaluation))
                if let output { entry.decisionPath = try write(evaluation, to: output, name: "\(id).\(evaluation.scheme.id)") }
                entries.append(entry)
            }
            if let output {
                let orientation = Orientation(family: family, evaluations: evaluations, decisionFile: { "\(id).\($0.scheme.id).md" })
                try output.write(orientation.markdown(), to: "\(id).orientation.md")
            }
        } catch {
            return failure([Diagnostic("\(error)", at: document.mark)])
        }
        return entries
    }

    private func write(_ evaluation: Evaluation, to output: DecisionOutput, name: String? = nil) throws -> String {
        let record = DecisionRecord(evaluation)
        let name = name ?? evaluation.application.id
        try output.write(JSONDecision.render(record), to: "\(name).json")
        try output.write(MarkdownDecision.render(record), to: "\(name).md")
        return output.path("\(name).md")
    }
}
