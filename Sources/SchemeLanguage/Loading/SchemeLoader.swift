import ExactDecimal
import YAMLReader
import Platform

/// Loads a scheme file: every field checked, every expression parsed and type-checked.
///
/// All problems of a file are reported together, each with its file:line:column and field path.
public enum SchemeLoader {
    /// Loads the scheme in a file; `deliberations` are the entries its `authority` and its
    /// sources' `act` keys may cite.
    public static func load(path: String, deliberations: SharedDeliberations = .none) -> Result<Scheme, DiagnosticList> {
        let bytes: [UInt8]
        switch FileBytes.read(path) {
        case .success(let read): bytes = read
        case .failure(let diagnostic): return .failure(DiagnosticList([diagnostic]))
        }
        return load(bytes: bytes, file: path, deliberations: deliberations)
    }

    /// Loads a scheme from the bytes of its file.
    public static func load(bytes: [UInt8], file: String, deliberations: SharedDeliberations = .none) -> Result<Scheme, DiagnosticList> {
        let document: YAMLNode
        do {
            let reader = YAMLDocumentReader(bytes: bytes, file: file)
            guard let first = try reader.nextDocument() else {
                return .failure(DiagnosticList([Diagnostic("le fichier est vide : un dispositif commence par « id », « title » et « kind »", at: SourceMark(file: file, line: 1, column: 1))]))
            }
            if let second = try reader.nextDocument() {
                return .failure(DiagnosticList([Diagnostic("un fichier de dispositif n'en contient qu'un : retirez le second document", at: second.mark)]))
            }
            document = first
        } catch {
            return .failure(DiagnosticList([Diagnostic(error)]))
        }
        var builder = SchemeBuilder(file: file, bytes: bytes, deliberations: deliberations)
        guard let scheme = builder.build(document), builder.log.isEmpty else {
            return .failure(DiagnosticList(builder.log.diagnostics))
        }
        return .success(scheme)
    }
}

/// Reads a whole file, turning the operating system's refusal into a located diagnostic.
public enum FileBytes {
    public static func read(_ path: String) -> Result<[UInt8], Diagnostic> {
        do {
            return .success(try RegularFile.read(path))
        } catch {
            return .failure(Diagnostic(error.reason, at: SourceMark(file: path, line: 1, column: 1)))
        }
    }
}

/// Who decides, as a scheme's `authority` declares it, before its source is checked.
struct DeclaredDecision {
    let body: DecidingBody
    /// The `source` field, naming the scheme's source that quotes the delegation.
    let source: YAMLNode?
    /// The `cgct_article` field, checked: the article of the CGCT that grounds the body's power.
    let cgctArticle: String?
    /// The `authority` mapping, where a missing source is reported.
    let mark: SourceMark
}

/// Builds a `Scheme` section by section, logging what is wrong.
struct SchemeBuilder {
    let file: String
    /// The file's bytes, which its rules fingerprint covers.
    let bytes: [UInt8]
    /// The shared entries the scheme may cite by key.
    let deliberations: SharedDeliberations
    /// The shared entries it does cite, which its rules fingerprint covers as well.
    var usedAuthority: String?
    var usedActs: Set<String> = []
    /// The broken shared entries already reported in this scheme.
    var citedBroken: Set<String> = []
    /// Who decides, as `authority` declares it; its source is checked once the sources are read.
    var declaredDecision: DeclaredDecision?
    let log = DiagnosticLog()
    var sourceIDs: Set<String> = []
    /// The schemes named by `outcome("…")` in this scheme's expressions.
    let references = SchemeReferences()
    var pieceIDs: Set<String> = []
    /// The scheme's parameters, once read: the texts read after them may name them.
    var parameterList: [Parameter] = [] {
        didSet { parameterFigures = ParameterFigures(parameterList) }
    }
    /// The figures of their values, which a text must not write out: worked out once, for all
    /// the texts of the scheme (`template`).
    private(set) var parameterFigures = ParameterFigures([])

    init(file: String, bytes: [UInt8], deliberations: SharedDeliberations) {
        self.file = file
        self.bytes = bytes
        self.deliberations = deliberations
    }

    /// SHA-256 of the file's bytes alone for a scheme that cites nothing shared (the
    /// fingerprint it always had); otherwise SHA-256 of that hash, a line break, and the shared
    /// entries it cites in a canonical text: a changed act title changes the fingerprint of
    /// every decision that cites it.
    var rulesHash: String {
        let own = SHA256.hex(of: bytes)
        guard usedAuthority != nil || !usedActs.isEmpty else { return own }
        let shared = deliberations.canonicalText(authority: usedAuthority, acts: usedActs)
        return SHA256.hex(of: Array("\(own)\n\(shared)".utf8))
    }

