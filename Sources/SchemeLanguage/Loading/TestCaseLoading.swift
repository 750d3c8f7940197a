import ExactDecimal
import YAMLReader

/// A scheme's test cases in their own file, `tests/<scheme-id>.yaml` beside the rules, as
/// OpenFisca keeps them: a list of cases in the format of a scheme's `tests:` section.
public enum SchemeTestLoader {
    /// The cases of the file at `path`, decoded with the inputs, pieces and criteria of `scheme`.
    public static func load(path: String, scheme: Scheme) -> Result<[SchemeTestCase], DiagnosticList> {
        let document: YAMLNode
        do {
            document = try YAMLDocumentReader.singleDocument(path: path)
        } catch {
            return .failure(DiagnosticList([Diagnostic(error)]))
        }
        guard document.sequence != nil else {
            let message = "attendu la liste des cas de test du dispositif (chacun avec name, application et expect), trouvé \(document.kindName)"
            return .failure(DiagnosticList([Diagnostic(message, at: document.mark)]))
        }
        let log = DiagnosticLog()
        let cases = TestCaseReader(signature: SchemeSignature(scheme), log: log).cases(document, path: "")
        guard log.isEmpty else { return .failure(DiagnosticList(log.diagnostics)) }
        return .success(cases)
    }
}

extension SchemeBuilder {
    /// The `tests` section of a scheme file.
    func testCases(_ node: YAMLNode, signature: SchemeSignature) -> [SchemeTestCase] {
        TestCaseReader(signature: signature, log: log).cases(node, path: "tests")
    }
}

/// Reads a list of test cases, wherever it is written.
struct TestCaseReader {
    let signature: SchemeSignature
    let log: DiagnosticLog

    /// `path` is the list's own (`tests` in a scheme file, empty for a file of its own).
    func cases(_ node: YAMLNode, path listPath: String) -> [SchemeTestCase] {
        guard let items = log.sequence(node, path: listPath) else { return [] }
        let decoder = ApplicationDecoder(signature: signature)
        return items.enumerated().compactMap { position, item in
            let path = "\(listPath)[\(position)]"
            guard var fields = Fields(item, path: path, log: log) else { return nil }
            let name = fields.required("name").flatMap { log.text($0, path: "\(path).name") }
            let application = fields.required("application", what: "la demande : filed, facts, pieces, confirmed, findings").flatMap {
                decoder.decode($0, log: log, path: "\(path).application", requireHeader: false)
            }
            let dateNode = fields.optional("date")
            let parameters = fields.optional("parameters").map { givenParameters($0, path: "\(path).parameters") } ?? []
            let expect = fields.required("expect", what: "le résultat attendu : outcome et, au besoin, amount, steps, failed, missing")
            fields.rejectUnknown()
            let date = dateNode.flatMap { decisionDate($0, filed: application?.filed, path: "\(path).date") }
            guard let name, let application, let expect, dateNode == nil || date != nil,
                  let expectation = expectation(expect, path: "\(path).expect") else { return nil }
            return SchemeTestCase(name: name, application: application, outcome: expectation.outcome,
                                  amount: expectation.amount, failed: expectation.failed,
                                  missing: expectation.missing, decisionDate: date, steps: expectation.steps,
                                  parameters: parameters, mark: item.mark)
        }
    }

    /// A case's `date:`, the day it is decided: never before the application was filed.
    private func decisionDate(_ node: YAMLNode, filed: LocalDate?, path: String) -> LocalDate? {
        guard let text = node.scalar, let date = LocalDate(iso: text) else {
            log.error("date de décision attendue au format AAAA-MM-JJ (2020-11-02), trouvé \(ScalarParsing.shown(node))", at: node.mark, path: path)
            return nil
        }
        if let filed, date < filed {
            log.error("la décision (\(date.frenchLong)) ne peut précéder le dépôt de la demande (\(filed.frenchLong)) : donnez une date égale ou postérieure à filed",
                      at: node.mark, path: path)
            return nil
        }
        return date
    }

