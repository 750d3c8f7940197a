import FinancingPlans
import ExactDecimal
import YAMLReader

/// What decoding an application needs to know of its scheme, indexed once per scheme.
struct SchemeSignature {
    let id: String
    let inputs: [InputDefinition]
    let inputIDs: [String]
    let types: [ValueType]
    let perMonth: [Bool]
    /// The amounts whose basis is HT.
    let exclusiveOfTax: [Bool]
    /// The inputs with a default value, applied when the application gives none.
    let defaults: [(index: Int, value: Value)]
    /// The `min` and `max` of each input that declares one.
    let bounds: [(minimum: DecimalNumber?, maximum: DecimalNumber?)?]
    /// Input ids split at their dots, so that nested and flat facts are found without
    /// building a dotted name for each.
    let facts: FactTree
    let pieceList: [String]
    /// The inputs an instructor may confirm.
    let confirmable: IndexFlags
    let manualCriteria: Set<String>
    var criterionIDs: [String]
    /// The schemes whose outcome this one uses.
    var references: Set<String>
    var limits: [Limit] = []
    /// An allocation (`kind: allocation`): its test cases need not state an outcome.
    var isAllocation = false
    /// The ids of the amount's steps, which a test case may expect values of.
    var stepIDs: [String] = []
    /// The type of each step's value, in the order of `stepIDs`.
    var stepTypes: [ValueType] = []
    /// The types of the parameters the text leaves unset, which a test case may give a value.
    var unsetParameters: [String: ValueType] = [:]
    /// The kind of funder whose lines are the aid asked, when the scheme reads a financing plan.
    var planFunder: ApplicationPlan.FunderKind?
    /// The facts the financing plan gives, by input index.
    let planFigures: [(index: Int, figure: PlanFigure)]

    init(id: String, inputs: [InputDefinition], pieces: [Piece], criteria: [Criterion]) {
        self.id = id
        self.inputs = inputs
        inputIDs = inputs.map(\.id)
        types = inputs.map(\.type)
        perMonth = inputs.map(\.perMonth)
        exclusiveOfTax = inputs.map(\.exclusiveOfTax)
        defaults = inputs.indices.compactMap { index in inputs[index].defaultValue.map { (index, $0) } }
        bounds = inputs.map { $0.minimum == nil && $0.maximum == nil ? nil : ($0.minimum, $0.maximum) }
        facts = FactTree(inputs.map(\.id))
        pieceList = pieces.map(\.id)
        confirmable = IndexFlags(inputs.indices.filter { inputs[$0].confirm })
        manualCriteria = Set(criteria.filter(\.takesFindings).map(\.id))
        criterionIDs = criteria.map(\.id)
        references = []
        planFigures = inputs.indices.compactMap { index in inputs[index].planFigure.map { (index, $0) } }
    }

    init(_ scheme: Scheme) {
        self.init(id: scheme.id, inputs: scheme.inputs, pieces: scheme.pieces, criteria: scheme.criteria)
        references = Set(scheme.references.map(\.id))
        limits = scheme.limits
        isAllocation = scheme.kind == .allocation
        stepIDs = scheme.amount?.steps.map(\.id) ?? []
        stepTypes = scheme.amount?.steps.map(\.expression.type) ?? []
        unsetParameters = Dictionary(scheme.parameters.filter(\.isUnset).map { ($0.id, $0.type) }, uniquingKeysWith: { first, _ in first })
        planFunder = scheme.financingPlan?.funder
    }
}