    mutating func build(_ document: YAMLNode) -> Scheme? {
        guard var fields = Fields(document, path: "", log: log) else { return nil }
        let id = fields.required("id", what: "l'identifiant du dispositif").flatMap { log.identifier($0, path: "id") }
        let title = fields.required("title").flatMap { log.text($0, path: "title") }
        let kind = fields.required("kind").flatMap { self.kind($0) }
        let family = fields.optional("family").flatMap { log.identifier($0, path: "family") }
        let beneficiaries = fields.optional("beneficiaries").map { self.beneficiaries($0) } ?? []
        let themes = fields.optional("themes").map { self.themes($0) } ?? []
        let authority = fields.required("authority", what: "la clé d'une autorité de deliberations.yaml, comme cd62").flatMap { self.authority($0) }
        let sources = fields.required("sources", what: "les passages des délibérations que le dispositif traduit").map { self.sources($0) } ?? []
        let decidedBy = decisionAuthority()
        let inForceNode = fields.optional("in_force")
        let window = inForceNode.flatMap { self.inForce($0) }
        let piecesNode = fields.optional("pieces")
        let pieces = piecesNode.map { self.pieces($0) } ?? []
        let ownInputs = fields.optional("inputs").map { self.inputs($0) } ?? []
        let financingPlan = fields.optional("financing_plan").flatMap { self.financingPlan($0) }
        let declaredInputs = ownInputs + (financingPlan.map { planInputs($0, after: ownInputs) } ?? [])
        let parameters = fields.optional("parameters").map { self.parameters($0, inputs: declaredInputs) } ?? []
        parameterList = parameters
        if let window, let inForceNode { checkDeadline(window, parameters: parameters, at: inForceNode) }
        let inputs = statements(declaredInputs)
        var symbols = symbolTable(inputs: inputs, parameters: parameters)
        let limitsNode = fields.optional("limits")
        let limits = limitsNode.map { self.limits($0, inputs: inputs, symbols: symbols) } ?? []
        for (index, limit) in limits.enumerated() {
            if symbols.symbols[limit.id] != nil {
                log.error("la limite « \(limit.id) » porte le nom d'une donnée ou d'un paramètre : renommez-la", at: document.mark, path: "limits.\(limit.id)")
            }
            symbols.symbols[limit.id] = .limit(index: index, type: limit.measure.type)
        }
        // An allocation has no applicant, hence no eligibility: its criteria are refused below.
        let eligibility = kind == .allocation ? fields.optional("eligibility")
            : fields.required("eligibility", what: "les critères d'éligibilité")
        if inForceNode != nil, let eligibility { checkWindowID(in: eligibility) }
        // The period of application comes first: a refusal outside it is the first ground stated.
        let windowCriteria = window.flatMap { window in inForceNode.map { [window.criterion(at: $0.mark)] } } ?? []
        let criteria = windowCriteria + (eligibility.map { self.criteria($0, symbols: symbols) } ?? [])
        let scheduleNode = fields.optional("schedule")
        let schedule = scheduleNode.flatMap { self.schedule($0, symbols: symbols) }
        var amountSymbols = symbols
        if schedule != nil {
            amountSymbols.symbols[Builtin.scheduleTotal.rawValue] = .builtin(.scheduleTotal)
            amountSymbols.symbols[Builtin.scheduleMonths.rawValue] = .builtin(.scheduleMonths)
        }
        let amountNode = fields.optional("amount")
        let amount = amountNode.flatMap { self.amount($0, symbols: amountSymbols) }
        checkStatements(inputs: inputs, criteria: criteria, amount: amount)
        if let step = financingPlan?.aidStep, let amount, !amount.steps.contains(where: { $0.id == step }) {
            log.error("étape « \(step) » inconnue : aid_step nomme l'étape du montant qui est l'aide calculée", at: financingPlan!.mark, path: "financing_plan.aid_step")
        }
        let notices = fields.optional("notices").map { self.notices($0, symbols: symbols) } ?? []
        let notification = fields.optional("notification").flatMap { self.notificationDeadline($0) }
        let selectionNode = fields.optional("selection")
        let selection = selectionNode.flatMap { self.selection($0, symbols: symbols) }
        if kind == .allocation {
            checkAllocation(document, amount: amountNode, refused: [("eligibility", eligibility), ("in_force", inForceNode), ("pieces", piecesNode),
                                                                 ("limits", limitsNode), ("schedule", scheduleNode), ("selection", selectionNode)])
        } else {
            refuseParts(in: amountNode)
        }
        let interpretations = fields.optional("interpretation").map {
            self.interpretations($0, targets: InterpretationTargets(document, window: inForceNode != nil))
        } ?? []
        var signature = SchemeSignature(id: id ?? "?", inputs: inputs, pieces: pieces, criteria: criteria)
        // Test cases may name a criterion whose condition has an error: that error is reported
        // once, at the criterion, not again at every test naming it.
        signature.references = Set(references.all.map(\.id))
        signature.limits = limits
        signature.isAllocation = kind == .allocation
        signature.planFunder = financingPlan?.funder
        signature.stepIDs = amount?.steps.map(\.id) ?? []
        signature.stepTypes = amount?.steps.map(\.expression.type) ?? []
        signature.unsetParameters = Dictionary(parameters.filter(\.isUnset).map { ($0.id, $0.type) }, uniquingKeysWith: { first, _ in first })
        signature.criterionIDs = windowCriteria.map(\.id)
            + (eligibility?.sequence?.compactMap { $0.mapping?.first { $0.key.scalar == "id" }?.value.scalar } ?? [])
        let tests = fields.optional("tests").map { self.testCases($0, signature: signature) } ?? []
        fields.rejectUnknown()
        guard let id, let title, let kind, let authority else { return nil }
        return Scheme(id: id, title: title, kind: kind, family: family, beneficiaries: beneficiaries, themes: themes, authority: authority, decidedBy: decidedBy, inForce: window, sources: sources, pieces: pieces,
                      inputs: inputs, parameters: parameters, criteria: criteria, amount: amount, limits: limits, schedule: schedule, notices: notices, selection: selection,
                      interpretations: interpretations, tests: tests, references: references.all,
                      file: file, rulesHash: rulesHash, financingPlan: financingPlan, notificationDeadline: notification)
    }

