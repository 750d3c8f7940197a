import ExactDecimal
import YAMLReader

/// Decodes an application document with the inputs of its scheme: every fact typed and checked.
///
/// A class: a decoder is made once per scheme and used for every document, and copying a
/// reference to it is one retain where copying its signature's arrays and sets was dozens.
public final class ApplicationDecoder {
    /// What names the scheme at the top of the document.
    public enum Header: Sendable {
        /// `scheme: pdesi`: an application for one scheme.
        case scheme
        /// `family: logement`: a household's file, evaluated against every scheme of the family.
        case family(String)
    }

    let scheme: SchemeSignature
    private let companions: Companions
    private let header: Header
    /// For a household's file, the schemes it may request: this one and its companions.
    private let requestable: [String]

    /// `companions` are the other schemes evaluated on the same document (those whose outcome
    /// this one uses, or the rest of its family): their facts, pieces and findings are left
    /// to them rather than reported as unknown.
    public init(scheme: Scheme, companions: [Scheme] = [], header: Header = .scheme) {
        self.scheme = SchemeSignature(scheme)
        self.companions = Companions(companions.filter { $0.id != scheme.id })
        self.header = header
        requestable = ([scheme] + companions.filter { $0.id != scheme.id }).map(\.id)
    }

    init(signature: SchemeSignature) {
        scheme = signature
        companions = Companions([])
        header = .scheme
        requestable = []
    }

    /// The application, or every problem found in it.
    public func decode(_ document: YAMLNode) -> Result<Application, DiagnosticList> {
        let log = DiagnosticLog()
        let application = decode(document, log: log)
        guard log.isEmpty, let application else { return .failure(DiagnosticList(log.diagnostics)) }
        return .success(application)
    }

    func decode(_ document: YAMLNode, log: DiagnosticLog, path: String = "", requireHeader: Bool = true) -> Application? {
        guard var fields = Fields(document, path: path, log: log) else { return nil }
        // The application is decoded for this scheme, whichever scheme or family its header names.
        let schemeID = scheme.id
        var id = "test"
        var requests: [String]?
        if requireHeader {
            requests = readHeader(&fields, log: log)
            if let node = fields.required("id", what: "la référence de la demande"),
               let text = log.identifier(node, path: fields.childPath("id")) { id = text }
        }
        let filed = fields.required("filed", what: "la date de dépôt, AAAA-MM-JJ").flatMap { node -> LocalDate? in
            guard case .success(.date(let date)) = ScalarParsing.value(node, as: .date) else {
                log.error("attendu la date de dépôt écrite AAAA-MM-JJ, trouvé \(ScalarParsing.shown(node))", at: node.mark, path: fields.childPath("filed"))
                return nil
            }
            return date
        }
        let applicant = requireHeader
            ? fields.required("applicant").flatMap { decodeApplicant($0, path: fields.childPath("applicant"), log: log) }
            : Application.Applicant(name: "(cas de test)", kind: nil, address: nil)
        let subject = fields.optional("subject").flatMap { log.line($0, path: fields.childPath("subject")) }
        var facts = FactValues(count: scheme.inputs.count)
        if let node = fields.optional("facts") { decodeFacts(node, group: scheme.facts.root, companion: companions.facts.root, path: fields.childPath("facts"), rootLength: fields.childPath("facts").count, into: &facts, log: log) }
        let pieces = fields.optional("pieces").map { idList($0, known: scheme.pieceList, tolerated: companions.pieces, what: "pièce", path: fields.childPath("pieces"), log: log) } ?? IndexFlags()
        let confirmed = fields.optional("confirmed").map { confirmedList($0, path: fields.childPath("confirmed"), log: log) } ?? IndexFlags()
        let findings = fields.optional("findings").map { decodeFindings($0, path: fields.childPath("findings"), log: log) } ?? [:]
        let outcomes = fields.optional("outcomes").map { decodeOutcomes($0, path: fields.childPath("outcomes"), log: log) } ?? [:]
        // A test case states what the register holds; a real application never does.
        let limitValues = requireHeader ? [:] : fields.optional("limits").map { decodeLimitValues($0, path: fields.childPath("limits"), log: log) } ?? [:]
        for (index, value) in scheme.defaults where facts.values[index] == nil { facts.values[index] = value }
        let planNode = fields.optional("financing_plan")
        fields.rejectUnknown()
        guard let filed, let applicant else { return nil }
        let plan = financingPlan(planNode, applicant: applicant, path: fields.childPath("financing_plan"), into: &facts, log: log)
        var application = Application(id: id, schemeID: schemeID, filed: filed, applicant: applicant, subject: subject,
                           facts: facts.values, monthlyFacts: facts.monthly, factMarks: facts.marks, monthMarks: facts.monthMarks,
                           pieces: pieces, confirmed: confirmed, findings: findings, outcomes: outcomes,
                           limitValues: limitValues, requests: requests, mark: document.mark)
        application.taxInclusive = facts.taxInclusive
        application.clarifications = facts.clarifications
        application.financingPlan = plan
        return application
    }

