import Evaluator
import RuleSet
import SchemeLanguage

/// The applications of one scheme read from files, for the commands that evaluate each on its
/// own date (a decision on the act's, a notification on the decision's) rather than a batch's.
struct SchemeApplications {
    let scheme: Scheme
    /// By application id.
    let documents: [String: PendingDocument]
    /// The ids in filing order.
    let order: [String]
    /// The files and documents that could not be read: told, never skipped silently.
    let failures: [BatchEntry]
    private let evaluator: DocumentEvaluator

    init(catalog: SchemeCatalog, scheme: Scheme, paths: [String]) {
        self.scheme = scheme
        evaluator = DocumentEvaluator(catalog: catalog)
        let (read, failures) = BatchRunner.read(paths: paths, with: evaluator)
        // One pass: the first document of each id is kept, and its id placed in filing order.
        var documents: [String: PendingDocument] = [:]
        documents.reserveCapacity(read.count)
        var order: [String] = []
        order.reserveCapacity(read.count)
        for document in read where document.isEvaluated(under: scheme.id) && document.requests(scheme.id) {
            guard documents[document.id] == nil else { continue }
            documents[document.id] = document
            order.append(document.id)
        }
        self.documents = documents
        self.order = order
        self.failures = failures
    }

    /// The base of the application's file names: its id, or for a household's file, the id and
    /// the scheme (`MEN-2020-0401.fonds-solvabilisation`), as a batch names its documents.
    func documentName(_ id: String) -> String {
        documents[id]?.family == nil ? id : "\(id).\(scheme.id)"
    }

    /// The application evaluated on `date` against `register`, or why it cannot be.
    func evaluate(_ id: String, on date: LocalDate, register: any LimitReader) -> Result<Evaluation, EvaluationFailure> {
        guard let document = documents[id] else { return .failure(EvaluationFailure(message: "son dossier n'est pas parmi les fichiers donnés")) }
        let result = evaluator.evaluate(document.decoded, referenceDate: date, register: register)
        if let evaluation = result.evaluation(scheme.id) { return .success(evaluation) }
        let errors = result.errors(scheme.id) ?? []
        return .failure(EvaluationFailure(message: errors.map(\.description).joined(separator: " ; ")))
    }

    struct EvaluationFailure: Error {
        let message: String
    }
}
