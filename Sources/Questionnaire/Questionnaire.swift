import Evaluator
import RuleSet
import SchemeLanguage
import YAMLReader

/// A question of the questionnaire: an input of the scheme, asked with its French `question`
/// and `help`.
public struct Question: Sendable {
    public let input: InputDefinition
    /// The scheme that declares the input: the one simulated, or one whose outcome it uses.
    public let schemeID: String
    public var id: String { input.id }
}

/// The questionnaire of one scheme: what to ask, in the order the evaluator needs it, and the
/// application file the answers make.
///
/// The canonical form of a set of answers is an application file, as in `Applications/`
/// (`DossierText`): every step reads the answers (`AnswerReading`), writes them as that file and
/// has the project's `ApplicationDecoder` read it, with the same rules as a file an instructor
/// receives; so the dossier a person downloads is exactly what was simulated.
///
/// How a simulation treats what only an instructor can settle:
/// - **Pieces** are taken as joined to the application. While asking, every piece of the scheme
///   is listed as provided, so that a fact is never held back for want of its piece and only
///   facts are asked. The dossier lists the pieces the rules need for the answers given
///   (`Dossier.pieces`, found by evaluating without them), which the result shows as « Pièces à
///   préparer »: the dossier is to be sent with them.
/// - **Declared facts** stay declared: the dossier never says `confirmed`, which only an
///   instructor may write. A criterion met on a fact the rules mark `confirm: true` is met
///   « sous réserve de confirmation », the outcome is « à instruire » with its provisional
///   amount, and the result lists those facts as what the instructor will verify.
/// - **Earlier decisions** are unknown: no register is read, so a limit counts no earlier aid
///   (the documents say so).
/// The filing date and the day whose rules apply are both `filed`, the day of the simulation.
public struct Questionnaire: Sendable {
    public let catalog: SchemeCatalog
    public let scheme: Scheme
    /// The day of the simulation: the filing date and the day whose rules apply.
    public let filed: LocalDate
    /// The most questions a page asks.
    public let pageSize: Int
    /// The schemes evaluated on the application: those whose outcome it uses, then itself.
    let schemeIDs: [String]
    /// Every input of those schemes by id, the first declaration first.
    let questions: [String: Question]

    /// Nil when the catalogue has no scheme `schemeID`.
    public init?(catalog: SchemeCatalog, schemeID: String, filed: LocalDate, pageSize: Int = 5) {
        guard let scheme = catalog.schemes[schemeID] else { return nil }
        self.catalog = catalog
        self.scheme = scheme
        self.filed = filed
        self.pageSize = max(1, pageSize)
        schemeIDs = catalog.dependencies(of: schemeID) + [schemeID]
        var questions: [String: Question] = [:]
        for id in schemeIDs {
            for input in catalog.schemes[id]?.inputs ?? [] where questions[input.id] == nil {
                questions[input.id] = Question(input: input, schemeID: id)
            }
        }
        self.questions = questions
    }

    /// The question of input `id`, if the simulation may ask it.
    public func question(_ id: String) -> Question? { questions[id] }

    // MARK: - Running the evaluator on the application file

    /// The applicant as the application file writes it.
    struct Header {
        var name: String
        var kind: String?
        var subject: String?
        var id: String

        /// While asking, the applicant is not yet known, nor needed: no rule reads it.
        static let placeholder = Header(name: "Demandeur", kind: nil, subject: nil, id: "SIMULATION")
    }

    /// What one reading and evaluation of the application file gave.
    struct Run {
        var text: String
        var evaluation: Evaluation?
        /// The evaluations of the schemes it depends on, by id.
        var dependencies: [String: Evaluation] = [:]
        /// Problems the decoder or the evaluator found in an answer, by field.
        var problems: [FieldProblem] = []
        /// Problems no answer can be blamed for: the rules cannot be applied.
        var failures: [String] = []
    }

