import Documents
import Evaluator
import ExactDecimal
import SchemeLanguage

/// One household's file examined under every scheme of a family: for the aids it requests,
/// which apply, for how much, what is missing and where each document is; for the others, which
/// it could also request. Only a requested aid gets a document, and so a refusal.
public struct Orientation {
    public let family: String
    /// In the family's order of evaluation.
    public let evaluations: [Evaluation]
    /// The aids the household requests.
    public let requested: Set<String>
    /// The file name of each requested scheme's document, for the links.
    public let decisionFile: (Evaluation) -> String

    public init(family: String, evaluations: [Evaluation], requested: Set<String>, decisionFile: @escaping (Evaluation) -> String) {
        self.family = family
        self.evaluations = evaluations
        self.requested = requested
        self.decisionFile = decisionFile
    }

    private var asked: [Evaluation] { evaluations.filter { requested.contains($0.scheme.id) } }

    public func markdown() -> String {
        guard let first = evaluations.first else { return "" }
        let application = first.application
        var text = MarkdownText()
        text.heading(first.scheme.authority.name, level: 1)
        text.heading("Orientation : aides de la famille « \(family) »")
        text.table(["", ""], [["Référence du dossier", application.id], ["Demandeur", application.applicant.name],
                              ["Date de dépôt", application.filed.frenchLong]])
        text.line("Ce document résume l'examen du dossier au regard de chacun des dispositifs. Il ne vaut pas décision : pour chaque aide demandée, le document lié ci-dessous dit où en est la demande (simulation, fiche d'instruction ou décision).")
        text.blank()
        summaryTable(into: &text)
        text.section("Aides accordables", bullets: granted)
        missing(into: &text)
        text.section("Aides non accordables", bullets: refused)
        text.section("Autres aides que le ménage pourrait demander", bullets: possible)
        return text.result
    }

    private func summaryTable(into text: inout MarkdownText) {
        text.table(["Dispositif", "Issue", "Montant", "Éléments manquants", "Document"], asked.map { evaluation in
            let amount = evaluation.amount?.final.map(FrenchFormat.money) ?? "—"
            let incomplete = evaluation.outcome == .incomplete && !evaluation.missing.isEmpty
            let missing = incomplete ? "\(evaluation.missing.count) (voir ci-dessous)" : "—"
            let file = decisionFile(evaluation)
            return [evaluation.scheme.title, evaluation.outcome.rawValue, amount, missing, "[\(file)](\(file))"]
        })
    }

    private var granted: [String] {
        asked.filter { $0.outcome == .favorable || $0.outcome == .toExamine }.map { evaluation in
            let amount = evaluation.amount?.final.map { " : \(FrenchFormat.money($0))" } ?? ""
            let status = evaluation.outcome == .favorable ? "" : " (sous réserve de l'instruction)"
            return "\(evaluation.scheme.title)\(amount)\(status)"
        }
    }

    private var refused: [String] {
        asked.filter { $0.outcome == .unfavorable }.map { evaluation in
            let record = DecisionRecord(evaluation)
            let grounds = record.failed.map(\.failure)
            return "\(evaluation.scheme.title) : \(grounds.isEmpty ? "montant nul" : grounds.joined(separator: " "))"
        }
    }

    /// The aids of the family not requested that the file seems to meet, or would with more
    /// information: how to ask for them. Those it does not meet are not mentioned: no refusal
    /// is issued for an aid nobody asked for.
    private var possible: [String] {
        evaluations.filter { !requested.contains($0.scheme.id) && $0.outcome != .unfavorable }.map { evaluation in
            let amount = evaluation.amount?.final.map { ", pour \(FrenchFormat.money($0)) selon les éléments du dossier" } ?? ""
            let how = evaluation.outcome == .favorable ? "" : " (des éléments restent à produire ou à examiner)"
            return "\(evaluation.scheme.title)\(amount)\(how) : le ménage peut la demander au service instructeur (dossier : requests: [\(evaluation.scheme.id)])."
        }
    }

    private func missing(into text: inout MarkdownText) {
        let incomplete = asked.filter { !$0.missing.isEmpty && $0.outcome == .incomplete }
        guard !incomplete.isEmpty else { return }
        text.heading("Éléments à produire")
        for evaluation in incomplete {
            text.heading(evaluation.scheme.title, level: 3)
            text.numbered(DecisionRecord(evaluation).missing.map(\.text))
        }
    }
}
