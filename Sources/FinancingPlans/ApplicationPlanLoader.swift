import ExactDecimal
import Platform
import YAMLReader

/// Reads an application's financing plan (format in `Rules/plans/README.md`, « Financing plans
/// of applications »), every problem located with its field path.
public enum ApplicationPlanLoader {
    /// Whether a data file's root is an application's plan (it lists `resources`) rather than a
    /// table of the text (`columns`).
    public static func isApplicationPlan(_ root: YAMLNode) -> Bool {
        root.mapping?.contains { $0.key.scalar == "resources" } == true
    }

    /// Reads the plan from a file's root node; `file` names it in the plan.
    public static func load(root: YAMLNode, file: String) -> Result<ApplicationPlan, UnreadablePlan> {
        let problems = ProblemLog()
        guard let top = MappingReader(root, path: "", problems: problems, what: "un plan de financement") else {
            return .failure(UnreadablePlan(findings: problems.findings))
        }
        top.rejectUnknown(allowing: ["title", "application", "scheme", "owner", "basis", "expenses", "resources", "checks", "derogation"])
        let title = top.text("title") ?? ""
        let (owner, isPublic) = readOwner(top, problems)
        let header = Header(file: file, title: title, applicationId: top.text("application", required: false),
                            schemeId: top.text("scheme", required: false), owner: owner, ownerIsPublic: isPublic)
        return read(top, header: header, problems: problems)
    }

    /// Reads the plan an application file carries (its `financing_plan`, at field path `path`):
    /// the same expenses, resources and derogation as a plan's file, its maître d'ouvrage being
    /// the applicant, `owner`, a public person or not unless the plan says (`public_owner`).
    public static func load(embedded node: YAMLNode, path: String, owner: String, ownerIsPublic: Bool, file: String) -> Result<ApplicationPlan, UnreadablePlan> {
        let problems = ProblemLog()
        guard let top = MappingReader(node, path: path, problems: problems, what: "le plan de financement") else {
            return .failure(UnreadablePlan(findings: problems.findings))
        }
        top.rejectUnknown(allowing: ["public_owner", "basis", "expenses", "resources", "derogation"])
        var isPublic = ownerIsPublic
        if let flag = top.text("public_owner", required: false) {
            guard flag == "true" || flag == "false" else {
                problems.add("« public_owner » vaut true (une collectivité ou un groupement de collectivités) ou false", at: top.value("public_owner")!.mark, path: top.path("public_owner"))
                return .failure(UnreadablePlan(findings: problems.findings))
            }
            isPublic = flag == "true"
        }
        let header = Header(file: file, title: "", applicationId: nil, schemeId: nil, owner: owner, ownerIsPublic: isPublic)
        return read(top, header: header, problems: problems)
    }

    /// What a plan says of itself, apart from its lines.
    private struct Header {
        let file: String, title: String, applicationId: String?, schemeId: String?, owner: String, ownerIsPublic: Bool
    }

    private static func read(_ top: MappingReader, header: Header, problems: ProblemLog) -> Result<ApplicationPlan, UnreadablePlan> {
        let basisText = top.text("basis", required: false) ?? "HT"
        let basis = ApplicationPlan.Basis(rawValue: basisText)
        if basis == nil {
            problems.add("base « \(basisText) » inconnue : HT ou TTC", at: top.value("basis")?.mark ?? top.node.mark, path: top.path("basis"))
        }
        let expenses = items(top, "expenses", problems).compactMap { index, item in readExpense(item, path: top.path("expenses[\(index)]"), index: index, basis: basis ?? .ht, problems) }
        let resources = items(top, "resources", problems).compactMap { index, item in readResource(item, path: top.path("resources[\(index)]"), index: index, problems) }
        let shares = top.value("checks") == nil ? [] : items(top, "checks", problems).compactMap { index, item in readShare(item, path: top.path("checks[\(index)]"), index: index, problems) }
        guard problems.findings.isEmpty, let basis else { return .failure(UnreadablePlan(findings: problems.findings)) }
        return .success(ApplicationPlan(file: header.file, title: header.title, applicationId: header.applicationId, schemeId: header.schemeId,
                                        owner: header.owner, ownerIsPublic: header.ownerIsPublic, basis: basis, expenses: expenses,
                                        resources: resources, checks: shares, derogation: top.text("derogation", required: false), mark: top.node.mark,
                                        resourcesMark: top.value("resources")?.mark ?? top.node.mark, derogationMark: top.value("derogation")?.mark))
    }