    /// Writes the application file and has the project read and evaluate it, as a batch would.
    func run(_ header: Header, facts: [(id: String, yaml: String)], pieces: [String], evaluator: DocumentEvaluator) -> Run {
        let text = DossierText.write(schemeID: scheme.id, header: header, filed: filed, facts: facts, pieces: pieces)
        var run = Run(text: text)
        let document: YAMLNode
        do {
            document = try YAMLDocumentReader.singleDocument(text: text, file: DossierText.fileName)
        } catch {
            run.failures.append("le dossier n'a pu être relu : \(error.message)")
            return run
        }
        let decoded = evaluator.decode(document, schemes: schemeIDs, context: scheme.id, header: .scheme)
        let evaluated = evaluator.evaluate(decoded, referenceDate: filed, register: EmptyRegister())
        var seen: Set<String> = []
        for diagnostic in evaluated.errors.compactMap({ $0 }).joined() where seen.insert("\(diagnostic.path ?? "")|\(diagnostic.message)").inserted {
            if let field = field(at: diagnostic.path) {
                run.problems.append(FieldProblem(field, message(for: diagnostic, field: field)))
            } else {
                run.failures.append(diagnostic.message)
            }
        }
        for (position, id) in evaluated.schemes.enumerated() {
            guard let evaluation = evaluated.evaluations[position] else { continue }
            if id == scheme.id { run.evaluation = evaluation } else { run.dependencies[id] = evaluation }
        }
        return run
    }

    /// The field a diagnostic's path points at: `facts.projet.depense_eligible_ht(.ttc)`,
    /// `applicant.name`, `subject`; nil for anything else (the rules, the file as a whole).
    func field(at path: String?) -> Field? {
        guard let path else { return nil }
        switch path {
        case "applicant.name": return .applicantName
        case "applicant.kind": return .applicantKind
        case "subject": return .subject
        default: break
        }
        guard path.hasPrefix("facts.") else { return nil }
        let rest = String(path.dropFirst("facts.".count))
        // The longest input id the path starts with: `x.ttc` is the TTC amount of input `x`.
        let id = questions.keys.filter { rest == $0 || rest.hasPrefix($0 + ".") || rest.hasPrefix($0 + "[") }.max { $0.count < $1.count }
        return id.map(Field.fact)
    }

    /// The decoder's message for the person: a bound the input declares is said in French from
    /// the input itself; otherwise the decoder's own words, which are French for the checks a
    /// person can trip (a line break in a name, a VAT rate), begun with a capital.
    func message(for diagnostic: Diagnostic, field: Field) -> String {
        if case .fact(let id) = field, let input = questions[id]?.input, let bound = BoundWording.sentence(for: input, message: diagnostic.message) {
            return bound
        }
        let text = FrenchGrammarLite.capitalized(diagnostic.message)
        return text.hasSuffix(".") ? text : text + "."
    }

    /// The facts the evaluation still needs, in its order: its own missing facts, and for a
    /// decision it awaits under another scheme, the facts that scheme needs.
    func missingFacts(of run: Run) -> [String] {
        guard let evaluation = run.evaluation else { return [] }
        var ids: [String] = []
        func add(_ id: String) { if !ids.contains(id) { ids.append(id) } }
        func collect(_ evaluation: Evaluation, depth: Int) {
            for item in evaluation.missing {
                switch item {
                // A figure of the financing plan is no question: the questionnaire asks no plan.
                // (A `where` holds for one pattern only: each pattern says it.)
                case .fact(let index) where evaluation.scheme.inputs[index].planFigure == nil,
                     .months(let index, _) where evaluation.scheme.inputs[index].planFigure == nil:
                    add(evaluation.scheme.inputs[index].id)
                case .fact, .months: break
                case .decision(let other):
                    if depth < 8, let dependency = run.dependencies[other] { collect(dependency, depth: depth + 1) }
                case .piece: break
                }
            }
        }
        collect(evaluation, depth: 0)
        return ids
    }
}

/// A bound an input declares (`min`, `max`), worded for the person who typed a value outside it.
enum BoundWording {
    static func sentence(for input: InputDefinition, message: String) -> String? {
        guard input.minimum != nil || input.maximum != nil, message.contains("« \(input.id) »") else { return nil }
        let unit = input.type == .money ? " €" : ""
        let parts = [input.minimum.map { "d'au moins \($0.frenchFormatted())\(unit)" },
                     input.maximum.map { "d'au plus \($0.frenchFormatted())\(unit)" }].compactMap { $0 }
        return "Indiquez \(input.type == .money ? "un montant" : "une valeur") \(parts.joined(separator: " et "))."
    }
}