    /// Reads the header; for a household's file, returns the aids it requests.
    private func readHeader(_ fields: inout Fields, log: DiagnosticLog) -> [String]? {
        switch header {
        case .scheme:
            if let node = fields.required("scheme") { _ = log.text(node, path: "scheme") }
            return nil
        case .family(let family):
            if let node = fields.required("family", what: "la famille de dispositifs du dossier de ce ménage"), node.scalar != family {
                log.error("ce dossier est celui de la famille \(ScalarParsing.shown(node)), et non « \(family) »", at: node.mark, path: "family")
            }
            let node = fields.required("requests", what: "les aides que le ménage demande (requests: [\(requestable.joined(separator: ", "))])")
            return node.flatMap { requests($0, family: family, log: log) }
        }
    }

    /// The aids a household requests: a decision is issued for these only; the others of the
    /// family are evaluated for its orientation.
    private func requests(_ node: YAMLNode, family: String, log: DiagnosticLog) -> [String]? {
        guard let items = log.sequence(node, path: "requests") else { return nil }
        var requests: [String] = []
        for (index, item) in items.enumerated() {
            guard let id = log.identifier(item, path: "requests[\(index)]") else { continue }
            guard requestable.contains(id) else {
                log.error("« \(id) » n'est pas une aide de la famille \(family) : demandez parmi \(requestable.joined(separator: ", "))",
                          at: item.mark, path: "requests[\(index)]")
                continue
            }
            if !requests.contains(id) { requests.append(id) }
        }
        if items.isEmpty {
            log.error("requests est vide : nommez au moins une aide demandée (\(requestable.joined(separator: ", ")))", at: node.mark, path: "requests")
        }
        return requests
    }

    private func decodeApplicant(_ node: YAMLNode, path: String, log: DiagnosticLog) -> Application.Applicant? {
        guard var fields = Fields(node, path: path, log: log) else { return nil }
        let name = fields.required("name", what: "le nom du demandeur").flatMap { log.line($0, path: fields.childPath("name")) }
        let kind = fields.optional("kind").flatMap { log.line($0, path: fields.childPath("kind")) }
        let address = fields.optional("address").flatMap { log.text($0, path: fields.childPath("address")) }
        let siret = fields.optional("siret").flatMap { siretNumber($0, path: fields.childPath("siret"), log: log) }
        fields.rejectUnknown()
        return name.map { Application.Applicant(name: $0, kind: kind, address: address, siret: siret) }
    }

    /// A SIRET: 14 digits (spaces allowed), with the Luhn check every SIRET carries but La Poste's.
    private func siretNumber(_ node: YAMLNode, path: String, log: DiagnosticLog) -> String? {
        guard let text = log.line(node, path: path) else { return nil }
        let digits = text.filter { !$0.isWhitespace }
        guard digits.count == 14, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else {
            log.error("un SIRET s'écrit avec 14 chiffres (par exemple \"216 200 001 00019\"), trouvé \(ScalarParsing.shown(node))", at: node.mark, path: path)
            return nil
        }
        guard digits.hasPrefix("356000000") || Self.luhnValid(digits) else {
            log.error("le SIRET \(ScalarParsing.shown(node)) est invalide (clé de contrôle) : vérifiez-le sur l'avis de situation INSEE", at: node.mark, path: path)
            return nil
        }
        return digits
    }