    private static func readOwner(_ top: MappingReader, _ problems: ProblemLog) -> (String, Bool) {
        guard let node = top.value("owner"), let fields = MappingReader(node, path: "owner", problems: problems, what: "le maître d'ouvrage") else {
            if top.value("owner") == nil { problems.add("champ « owner » manquant : le maître d'ouvrage, {name: …, public: true}", at: top.node.mark, path: "owner") }
            return ("", false)
        }
        fields.rejectUnknown(allowing: ["name", "public"])
        let name = fields.text("name") ?? ""
        let flag = fields.text("public") ?? "false"
        guard flag == "true" || flag == "false" else {
            problems.add("« public » vaut true (une collectivité ou un groupement de collectivités) ou false", at: fields.value("public")!.mark, path: "owner.public")
            return (name, false)
        }
        return (name, flag == "true")
    }

    private static func items(_ top: MappingReader, _ key: String, _ problems: ProblemLog) -> [(Int, YAMLNode)] {
        guard let node = top.value(key), let list = node.sequence, !list.isEmpty else {
            problems.add("« \(key) » doit lister au moins une ligne", at: top.value(key)?.mark ?? top.node.mark, path: top.path(key))
            return []
        }
        return Array(list.enumerated())
    }

    /// An amount the applicant gives: figures only, never a dash or a word.
    static func amount(_ fields: MappingReader, _ key: String, required: Bool = true) -> DecimalNumber? {
        guard let text = fields.text(key, required: required) else { return nil }
        guard !text.trimmingSpaces.hasPrefix("-"), case .amount(let value) = PrintedAmount(text) else {
            fields.problems.add("« \(text) » n'est pas un montant : écrivez-le en euros (« 40 000 € », « 12 500,50 € »)",
                                at: fields.value(key)!.mark, path: fields.path(key))
            return nil
        }
        return value
    }

    private static func readExpense(_ item: YAMLNode, path: String, index: Int, basis: ApplicationPlan.Basis, _ problems: ProblemLog) -> ApplicationPlan.Expense? {
        guard let fields = MappingReader(item, path: path, problems: problems, what: "une dépense") else { return nil }
        fields.rejectUnknown(allowing: ["label", "ht", "ttc"])
        guard let label = fields.text("label"), let ht = amount(fields, "ht") else { return nil }
        let ttc = amount(fields, "ttc", required: basis == .ttc)
        if let ttc, ttc < ht {
            problems.add("le montant TTC \(ttc.euros) est inférieur au montant HT \(ht.euros)", at: fields.value("ttc")!.mark, path: fields.path("ttc"))
        }
        return ApplicationPlan.Expense(label: label, ht: ht, ttc: ttc, mark: item.mark, index: index)
    }

    private static func readResource(_ item: YAMLNode, path: String, index: Int, _ problems: ProblemLog) -> ApplicationPlan.Resource? {
        guard let fields = MappingReader(item, path: path, problems: problems, what: "une ressource") else { return nil }
        fields.rejectUnknown(allowing: ["funder", "kind", "amount"])
        guard let funder = fields.text("funder"), let kind = readKind(fields), let amount = amount(fields, "amount") else { return nil }
        return ApplicationPlan.Resource(funder: funder, kind: kind, amount: amount, mark: item.mark, index: index)
    }

    private static func readShare(_ item: YAMLNode, path: String, index: Int, _ problems: ProblemLog) -> ApplicationPlan.Share? {
        guard let fields = MappingReader(item, path: path, problems: problems, what: "une règle") else { return nil }
        fields.rejectUnknown(allowing: ["label", "rule", "kind", "rate"])
        guard let label = fields.text("label"), let rule = fields.text("rule"), let kind = readKind(fields) else { return nil }
        guard rule == "at-most" || rule == "at-least" else {
            problems.add("règle « \(rule) » inconnue : at-most ou at-least (une part des dépenses)", at: fields.value("rule")!.mark, path: fields.path("rule"))
            return nil
        }
        guard fields.value("rate") != nil else {
            problems.add("champ « rate » manquant : le taux, « 50 % »", at: item.mark, path: fields.path("rate"))
            return nil
        }
        guard let rate = FinancingTableLoader.readRate(fields) else { return nil }
        return ApplicationPlan.Share(label: label, kind: kind, atMost: rule == "at-most", rate: rate, mark: item.mark, index: index)
    }

    private static func readKind(_ fields: MappingReader) -> ApplicationPlan.FunderKind? {
        guard let text = fields.text("kind") else { return nil }
        guard let kind = ApplicationPlan.FunderKind(rawValue: text) else {
            let list = ApplicationPlan.FunderKind.allCases.map(\.rawValue).joined(separator: ", ")
            fields.problems.add("nature de financeur « \(text) » inconnue ; les natures sont : \(list)", at: fields.value("kind")!.mark, path: fields.path("kind"))
            return nil
        }
        return kind
    }
}
