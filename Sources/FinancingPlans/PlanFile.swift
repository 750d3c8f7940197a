import YAMLReader

/// A data file `check-plan` reads: a financing table of the text, or an application's plan.
public enum PlanFile: Sendable {
    case table(FinancingTable)
    case application(ApplicationPlan)

    /// Reads the file at `path`, telling the two kinds apart by their fields.
    public static func load(path: String) -> Result<PlanFile, UnreadablePlan> {
        let root: YAMLNode
        do {
            root = try YAMLDocumentReader.singleDocument(path: path)
        } catch {
            return .failure(UnreadablePlan(findings: [PlanFinding(.error, error.message, at: error.mark)]))
        }
        if ApplicationPlanLoader.isApplicationPlan(root) {
            return ApplicationPlanLoader.load(root: root, file: path).map(PlanFile.application)
        }
        return FinancingTableLoader.load(root: root, file: path).map(PlanFile.table)
    }
}