    static func luhnValid(_ digits: String) -> Bool {
        let sum = digits.reversed().enumerated().reduce(0) { total, pair in
            let digit = Int(String(pair.element))!
            let doubled = pair.offset % 2 == 1 ? digit * 2 : digit
            return total + (doubled > 9 ? doubled - 9 : doubled)
        }
        return sum % 10 == 0
    }

    /// Facts may be written flat (`esi.categorie: 1`) or nested (`esi: {categorie: 1}`).
    /// `rootLength` is the length of the path of `facts` itself, so that a fact's name can be
    /// recovered from its path for an error.
    private func decodeFacts(_ node: YAMLNode, group: FactTree.Group?, companion: FactTree.Group?, path: String,
                             rootLength: Int, into facts: inout FactValues, log: DiagnosticLog) {
        guard let pairs = node.mapping else {
            log.error("attendu les faits de la demande (nom : valeur), trouvé \(node.kindName)", at: node.mark, path: path)
            return
        }
        for position in pairs.indices {
            let key = pairs[position].key.scalar ?? ""
            // The companions' facts are looked up only for a key that is not this scheme's input,
            // and a fact of this scheme is read in place, without a copy of its pair.
            let entry = group?.entry(key)
            if case .input(let index)? = entry {
                decodeFact(pairs[position].value, index: index, path: "\(path).\(key)", into: &facts, log: log)
                continue
            }
            let pair = pairs[position]
            let theirs = companion?.entry(key)
            switch entry {
            case .group(let inner)? where pair.value.mapping != nil:
                var companionGroup: FactTree.Group?
                if case .group(let other)? = theirs { companionGroup = other }
                decodeFacts(pair.value, group: inner, companion: companionGroup, path: "\(path).\(key)", rootLength: rootLength, into: &facts, log: log)
            case nil where theirs != nil:
                // A fact of another scheme of the evaluation: that scheme reads it.
                if case .group(let other)? = theirs, pair.value.mapping != nil {
                    decodeFacts(pair.value, group: nil, companion: other, path: "\(path).\(key)", rootLength: rootLength, into: &facts, log: log)
                }
            default:
                let factPath = "\(path).\(key)"
                let name = String(factPath.dropFirst(rootLength + 1))
                unknownFact(name, key: key, at: pair.key.mark, path: factPath, log: log)
            }
        }
    }

    private func unknownFact(_ name: String, key: String, at mark: SourceMark, path: String, log: DiagnosticLog) {
        var message = "fait « \(name) » inconnu du dispositif \(scheme.id)"
        if let hint = Fields.commaHint(key) { message += hint }
        else if let question = Suggestion.question(for: name, among: scheme.inputIDs) { message += " ; " + question }
        else { message += " ; « guichet explain \(scheme.id) » liste les faits qu'il emploie" }
        log.error(message, at: mark, path: path)
    }

    /// Runs for every fact of every application: the path is only built for an error.
    private func decodeFact(_ node: YAMLNode, index: Int, path: @autoclosure () -> String, into facts: inout FactValues, log: DiagnosticLog) {
        if node.isNull { return }
        if scheme.inputs[index].planFigure != nil {
            log.error("« \(scheme.inputIDs[index]) » se lit dans le plan de financement : écrivez le plan sous financing_plan (dépenses, ressources), pas ce chiffre",
                      at: node.mark, path: path())
            return
        }
        facts.marks[index] = node.mark
        if scheme.perMonth[index], let pairs = node.mapping {
            decodeMonthly(pairs, index: index, path: path(), into: &facts, log: log)
            return
        }
        if scheme.exclusiveOfTax[index] {
            facts.values[index] = TaxBasis.decode(node, index: index, input: scheme.inputs[index], into: &facts, path: path(), log: log) {
                typedFact($0, index: index, path: $1, log: log)
            }
            return
        }
        if let value = typedFact(node, index: index, path: path(), log: log) { facts.values[index] = value }
    }

