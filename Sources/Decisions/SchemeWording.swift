import Documents
import Synchronization
import SchemeLanguage

/// What a scheme's decisions print that depends on the scheme alone: its citations, the short
/// citations of the criteria table, the acts it rests on, the passages it cites, and the
/// sections of quoted texts and interpretations that close every document. A batch renders
/// thousands of documents of one scheme: this is worked out once per scheme, the first time a
/// decision of it is rendered, and shared by every decision after.
///
/// Kept by scheme identity for the life of the process (schemes are immutable, and a process
/// loads few): each entry holds its scheme, so that no other scheme can take its identity.
final class SchemeWording: Sendable {
    let scheme: Scheme
    /// By source id: "Délibération n°2020-309 du 28 septembre 2020, article 2, lignes 5159 à 5162".
    private let citations: [String: String]
    /// By criterion index: the criterion's source, when it cites one.
    let criterionSources: [SourceReference?]
    /// By criterion index: "Délib. n°2020-309, article 2, l. 5159-5162", or "—".
    let shortCitations: [String]
    /// The same without the lines of the compiled text, as an act's annex cites: « Délib.
    /// n°2020-309, article 2 ».
    let actCitations: [String]
    /// The acts the scheme rests on, each once, in the order first cited.
    let legalBasis: [String]
    /// The passages cited by the criteria and the amount, in order, each once.
    let citedSources: [SourceReference]
    /// The « Textes appliqués » section, as Markdown in UTF-8 (the interpretations follow it in
    /// each decision, their figures as that decision applied them).
    let textsSection: [UInt8]
    /// The JSON decision's `scheme` object, as it reads inside the decision.
    let schemeJSON: JSONFragment
    /// By criterion index: the JSON decision's `source` of the criterion, as it reads inside
    /// the decision's `criteria`.
    let criterionSourcesJSON: [JSONFragment]
    /// By criterion index: the schemes whose decision its condition reads, each once, in order.
    let criterionDecisionSchemes: [[String]]
    /// The schemes the scheme refers to, each once, in order.
    let referencedSchemes: [String]
    /// How the amount is rounded, as the amount's table says it: nil for a scheme without amount.
    let rounding: String?
    /// What a name in a step's wording stands for: the step's own value, another step's, an
    /// input's, or none of these (a parameter, or nothing).
    enum StepName: Sendable {
        case value
        case step(Int)
        case input(Int)
        case other
    }
    /// By step index: what each name its wording holds between braces stands for, in the order
    /// written, found once for the scheme rather than by name in every decision.
    let stepWordingTargets: [[StepName]]
    /// By step index: the input whose id the step's formula is, when it is one (a step that
    /// reads one amount of the file).
    let stepFormulaInputs: [Int?]
    /// The words of a document's footer before the application's fingerprint, as this engine
    /// writes them (`ActParts.footer`).
    let footer: String
    /// How documents name each body of the scheme's authority (`bodyName(_:)`).
    /// In the order of `DecidingBody.allCases`: found by a comparison or two, where a dictionary
    /// hashed the body's name at each document.
    private let bodyNames: [(body: DecidingBody, name: BodyName)]

    private init(_ scheme: Scheme) {
        self.scheme = scheme
        footer = ActParts.footer(engine: DecisionRecord.currentEngineVersion, scheme: scheme)
        criterionDecisionSchemes = scheme.criteria.map { ($0.condition?.referencedSchemes ?? []).uniqued() }
        referencedSchemes = scheme.references.map(\.id).uniqued()
        rounding = scheme.amount.map { FrenchFormat.rounding($0.rounding) }
        let steps = scheme.amount?.steps ?? []
        let stepIndex = Dictionary(steps.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        stepWordingTargets = steps.map { $0.wording.map(ParameterText.names) ?? [] }.map { names in
            names.map { name in
                if name == InputStatement.valueName { return .value }
                if let step = stepIndex[name] { return .step(step) }
                return scheme.inputIndex(name).map { .input($0) } ?? .other
            }
        }
        stepFormulaInputs = steps.map { scheme.inputIndex($0.formula) }
        bodyNames = DecidingBody.allCases.map { ($0, BodyName($0, authority: scheme.authority)) }
        var citations: [String: String] = [:]
        for source in scheme.sources where citations[source.id] == nil {
            citations[source.id] = Citations.citation(source)
        }
        self.citations = citations
        criterionSources = scheme.criteria.map { $0.source.flatMap(scheme.source) }
        shortCitations = criterionSources.map { $0.map { Citations.shortCitation($0) } ?? "—" }
        actCitations = criterionSources.map { $0.map { Citations.shortCitation($0, withLines: false) } ?? "—" }
        legalBasis = DecisionRecord.legalBasis(of: scheme)
        let sourceIDs = scheme.criteria.compactMap(\.source) + (scheme.amount?.steps.compactMap(\.source) ?? [])
        var seen: Set<String> = []
        citedSources = sourceIDs.filter { seen.insert($0).inserted }.compactMap(scheme.source)
        var text = MarkdownText()
        MarkdownDecision.texts(citedSources, into: &text)
        textsSection = text.utf8
        let legalBasis = legalBasis
        schemeJSON = JSONWriter.fragment(depth: 1) { JSONDecision.scheme(scheme, legalBasis: legalBasis, key: nil, &$0) }
        criterionSourcesJSON = criterionSources.map { source in
            JSONWriter.fragment(depth: 3) { JSONDecision.source(source, key: nil, &$0) }
        }
    }

    /// How documents name `body` of the scheme's authority: the same words in every decision,
    /// where naming it anew lower-cases the authority's titles each time.
    func bodyName(_ body: DecidingBody) -> BodyName {
        bodyNames.first { $0.body == body }?.name ?? BodyName(body, authority: scheme.authority)
    }

    /// The citation of one of the scheme's sources, with its lines.
    func citation(_ source: SourceReference) -> String {
        citations[source.id] ?? Citations.citation(source)
    }

    /// The citation of the scheme's source `id`, or nil when the scheme has no such source.
    func citation(id: String) -> String? { citations[id] }

    private static let known = Mutex<[ObjectIdentifier: SchemeWording]>([:])

    /// The wording of `scheme`, worked out on first use.
    static func of(_ scheme: Scheme) -> SchemeWording {
        let key = ObjectIdentifier(scheme)
        if let wording = known.withLock({ $0[key] }) { return wording }
        // Worked out outside the lock: two threads may both work it out, and keep the first.
        let wording = SchemeWording(scheme)
        return known.withLock { known in
            if let first = known[key] { return first }
            known[key] = wording
            return wording
        }
    }
}
