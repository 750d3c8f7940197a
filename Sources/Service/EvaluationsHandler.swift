import Batch
import Decisions
import Evaluator
import RuleSet
import SchemeLanguage
import YAMLReader

/// `POST /evaluations`: one application file, in YAML or JSON (JSON is read as the YAML it
/// is), evaluated as a simulation — no register is read, nothing is recorded — and answered
/// with each decision in the JSON format of the files `guichet evaluate` writes, and what the
/// applicant must still give.
///
/// The file goes through the very reader, decoder and evaluator of the command line, so that
/// the API cannot answer otherwise than the CLI: a household file with several aids gets one
/// evaluation for each, as in a batch.
struct EvaluationsHandler: Sendable {
    let catalog: SchemeCatalog
    let deployment: Deployment
    let evaluators: EvaluatorPool

    func respond(body: [UInt8], date: LocalDate) -> APIResponse {
        let node: YAMLNode
        do {
            // The bytes as sent, read as the command line reads a file: invalid UTF-8 is an error,
            // never replaced.
            node = try YAMLDocumentReader.singleDocument(bytes: body, file: "demande")
        } catch {
            return APIResponse(.invalid("le corps de la requête n'est pas un dossier de demande lisible (YAML ou JSON)",
                                        diagnostics: [Diagnostic(error)]))
        }
        let evaluator = evaluators.borrow()
        defer { evaluators.giveBack(evaluator) }
        let entries = BatchRunner(catalog: catalog, referenceDate: date, output: nil, evaluator: evaluator).process(node)
        let failures = entries.flatMap(\.diagnostics).filter { $0.severity == .error }
        guard failures.isEmpty else {
            return APIResponse(.invalid("le dossier de demande ne peut être évalué ; corrigez les éléments signalés", diagnostics: failures))
        }
        let evaluations = entries.compactMap { entry -> Evaluation? in
            if case .decided(let evaluation) = entry.result { return evaluation }
            return nil
        }
        return APIResponse(body: Self.json(evaluations, date: date, issuance: issuance(date)))
    }

    /// A simulation's issuance, as `guichet evaluate` outside a working folder makes it.
    private func issuance(_ date: LocalDate) -> Issuance {
        var issuance = Issuance(stage: .simulation, referenceDate: date, deployment: deployment)
        issuance.registerRead = false
        return issuance
    }

    private static func json(_ evaluations: [Evaluation], date: LocalDate, issuance: Issuance) -> [UInt8] {
        var writer = JSONWriter(capacity: 32_768)
        writer.object { body in
            body.string("date", date.description)
            body.string("notice", "Simulation — ce document n'est pas une décision.")
            body.array("evaluations") { list in
                for evaluation in evaluations {
                    list.object { item in write(evaluation, issuance: issuance, into: &item) }
                }
            }
        }
        writer.endLine()
        return writer.bytes
    }

    private static func write(_ evaluation: Evaluation, issuance: Issuance, into item: inout JSONWriter) {
        let scheme = evaluation.scheme
        item.string("application", evaluation.application.id)
        item.string("scheme", scheme.id)
        item.string("outcome", evaluation.outcome.rawValue)
        item.string("amount", evaluation.amount?.final.map(FrenchFormat.moneyCanonical))
        item.array("missing_questions") { list in
            for case .fact(let index) in evaluation.missing {
                let input = scheme.inputs[index]
                list.object { question in
                    question.string("id", input.id)
                    question.string("question", input.question)
                    question.string("help", input.help)
                }
            }
        }
        item.array("missing_pieces") { list in
            for case .piece(let id) in evaluation.missing {
                list.object { piece in
                    piece.string("id", id)
                    piece.string("label", scheme.piece(id)?.label)
                }
            }
        }
        JSONDecision.write(DecisionRecord(evaluation, issuance: issuance), key: "decision", into: &item)
    }
}