    private func expectation(_ node: YAMLNode, path: String)
        -> (outcome: Outcome, amount: Value?, failed: Set<String>?, missing: Set<String>?, steps: [(id: String, value: Value)])? {
        guard var fields = Fields(node, path: path, log: log) else { return nil }
        // An allocation has no outcome to decide: a case that states none expects it computed.
        let outcomeNode = signature.isAllocation ? fields.optional("outcome") : fields.required("outcome")
        let outcome = outcomeNode == nil && signature.isAllocation ? .favorable : outcomeNode.flatMap { outcomeNode -> Outcome? in
            guard let text = outcomeNode.scalar, let outcome = Outcome(french: text) else {
                log.error("issue \(ScalarParsing.shown(outcomeNode)) inconnue ; écrivez favorable, défavorable, incomplet ou à instruire", at: outcomeNode.mark, path: "\(path).outcome")
                return nil
            }
            return outcome
        }
        let amount = fields.optional("amount").flatMap { amountNode -> Value? in
            switch ScalarParsing.value(amountNode, as: .money) {
            case .success(let value): return value
            case .failure(let problem):
                log.error(problem.message, at: amountNode.mark, path: "\(path).amount")
                return nil
            }
        }
        let criteria = Set(signature.criterionIDs)
        let failed = fields.optional("failed").map { ids($0, known: criteria, what: "critère", path: "\(path).failed") }
        let missable = Set(signature.inputIDs).union(signature.pieceList).union(signature.references)
        let missing = fields.optional("missing").map { ids($0, known: missable, what: "fait ou pièce", path: "\(path).missing") }
        let steps = fields.optional("steps").map { expectedSteps($0, path: "\(path).steps") } ?? []
        fields.rejectUnknown()
        return outcome.map { ($0, amount, failed, missing, steps) }
    }

    /// `parameters:`, the values a case gives the parameters the text leaves unset (`unset: true`).
    private func givenParameters(_ node: YAMLNode, path: String) -> [(id: String, value: Value)] {
        guard let pairs = node.mapping else {
            log.error("attendu les paramètres sans valeur et la valeur que le cas leur donne (coefficient: 1), trouvé \(node.kindName)", at: node.mark, path: path)
            return []
        }
        return pairs.compactMap { pair -> (id: String, value: Value)? in
            guard let id = log.text(pair.key, path: path) else { return nil }
            guard let type = signature.unsetParameters[id] else {
                var message = "« \(id) » n'est pas un paramètre déclaré sans valeur (unset: true) : un cas ne donne de valeur qu'à ceux-là"
                if let question = Suggestion.question(for: id, among: signature.unsetParameters.keys.sorted()) { message += " ; " + question }
                log.error(message, at: pair.key.mark, path: path)
                return nil
            }
            switch ScalarParsing.value(pair.value, as: type) {
            case .success(let value): return (id, value)
            case .failure(let problem):
                log.error(problem.message, at: pair.value.mark, path: "\(path).\(id)")
                return nil
            }
        }
    }

    /// `steps:`, the values expected of named steps of the amount, each read in its step's type.
    private func expectedSteps(_ node: YAMLNode, path: String) -> [(id: String, value: Value)] {
        guard let pairs = node.mapping else {
            log.error("attendu les étapes du montant et leur valeur (base: 1 152,00 €), trouvé \(node.kindName)", at: node.mark, path: path)
            return []
        }
        return pairs.compactMap { pair -> (id: String, value: Value)? in
            guard let id = log.text(pair.key, path: path) else { return nil }
            guard let index = signature.stepIDs.firstIndex(of: id) else {
                var message = "étape \(ScalarParsing.quoted(id)) inconnue"
                if let question = Suggestion.question(for: id, among: signature.stepIDs) { message += " ; " + question }
                else { message += " : nommez une étape de « amount.steps »" }
                log.error(message, at: pair.key.mark, path: path)
                return nil
            }
            switch ScalarParsing.value(pair.value, as: signature.stepTypes[index]) {
            case .success(let value): return (id, value)
            case .failure(let problem):
                log.error(problem.message, at: pair.value.mark, path: "\(path).\(id)")
                return nil
            }
        }
    }

    private func ids(_ node: YAMLNode, known: Set<String>, what: String, path: String) -> Set<String> {
        guard let items = log.sequence(node, path: path) else { return [] }
        var result: Set<String> = []
        for item in items {
            guard let id = log.text(item, path: path) else { continue }
            if !known.contains(id) {
                var message = "\(what) \(ScalarParsing.quoted(id)) inconnu"
                if let question = Suggestion.question(for: id, among: known.sorted()) { message += " ; " + question }
                log.error(message, at: item.mark, path: path)
            }
            result.insert(id)
        }
        return result
    }
}