    /// An input a criterion or the amount reads is stated in an act: it needs its `statement`.
    private func checkStatements(inputs: [InputDefinition], criteria: [Criterion], amount: AmountDefinition?) {
        let expressions = criteria.flatMap { [$0.condition, $0.applicability].compactMap { $0 } } + (amount?.steps.map(\.expression) ?? [])
        for index in Set(expressions.flatMap(\.inputIndices)).sorted() where inputs[index].statement == nil {
            let input = inputs[index]
            log.error("la donnée « \(input.id) » est lue par un critère ou par le montant, et n'a pas de « statement » : ajoutez la phrase qui l'énonce dans un acte (« La dépense éligible s'élève à {value}. »)",
                      at: input.mark, path: "inputs.\(input.id)")
        }
    }

    private func kind(_ node: YAMLNode) -> SchemeKind? {
        guard let text = log.text(node, path: "kind") else { return nil }
        guard let kind = SchemeKind(rawValue: text) else {
            log.error("nature \(ScalarParsing.quoted(text)) inconnue ; les natures possibles sont : \(SchemeKind.allCases.map(\.rawValue).joined(separator: ", "))", at: node.mark, path: "kind")
            return nil
        }
        return kind
    }

    private mutating func pieces(_ node: YAMLNode) -> [Piece] {
        entries(node, path: "pieces").compactMap { id, value, path in
            guard var fields = Fields(value, path: path, log: log) else { return nil }
            let label = fields.required("label").flatMap { log.text($0, path: "\(path).label") }
            let source = sourceReference(&fields, path: path)
            fields.rejectUnknown()
            pieceIDs.insert(id)
            return label.map { Piece(id: id, label: $0, source: source) }
        }
    }

    /// The optional `source` field, which must name a declared source.
    func sourceReference(_ fields: inout Fields, path: String) -> String? {
        fields.optional("source").flatMap { sourceID($0, path: "\(path).source") }
    }

    /// A source id, which must be declared under `sources`.
    func sourceID(_ node: YAMLNode, path: String) -> String? {
        guard let id = log.text(node, path: path) else { return nil }
        guard sourceIDs.contains(id) else {
            var message = "source \(ScalarParsing.quoted(id)) inconnue"
            if let question = Suggestion.question(for: id, among: sourceIDs.sorted()) { message += " ; " + question }
            else { message += " : déclarez-la sous « sources »" }
            log.error(message, at: node.mark, path: path)
            return nil
        }
        return id
    }

    /// The entries of a mapping keyed by identifiers, in file order.
    func entries(_ node: YAMLNode, path: String) -> [(id: String, value: YAMLNode, path: String)] {
        guard let pairs = node.mapping else {
            log.error("attendu un ensemble d'identifiants et de leurs définitions, trouvé \(node.kindName)", at: node.mark, path: path)
            return []
        }
        return pairs.compactMap { pair in
            guard let id = log.identifier(pair.key, path: path) else { return nil }
            return (id, pair.value, "\(path).\(id)")
        }
    }
}
