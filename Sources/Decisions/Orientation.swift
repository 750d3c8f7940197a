import Evaluator
import ExactDecimal
import SchemeLanguage

/// One household's file examined under every scheme of a family: which aids apply, for how
/// much, what is missing for each, and where each decision is.
public struct Orientation {
    public let family: String
    /// In the family's order of evaluation.
    public let evaluations: [Evaluation]
    /// The file name of each scheme's decision, for the links.
    public let decisionFile: (Evaluation) -> String

    public init(family: String, evaluations: [Evaluation], decisionFile: @escaping (Evaluation) -> String) {
        self.family = family
        self.evaluations = evaluations
        self.decisionFile = decisionFile
    }

    public func markdown() -> String {
        guard let first = evaluations.first else { return "" }
        let application = first.application
        var text = MarkdownText()
        text.heading(first.scheme.authority.name, level: 1)
        text.heading("Orientation : aides de la famille « \(family) »")
        text.table(["", ""], [["Référence du dossier", application.id], ["Demandeur", application.applicant.name],
                              ["Date de dépôt", application.filed.frenchLong]])
        text.line("Ce document résume l'examen du dossier au regard de chacun des dispositifs. Il ne vaut pas décision : pour chaque aide, le document lié ci-dessous dit où en est la demande (simulation, fiche d'instruction ou décision).")
        text.blank()
        summaryTable(into: &text)
        text.section("Aides accordables", bullets: granted)
        missing(into: &text)
        text.section("Aides non accordables", bullets: refused)
        return text.result
    }

    private func summaryTable(into text: inout MarkdownText) {
        text.table(["Dispositif", "Issue", "Montant", "Éléments manquants", "Document"], evaluations.map { evaluation in
            let amount = evaluation.amount?.final.map(FrenchFormat.money) ?? "—"
            let asked = evaluation.outcome == .incomplete && !evaluation.missing.isEmpty
            let missing = asked ? "\(evaluation.missing.count) (voir ci-dessous)" : "—"
            let file = decisionFile(evaluation)
            return [evaluation.scheme.title, evaluation.outcome.rawValue, amount, missing, "[\(file)](\(file))"]
        })
    }

    private var granted: [String] {
        evaluations.filter { $0.outcome == .favorable || $0.outcome == .toExamine }.map { evaluation in
            let amount = evaluation.amount?.final.map { " : \(FrenchFormat.money($0))" } ?? ""
            let status = evaluation.outcome == .favorable ? "" : " (sous réserve de l'instruction)"
            return "\(evaluation.scheme.title)\(amount)\(status)"
        }
    }

    private var refused: [String] {
        evaluations.filter { $0.outcome == .unfavorable }.map { evaluation in
            let record = DecisionRecord(evaluation)
            let grounds = record.failed.map(\.failure)
            return "\(evaluation.scheme.title) : \(grounds.isEmpty ? "montant nul" : grounds.joined(separator: " "))"
        }
    }

    private func missing(into text: inout MarkdownText) {
        let incomplete = evaluations.filter { !$0.missing.isEmpty && $0.outcome == .incomplete }
        guard !incomplete.isEmpty else { return }
        text.heading("Éléments à produire")
        for evaluation in incomplete {
            text.heading(evaluation.scheme.title, level: 3)
            text.numbered(DecisionRecord(evaluation).missing.map(\.text))
        }
    }
}