    /// `{2020-11: 450 €, 2020-12: 460 €}` for a fact with a value per month.
    private func decodeMonthly(_ pairs: [YAMLPair], index: Int, path: String, into facts: inout FactValues, log: DiagnosticLog) {
        var months: [LocalDate: Value] = [:]
        var marks: [LocalDate: SourceMark] = [:]
        for pair in pairs {
            guard let key = pair.key.scalar, let month = LocalDate(iso: key + "-01") else {
                log.error("attendu un mois écrit AAAA-MM, trouvé \(ScalarParsing.shown(pair.key))", at: pair.key.mark, path: path)
                continue
            }
            marks[month] = pair.key.mark
            if let value = typedFact(pair.value, index: index, path: "\(path).\(key)", log: log) { months[month] = value }
        }
        facts.monthly[index] = months
        facts.monthMarks[index] = marks
    }

    private func typedFact(_ node: YAMLNode, index: Int, path: @autoclosure () -> String, log: DiagnosticLog) -> Value? {
        switch ScalarParsing.value(node, as: scheme.types[index]) {
        case .failure(let problem):
            // The field path names the fact: the message need not.
            log.error(problem.message, at: node.mark, path: path())
        case .success(let value):
            if let bounds = scheme.bounds[index], let problem = Bounds.violation(of: value, id: scheme.inputIDs[index], type: scheme.types[index], bounds: bounds) {
                log.error(problem, at: node.mark, path: path())
                return nil
            }
            return value
        }
        return nil
    }

    /// The inputs an instructor confirmed: a list of ids, or `all` once every declared fact is checked.
    private func confirmedList(_ node: YAMLNode, path: String, log: DiagnosticLog) -> IndexFlags {
        if node.scalar == "all" { return scheme.confirmable }
        return idList(node, known: scheme.inputIDs, allowed: scheme.confirmable, tolerated: companions.inputs, what: "fait à confirmer", path: path, log: log)
    }

    /// `known` is a short list: a linear search beats hashing every id twice.
    /// The indices in `known` of the ids listed; `allowed` narrows which of them may be named.
    private func idList(_ node: YAMLNode, known: [String], allowed: IndexFlags? = nil, tolerated: Set<String>,
                        what: String, path: String, log: DiagnosticLog) -> IndexFlags {
        guard let items = log.sequence(node, path: path) else { return IndexFlags() }
        var ids = IndexFlags()
        for (position, item) in items.enumerated() {
            guard let id = log.text(item, path: "\(path)[\(position)]") else { continue }
            guard let index = known.firstIndex(of: id), allowed?.contains(index) ?? true else {
                if tolerated.contains(id) { continue }
                let known = allowed.map { $0.indices.map { known[$0] } } ?? known
                var message = "\(what) \(ScalarParsing.quoted(id)) inconnu\(what == "pièce" ? "e" : "") du dispositif \(scheme.id)"
                if let question = Suggestion.question(for: id, among: known.sorted()) { message += " ; " + question }
                else { message += " ; attendu l'un de : \(known.sorted().joined(separator: ", "))" }
                log.error(message, at: item.mark, path: "\(path)[\(position)]")
                continue
            }
            ids.insert(index)
        }
        return ids
    }

