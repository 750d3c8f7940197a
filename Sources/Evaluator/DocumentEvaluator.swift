import RuleSet
import SchemeLanguage
import YAMLReader

/// Decodes and evaluates one document under several schemes, each after those whose outcome
/// it uses, so that `outcome("fsl-acces")` reads the FSL's evaluation of the same file.
public final class DocumentEvaluator {
    public let catalog: SchemeCatalog
    /// By the context of the evaluation (the scheme asked for, or the family): a scheme leaves
    /// different facts to its companions in each context.
    private var decoders: [String: DecoderRow] = [:]
    private var evaluators: [String: SchemeEvaluator] = [:]
    private var orders: [String: [String]] = [:]

    public init(catalog: SchemeCatalog) {
        self.catalog = catalog
    }

    /// A document read for every scheme of its evaluation, in order of dependency. Arrays
    /// aligned with `schemes` rather than dictionaries: a batch holds one per document.
    public struct Decoded: Sendable {
        public var schemes: [String]
        public var applications: [Application?]
        public var errors: [[Diagnostic]?]

        init(schemes: [String], applications: [Application?], errors: [[Diagnostic]?]) {
            self.schemes = schemes
            self.applications = applications
            self.errors = errors
        }

        public func application(_ id: String) -> Application? { schemes.firstIndex(of: id).flatMap { applications[$0] } }
        public func errors(_ id: String) -> [Diagnostic]? { schemes.firstIndex(of: id).flatMap { errors[$0] } }
        /// The document's filing date, once one of its schemes has read it.
        public var filed: LocalDate? { applications.lazy.compactMap { $0?.filed }.first }
    }

    /// The evaluations of a decoded document, aligned with its schemes.
    public struct Evaluated: Sendable {
        public var schemes: [String]
        public var evaluations: [Evaluation?]
        public var errors: [[Diagnostic]?]

        public func evaluation(_ id: String) -> Evaluation? { schemes.firstIndex(of: id).flatMap { evaluations[$0] } }
        public func errors(_ id: String) -> [Diagnostic]? { schemes.firstIndex(of: id).flatMap { errors[$0] } }
    }

    /// The scheme and those whose outcome it uses, in order of dependency.
    public func schemes(for id: String) -> [String] {
        if let cached = orders[id] { return cached }
        let order = catalog.dependencies(of: id) + [id]
        orders[id] = order
        return order
    }

    /// Every scheme of `ids` reads the document, and leaves to the others the facts that are
    /// theirs. `context` names the evaluation (the scheme asked for, or the family) for the caches.
    public func decode(_ document: YAMLNode, schemes ids: [String], context: String, header: ApplicationDecoder.Header) -> Decoded {
        let row = decoderRow(ids, context: context, header: header)
        // Appended rather than filled in: each application is moved into place, not assigned over a nil.
        var applications: [Application?] = []
        var errors: [[Diagnostic]?] = []
        applications.reserveCapacity(ids.count)
        errors.reserveCapacity(ids.count)
        for position in ids.indices {
            switch row.decode(document, position) {
            case .success(let application)?:
                applications.append(application)
                errors.append(nil)
            case .failure(let list)?:
                applications.append(nil)
                errors.append(list.diagnostics)
            case nil:  // not a scheme of the catalog
                applications.append(nil)
                errors.append(nil)
            }
        }
        return Decoded(schemes: ids, applications: applications, errors: errors)
    }

    /// Evaluates the decoded schemes in order, each receiving the evaluations before it, with
    /// the rules in force on `referenceDate` (the decision date; see `SchemeEvaluator.evaluate`).
    public func evaluate(_ decoded: Decoded, referenceDate: LocalDate, register: any LimitReader) -> Evaluated {
        var result = Evaluated(schemes: decoded.schemes, evaluations: Array(repeating: nil, count: decoded.schemes.count),
                               errors: decoded.errors)
        // The evaluations before each scheme, by id, for those that read another's outcome.
        var dependencies: [String: Evaluation] = [:]
        for (position, id) in decoded.schemes.enumerated() {
            guard let application = decoded.applications[position], let scheme = catalog.schemes[id] else { continue }
            if referenceDate < application.filed {
                result.errors[position] = [Self.decidedBeforeFiling(application, referenceDate)]
                continue
            }
            do {
                let evaluation = try evaluator(scheme).evaluate(application, referenceDate: referenceDate,
                                                                dependencies: dependencies, register: register)
                result.evaluations[position] = evaluation
                if position < decoded.schemes.count - 1 { dependencies[id] = evaluation }
            } catch {
                result.errors[position] = [Self.diagnostic(error, application)]
            }
        }
        return result
    }

    /// An application cannot be decided before it is filed: the date given is a mistake, which
    /// would otherwise pick parameter versions the application never met.
    static func decidedBeforeFiling(_ application: Application, _ referenceDate: LocalDate) -> Diagnostic {
        Diagnostic("la demande est déposée le \(application.filed.frenchLong), après la date de décision retenue "
                   + "(\(referenceDate.frenchLong)) : décidez-la à une date égale ou postérieure à son dépôt (option --date)",
                   at: application.mark, path: "filed")
    }

    /// A value the rules cannot use is blamed where it is written; a failure of the rules
    /// themselves, on the application, with the place in the rules.
    static func diagnostic(_ error: EvaluationError, _ application: Application) -> Diagnostic {
        if let mark = error.factMark {
            return Diagnostic("\(error.message) (règle : \(error.mark))", at: mark, path: error.factPath)
        }
        let message = "les règles n'ont pu être appliquées à cette demande : \(error.message) (règle : \(error.mark))"
        return Diagnostic(message, at: application.mark)
    }

    /// The decoders of one context, made once for its schemes (again should they change).
    private func decoderRow(_ ids: [String], context: String, header: ApplicationDecoder.Header) -> DecoderRow {
        if let cached = decoders[context], cached.schemes == ids { return cached }
        let companions = ids.compactMap { catalog.schemes[$0] }
        let row = DecoderRow(schemes: ids, decoders: ids.map { id in
            catalog.schemes[id].map { ApplicationDecoder(scheme: $0, companions: companions, header: header) }
        })
        decoders[context] = row
        return row
    }

    private final class DecoderRow {
        let schemes: [String]
        /// Aligned with `schemes`; nil for an id the catalog does not hold.
        let decoders: [ApplicationDecoder?]

        init(schemes: [String], decoders: [ApplicationDecoder?]) {
            self.schemes = schemes
            self.decoders = decoders
        }

        func decode(_ document: YAMLNode, _ position: Int) -> Result<Application, DiagnosticList>? {
            decoders[position]?.decode(document)
        }
    }

    private func evaluator(_ scheme: Scheme) -> SchemeEvaluator {
        if let cached = evaluators[scheme.id] { return cached }
        let evaluator = SchemeEvaluator(scheme: scheme)
        evaluators[scheme.id] = evaluator
        return evaluator
    }
}
