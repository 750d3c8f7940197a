import Evaluator
import Platform
import SchemeLanguage

/// The application a finished questionnaire makes, evaluated as a simulation.
public struct Dossier: Sendable {
    /// The application file, ready for an instructor's batch: what « dossier de demande
    /// (YAML) » downloads, and what was evaluated.
    public let text: String
    /// Its name when downloaded: the application's reference (`PDESI-20201012-3F2A9C1B.yaml`).
    public let fileName: String
    /// The evaluation of the scheme simulated, on the day of the simulation, without register.
    public let evaluation: Evaluation
    /// The pieces the rules need for these answers, in the order they first needed them: listed
    /// in the dossier as joined, and on the result as « Pièces à préparer ».
    public let pieces: [Piece]
    /// The declared facts an instructor will verify (`confirm: true` in the rules), in the
    /// order the rules read them.
    public let factsToConfirm: [InputDefinition]
}

extension Questionnaire {
    /// The applicant's answers, checked by the decoder as a file's would be: a name, a kind
    /// among `BeneficiaryCategory`, a subject, each on one line.
    public func applicantProblems(_ answers: Answers) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if (answers.applicantName ?? "").trimmedSpaces.isEmpty {
            problems.append(FieldProblem(.applicantName, "Indiquez le nom du demandeur."))
        }
        if answers.applicantKind.flatMap(BeneficiaryCategory.init(rawValue:)) == nil {
            problems.append(FieldProblem(.applicantKind, "Choisissez la nature du demandeur."))
        }
        if (answers.subject ?? "").trimmedSpaces.isEmpty {
            problems.append(FieldProblem(.subject, "Indiquez l'objet de la demande."))
        }
        guard problems.isEmpty else { return problems }
        let run = self.run(header(answers, id: "SIMULATION"), facts: [], pieces: [], evaluator: DocumentEvaluator(catalog: catalog))
        return run.problems.filter { $0.field == .applicantName || $0.field == .applicantKind || $0.field == .subject }
    }

    /// The dossier of a finished questionnaire, or what stands in its way: problems with the
    /// applicant's answers, or failures of the rules.
    public func dossier(_ interview: Interview) -> Result<Dossier, DossierRefusal> {
        let applicant = applicantProblems(interview.answers)
        guard applicant.isEmpty else { return .failure(.problems(applicant)) }
        guard interview.isFinished else { return .failure(.unfinished) }
        let evaluator = DocumentEvaluator(catalog: catalog)
        let pieces = neededPieces(interview.facts, evaluator: evaluator)
        // The reference is the fingerprint of the content: the same answers give the same file.
        let draft = run(header(interview.answers, id: "SIMULATION"), facts: interview.facts, pieces: pieces, evaluator: evaluator)
        let reference = "\(scheme.id.uppercased())-\(compact(filed))-\(SHA256.hex(of: Array(draft.text.utf8)).prefix(8).uppercased())"
        let final = run(header(interview.answers, id: reference), facts: interview.facts, pieces: pieces, evaluator: evaluator)
        guard final.problems.isEmpty else { return .failure(.problems(final.problems)) }
        guard let evaluation = final.evaluation, final.failures.isEmpty else { return .failure(.rules(final.failures)) }
        let comments = [
            "Dossier de demande établi par le simulateur en ligne le \(filed.frenchLong) : \(scheme.title).",
            "Simulation — ce document n'est pas une décision. Les faits sont déclarés par le demandeur.",
        ] + (pieces.isEmpty ? [] : ["Pièces à joindre à l'envoi de ce dossier : " + pieces.compactMap { scheme.piece($0)?.label ?? companionPiece($0)?.label }.joined(separator: " ; ") + "."])
        let text = DossierText.write(schemeID: scheme.id, header: header(interview.answers, id: reference), filed: filed,
                                     facts: interview.facts, pieces: pieces, comments: comments)
        return .success(Dossier(text: text, fileName: reference + ".yaml", evaluation: evaluation,
                                pieces: pieces.compactMap { scheme.piece($0) ?? companionPiece($0) },
                                factsToConfirm: evaluation.awaitingConfirmation.map { evaluation.scheme.inputs[$0] }))
    }

    /// The pieces the rules need for these facts: evaluated without any, each piece the
    /// evaluator asks for is added, until it asks for none.
    func neededPieces(_ facts: [(id: String, yaml: String)], evaluator: DocumentEvaluator) -> [String] {
        var pieces: [String] = []
        for _ in 0...allPieces.count {
            let run = self.run(.placeholder, facts: facts, pieces: pieces, evaluator: evaluator)
            let asked = ([run.evaluation].compactMap { $0 } + Array(run.dependencies.values)).flatMap(\.missing).compactMap { item -> String? in
                if case .piece(let id) = item, !pieces.contains(id) { return id }
                return nil
            }
            guard !asked.isEmpty else { break }
            for id in asked where !pieces.contains(id) { pieces.append(id) }
        }
        return pieces
    }

    private func companionPiece(_ id: String) -> Piece? {
        schemeIDs.lazy.compactMap { self.catalog.schemes[$0]?.piece(id) }.first
    }

    private func header(_ answers: Answers, id: String) -> Header {
        Header(name: answers.applicantName?.trimmedSpaces ?? "",
               kind: answers.applicantKind.flatMap(BeneficiaryCategory.init(rawValue:))?.applicantKind,
               subject: answers.subject?.trimmedSpaces, id: id)
    }

    /// `20201012`.
    private func compact(_ date: LocalDate) -> String { date.description.replacing("-", with: "") }
}

/// Why a questionnaire gives no dossier yet.
public enum DossierRefusal: Error, Sendable {
    /// Questions remain to be answered.
    case unfinished
    /// Answers to correct, by field.
    case problems([FieldProblem])
    /// The rules cannot be applied to these answers; the messages say why.
    case rules([String])
}