    private func decodeLimitValues(_ node: YAMLNode, path: String, log: DiagnosticLog) -> [String: Value] {
        guard let pairs = node.mapping else {
            log.error("attendu les limites et leurs valeurs, trouvé \(node.kindName)", at: node.mark, path: path)
            return [:]
        }
        var values: [String: Value] = [:]
        for pair in pairs {
            let id = pair.key.scalar ?? ""
            guard let limit = scheme.limits.first(where: { $0.id == id }) else {
                var message = "« \(id) » n'est pas une limite du dispositif \(scheme.id)"
                if let question = Suggestion.question(for: id, among: scheme.limits.map(\.id)) { message += " ; " + question }
                log.error(message, at: pair.key.mark, path: "\(path).\(id)")
                continue
            }
            switch ScalarParsing.value(pair.value, as: limit.measure.type) {
            case .success(let value): values[id] = value
            case .failure(let problem): log.error(problem.message, at: pair.value.mark, path: "\(path).\(id)")
            }
        }
        return values
    }

    private func decodeOutcomes(_ node: YAMLNode, path: String, log: DiagnosticLog) -> [String: Outcome] {
        guard let pairs = node.mapping else {
            log.error("attendu les dispositifs et leur issue, trouvé \(node.kindName)", at: node.mark, path: path)
            return [:]
        }
        var outcomes: [String: Outcome] = [:]
        for pair in pairs {
            let id = pair.key.scalar ?? ""
            guard scheme.references.contains(id) else {
                if companions.references.contains(id) { continue }
                let known = scheme.references.sorted().joined(separator: ", ")
                log.error("« \(id) » n'est pas un dispositif dont le dispositif \(scheme.id) lit l'issue ; il lit : \(known.isEmpty ? "aucun" : known)", at: pair.key.mark, path: "\(path).\(id)")
                continue
            }
            guard let text = pair.value.scalar, let outcome = Outcome(french: text) else {
                log.error("attendu favorable, défavorable, incomplet ou à instruire, trouvé \(ScalarParsing.shown(pair.value))", at: pair.value.mark, path: "\(path).\(id)")
                continue
            }
            outcomes[id] = outcome
        }
        return outcomes
    }

    private func decodeFindings(_ node: YAMLNode, path: String, log: DiagnosticLog) -> [String: Application.Finding] {
        guard let pairs = node.mapping else {
            log.error("attendu les critères manuels et les constats de l'instructeur, trouvé \(node.kindName)", at: node.mark, path: path)
            return [:]
        }
        var findings: [String: Application.Finding] = [:]
        for pair in pairs {
            let id = pair.key.scalar ?? ""
            let findingPath = "\(path).\(id)"
            guard scheme.manualCriteria.contains(id) else {
                if companions.manualCriteria.contains(id) { continue }
                let known = scheme.manualCriteria.sorted().joined(separator: ", ")
                log.error("« \(id) » n'est pas un critère que l'instructeur tranche dans le dispositif \(scheme.id) ; ceux qu'il tranche sont : \(known.isEmpty ? "aucun" : known)", at: pair.key.mark, path: findingPath)
                continue
            }
            guard var fields = Fields(pair.value, path: findingPath, log: log) else { continue }
            let satisfied = fields.required("satisfied", what: "true ou false").flatMap { log.boolean($0, path: fields.childPath("satisfied")) }
            let note = fields.optional("note").flatMap { log.text($0, path: fields.childPath("note")) }
            fields.rejectUnknown()
            if let satisfied { findings[id] = Application.Finding(satisfied: satisfied, note: note) }
        }
        return findings
    }
}

/// The bounds an input declares (`min`, `max`): a negative expense is refused when read.
enum Bounds {
    static func violation(of value: Value, id: String, type: ValueType,
                          bounds: (minimum: DecimalNumber?, maximum: DecimalNumber?)) -> String? {
        guard let magnitude = value.decimal else { return nil }
        if let minimum = bounds.minimum, magnitude < minimum {
            return "« \(id) » vaut au moins \(minimum.frenchFormatted())\(unit(type)), trouvé \(magnitude.frenchFormatted())\(unit(type))"
        }
        if let maximum = bounds.maximum, magnitude > maximum {
            return "« \(id) » vaut au plus \(maximum.frenchFormatted())\(unit(type)), trouvé \(magnitude.frenchFormatted())\(unit(type))"
        }
        return nil
    }

    private static func unit(_ type: ValueType) -> String {
        type == .money ? " €" : ""
    }
}
