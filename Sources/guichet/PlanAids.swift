import Batch
import Evaluator
import ExactDecimal
import FinancingPlans
import RuleSet
import SchemeLanguage
import Simulation

/// The applications `check-plan --demandes` reads, to compare each plan's Département share with
/// the aid the scheme computes: a simulation, on a register of its own that starts empty.
struct PlanAids {
    let documents: [String: PendingDocument]
    let evaluator: DocumentEvaluator
    let date: LocalDate

    /// Reads the application files at `paths`, telling on standard error those that cannot be read.
    init(catalog: SchemeCatalog, paths: [String], date: LocalDate) {
        let (read, failures) = BatchRunner(catalog: catalog, referenceDate: date, output: nil).read(paths: paths)
        for failure in failures {
            if case .failed(let diagnostics) = failure.result {
                for diagnostic in diagnostics { Console.error(diagnostic.description) }
            }
        }
        var documents: [String: PendingDocument] = [:]
        for document in read where documents[document.id] == nil { documents[document.id] = document }
        self.documents = documents
        evaluator = DocumentEvaluator(catalog: catalog)
        self.date = date
    }

    /// The findings on the plan's Département share, or a warning when its application is not here.
    func findings(for plan: ApplicationPlan) -> [PlanFinding] {
        guard let id = plan.applicationId else { return [] }
        guard let document = documents[id], let scheme = plan.schemeId ?? document.schemes.first else {
            return [PlanFinding(.warning, "la demande \(id) n'est pas parmi les fichiers donnés par --demandes : l'aide calculée n'est pas comparée au plan",
                                at: plan.resourcesMark, path: "application")]
        }
        let evaluated = evaluator.evaluate(document.decoded, referenceDate: date, register: MemoryRegister())
        guard let evaluation = evaluated.evaluation(scheme) else {
            let reasons = (evaluated.errors(scheme) ?? []).map(\.message).joined(separator: " ; ")
            return [PlanFinding(.warning, "la demande \(id) n'a pu être évaluée au titre du dispositif « \(scheme) » : \(reasons)", at: plan.resourcesMark, path: "application")]
        }
        let aid = evaluation.outcome == .favorable || evaluation.outcome == .toExamine ? evaluation.amount?.final : nil
        return ApplicationPlanChecker.agreement(plan, computedAid: aid, outcome: evaluation.outcome.rawValue)
    }
}
