import Evaluator
import ExactDecimal
import SchemeLanguage

/// Everything a decision states, in French, ready to be written as Markdown or JSON.
///
/// Both renderers read this one record, so the two files of a decision can never disagree.
public struct DecisionRecord: Sendable {
    public struct Fact: Sendable, Equatable {
        public let id: String
        public let question: String
        public let value: String
        public let canonical: String
        /// The sentence that states the fact in a document (the input's `statement`); without
        /// one, the question and the answer.
        public let statement: String
    }

    /// A criterion as the decision states it. Its fields are kept in one shared object: every
    /// renderer loops over the rows, and a copy then costs one reference, not a dozen.
    public struct CriterionRow: Sendable {
        private final class Storage: Sendable {
            let number: Int
            let id: String
            let label: String
            let verdict: Verdict
            let facts: [Fact]
            let source: SourceReference?
            let failure: String
            let note: String?
            let missing: [String]
            let shortCitation: String
            let actCitation: String
            let sourceJSON: JSONFragment

            init(number: Int, id: String, label: String, verdict: Verdict, facts: [Fact], source: SourceReference?, failure: String,
                 note: String?, missing: [String], shortCitation: String, actCitation: String, sourceJSON: JSONFragment) {
                (self.number, self.id, self.label, self.verdict, self.facts, self.source) = (number, id, label, verdict, facts, source)
                (self.failure, self.note, self.missing) = (failure, note, missing)
                (self.shortCitation, self.actCitation, self.sourceJSON) = (shortCitation, actCitation, sourceJSON)
            }
        }

        private let storage: Storage

        init(number: Int, id: String, label: String, verdict: Verdict, facts: [Fact], source: SourceReference?, failure: String,
             note: String?, missing: [String], shortCitation: String, actCitation: String, sourceJSON: JSONFragment) {
            storage = Storage(number: number, id: id, label: label, verdict: verdict, facts: facts, source: source, failure: failure,
                              note: note, missing: missing, shortCitation: shortCitation, actCitation: actCitation, sourceJSON: sourceJSON)
        }

        public var number: Int { storage.number }
        public var id: String { storage.id }
        public var label: String { storage.label }
        public var verdict: Verdict { storage.verdict }
        public var facts: [Fact] { storage.facts }
        public var source: SourceReference? { storage.source }
        public var failure: String { storage.failure }
        public var note: String? { storage.note }
        public var missing: [String] { storage.missing }
        /// "Délib. n°2020-309, article 2, l. 5159-5162", or "—": the criteria table's column.
        var shortCitation: String { storage.shortCitation }
        /// The same without the lines: an act's annex.
        var actCitation: String { storage.actCitation }
        /// `source` as the JSON decision writes it.
        var sourceJSON: JSONFragment { storage.sourceJSON }
    }

    public struct StepRow: Sendable {
        public let id: String
        public let label: String
        public let formula: String
        public let value: String?
        public let canonical: String?
        /// The step's `wording` with the steps, parameters and value it names written out.
        public let wording: String?
    }

    public struct MissingRow: Sendable {
        public enum Kind: String, Sendable { case fact, piece, decision }
        public let kind: Kind
        public let id: String
        public let text: String
        public let help: String?
        /// For a fact given month by month, the months still to give (`2020-12`).
        public var months: [String] = []
    }

    public let engineVersion: String
    /// The stage the document is at, and what that stage adds (act, dates, signatory).
    public let issuance: Issuance
    public let scheme: Scheme
    public let application: Application
    public let outcome: Outcome
    /// The amount decided: the one computed, unless the competent body amended it.
    public let amount: DecimalNumber?
    /// The amount the rules computed, rounded as the scheme says: `amount` differs from it only
    /// when the competent body decided another (`awarded`).
    public let computedAmount: DecimalNumber?
    /// `amount` and `computedAmount` as documents write them (« 1 150,00 € »): an act writes
    /// each several times, in its considérants, its article and its annex.
    let amountText: String?
    let computedAmountText: String?
    /// For a scheme that reads a financing plan, the aid computed that the plan's request is
    /// compared with: the step `financing_plan.aid_step` names, else the amount computed.
    let planComparedAid: DecimalNumber?
    public let criteria: [CriterionRow]
    public let steps: [StepRow]
    public let unrounded: DecimalNumber?
    public let missing: [MissingRow]
    public let awaitingConfirmation: [Fact]
    /// The deliberations the decision rests on, each once, in the order first cited.
    public let legalBasis: [String]
    /// The passages cited by the criteria and the amount, in order, each once.
    public let citedSources: [SourceReference]
    public let inputHash: String
    /// The notices the decision carries.
    public let notices: [Notice]
    /// The months paid, for a scheme that pays month by month.
    public let schedule: ScheduleTable?
    /// The limits read from the register, with the decisions behind each.
    public let limits: [LimitResult]
    /// For a call, where the selection placed the application.
    public let placement: SelectionResult.Decision?
    /// The outcomes of the schemes this decision depends on: title and outcome.
    public let dependencies: [(title: String, outcome: Outcome)]
    /// What the scheme's documents print that depends on the scheme alone, worked out once.
    let wording: SchemeWording

    /// Each parameter's value as the evaluation applied it, in French, by id: what the scheme's
    /// texts name (`{plafond_inscrit}`).
    public let parameterValues: [String: String]

    /// The criteria not met, in order: worked out once, since every renderer reads them.
    public let failed: [CriterionRow]

    /// The mentions the law requires that this document prints (`LegalMentions.printed`), in
    /// order: worked out once, since the Markdown and the JSON both print them.
    public let mentions: [PrintedMention]

    /// A scheme's text with the parameters it names written as this decision applied them.
    public func filled(_ text: String) -> String {
        ParameterText.fill(text) { parameterValues[$0] }
    }
}

extension DecisionRecord {
    /// The version printed in every decision, so a decision can be traced to the engine that made it.
    public static let currentEngineVersion = "0.1.0"

    /// `awarded` is the amount the competent body decided, when it amended the one computed.
    /// `inputHash` is the application's `InputFingerprint`, when the caller has worked it out
    /// already (a run that decides checks it against the register first): it is not hashed twice.
    public init(_ evaluation: Evaluation, issuance: Issuance = .simulation, placement: SelectionResult.Decision? = nil,
                awarded: DecimalNumber?? = nil, engineVersion: String = DecisionRecord.currentEngineVersion,
                inputHash: String? = nil) {
        self.issuance = issuance
        self.placement = placement
        let values = Dictionary(uniqueKeysWithValues: evaluation.scheme.parameters.enumerated().compactMap { index, parameter in
            (evaluation.parameters[index] ?? parameter.value(on: evaluation.referenceDate)).map { (parameter.id, FrenchFormat.value($0, type: parameter.type)) }
        })
        parameterValues = values
        // `evaluation.filled`, reading the values written out above rather than writing each
        // again for every text that names it.
        let filled: (String) -> String = { text in ParameterText.fill(text) { values[$0] } }
        let scheme = evaluation.scheme
        let application = evaluation.application
        let wording = SchemeWording.of(scheme)
        self.wording = wording
        self.engineVersion = engineVersion
        self.scheme = scheme
        self.application = application
        outcome = evaluation.outcome
        computedAmount = evaluation.amount?.final
        planComparedAid = FinancingPlanSection.comparedAid(evaluation)
        amount = awarded ?? computedAmount
        computedAmountText = computedAmount.map(FrenchFormat.money)
        amountText = awarded == nil ? computedAmountText : amount.map(FrenchFormat.money)
        unrounded = evaluation.amount?.unrounded
        var stated = StatedFacts(evaluation, filled: filled)
        var criteria: [CriterionRow] = []
        criteria.reserveCapacity(evaluation.criteria.count)
        for (position, result) in evaluation.criteria.enumerated() {
            criteria.append(DecisionRecord.row(position + 1, result, evaluation, wording: wording, facts: &stated, filled: filled))
        }
        self.criteria = criteria
        failed = criteria.filter { $0.verdict == .failed }
        steps = DecisionRecord.steps(evaluation, values: values, filled: filled, wording: wording, fragments: issuance.fragments)
        missing = evaluation.missing.map { DecisionRecord.missingRow($0, evaluation) }
        var awaiting: [Fact] = []
        for index in evaluation.awaitingConfirmation { if let fact = stated.fact(index) { awaiting.append(fact) } }
        awaitingConfirmation = awaiting
        citedSources = wording.citedSources
        legalBasis = wording.legalBasis
        self.inputHash = inputHash ?? InputFingerprint.sha256(application, scheme: scheme)
        notices = evaluation.notices.map { index in
            let notice = scheme.notices[index]
            return Notice(id: notice.id, text: filled(notice.text), condition: notice.condition, source: notice.source,
                          occasion: notice.occasion)
        }
        schedule = ScheduleTable(evaluation)
        limits = evaluation.limits.sorted { $0.index < $1.index }
        dependencies = wording.referencedSchemes.compactMap { id in
            let outcome = evaluation.application.outcomes[id] ?? evaluation.dependencies[id]?.outcome
            return outcome.map { (evaluation.dependencies[id]?.scheme.title ?? id, $0) }
        }
        mentions = LegalMentions.printed(in: DocumentKind(stage: issuance.stage, outcome: evaluation.outcome), scheme: scheme,
                                         application: application, issuance: issuance)
    }

    /// The acts a scheme rests on, each once, in the order first cited. The text that says who
    /// decides is cited on its own (a delegation), never as a basis; nor is a passage read for
    /// context (`context: true`), such as an annex announcing a change of the rules.
    static func legalBasis(of scheme: Scheme) -> [String] {
        let delegation = scheme.decidedBy?.source
        return scheme.sources.filter { $0.id != delegation && !$0.context }.map(\.deliberation).uniqued()
    }

    /// The facts a record states, each worked out once: a fact several criteria read is stated
    /// once (its sentence costs more than its row). Found by the input's index in two arrays
    /// read and written in place, where a dictionary hashed each index and grew as facts came.
    private struct StatedFacts {
        let evaluation: Evaluation
        let filled: (String) -> String
        /// By input index: its fact (nil when it states none), or nil before it is worked out.
        private var facts: [Fact??]

        init(_ evaluation: Evaluation, filled: @escaping (String) -> String) {
            (self.evaluation, self.filled) = (evaluation, filled)
            facts = [Fact??](repeating: nil, count: evaluation.scheme.inputs.count)
        }

        mutating func fact(_ index: Int) -> Fact? {
            if let known = facts[index] { return known }
            let fact = DecisionRecord.fact(index, evaluation, filled: filled)
            facts[index] = .some(fact)
            return fact
        }
    }

    private static func row(_ number: Int, _ result: CriterionResult, _ evaluation: Evaluation, wording: SchemeWording,
                            facts stated: inout StatedFacts, filled: (String) -> String) -> CriterionRow {
        let scheme = evaluation.scheme
        let application = evaluation.application
        var facts: [Fact] = []
        facts.reserveCapacity(result.factsUsed.count)
        for index in result.factsUsed { if let fact = stated.fact(index) { facts.append(fact) } }
        for id in wording.criterionDecisionSchemes[result.index] { if let fact = decisionFact(id, evaluation) { facts.append(fact) } }
        // The criterion's fields read in place, rather than the criterion copied whole.
        let criteria = scheme.criteria
        return CriterionRow(
            number: number, id: criteria[result.index].id, label: filled(criteria[result.index].label), verdict: result.verdict,
            facts: facts,
            source: wording.criterionSources[result.index], failure: filled(criteria[result.index].failure(filed: application.filed)),
            note: result.note, missing: result.missing.map { missingRow($0, evaluation).text },
            shortCitation: wording.shortCitations[result.index], actCitation: wording.actCitations[result.index], sourceJSON: wording.criterionSourcesJSON[result.index])
    }

    /// `filled`: `evaluation.filled`, or the same from values written out beforehand.
    static func fact(_ index: Int, _ evaluation: Evaluation, filled: (String) -> String) -> Fact? {
        let application = evaluation.application
        let input = evaluation.scheme.inputs[index]
        guard let value = application.facts[index] else { return nil }
        let text = shown(value, input: input, index: index, application: application)
        let written = input.statement?.sentence(for: value, shown: inSentence(value, type: input.type, shown: text), parameter: { _ in nil })
        let statement = written.map(filled) ?? "\(input.question) Réponse : \(text)."
        return Fact(id: input.id, question: input.question, value: text, canonical: FrenchFormat.canonical(value), statement: statement)
    }

    /// A value as a statement writes it within a sentence: a set's labels as a French series,
    /// each starting in lower case unless it is an acronym.
    private static func inSentence(_ value: Value, type: ValueType, shown: String) -> String {
        guard case .set(let members) = value, case .set(let domain) = type, !members.isEmpty else { return shown }
        let labels = members.map { FrenchGrammar.phrase(domain.label(of: $0)) }
        return labels.count == 1 ? labels[0] : labels.dropLast().joined(separator: ", ") + " et " + labels[labels.count - 1]
    }

    /// A fact as the act states it; an amount the rules count HT says so, with what was
    /// declared when it was given TTC.
    private static func shown(_ value: Value, input: InputDefinition, index: Int, application: Application) -> String {
        let text = FrenchFormat.value(value, type: input.type)
        guard input.exclusiveOfTax else { return text }
        guard let declared = application.taxInclusive[index] else { return text + " HT" }
        return "\(text) HT (déclaré \(FrenchFormat.money(declared.amount)) TTC, TVA \(FrenchFormat.value(.rate(declared.rate), type: .rate)))"
    }

    /// Another scheme's outcome, as a fact of the criterion that reads it.
    private static func decisionFact(_ id: String, _ evaluation: Evaluation) -> Fact? {
        guard let outcome = evaluation.application.outcomes[id] ?? evaluation.dependencies[id]?.outcome else { return nil }
        let title = evaluation.dependencies[id]?.scheme.title ?? id
        return Fact(id: "décision \(id)", question: "Décision au titre du dispositif « \(title) »",
                    value: outcome.rawValue, canonical: outcome.rawValue,
                    statement: decisionStatement(outcome, title: title))
    }

    private static func decisionStatement(_ outcome: Outcome, title: String) -> String {
        switch outcome {
        case .favorable: "Une aide a été attribuée au titre du dispositif « \(title) »."
        case .unfavorable: "La demande a été rejetée au titre du dispositif « \(title) »."
        case .incomplete: "La demande présentée au titre du dispositif « \(title) » est incomplète."
        case .toExamine: "La demande présentée au titre du dispositif « \(title) » est en cours d'instruction."
        }
    }

    /// `values`: the parameters' values written out, which `filled` fills texts with.
    private static func steps(_ evaluation: Evaluation, values: [String: String], filled: (String) -> String,
                              wording: SchemeWording, fragments: DocumentFragments?) -> [StepRow] {
        guard let definition = evaluation.scheme.amount, let amount = evaluation.amount else { return [] }
        let shown = definition.steps.enumerated().map { index, step in
            amount.steps[index].map { stepValue($0, step: step, input: wording.stepFormulaInputs[index], evaluation: evaluation) }
        }
        return definition.steps.enumerated().map { index, step in
            let value = amount.steps[index]
            let written = step.wording.map { text in
                // What each name of the wording stands for, in the order written (`SchemeWording.stepWordingTargets`).
                let named = wording.stepWordingTargets[index].map { target -> String? in
                    switch target {
                    case .value: shown[index] ?? "non calculable"
                    case .step(let other): shown[other] ?? "non calculable"
                    case .input(let input): inputShown(input, evaluation)
                    case .other: nil
                    }
                }
                return stepWording(text, index: index, named: named, values: values, wording: wording, fragments: fragments)
            }
            return StepRow(id: step.id, label: filled(step.label), formula: step.formula,
                           value: shown[index], canonical: value.map(FrenchFormat.canonical), wording: written)
        }
    }

    /// What a step's wording is filled from: what each name it holds stands for, in order (the
    /// step's value, another step's, an input's), then the parameters' values, which fill the
    /// names left. The same in many decisions of a run (a flat rate, the same parameters).
    private struct StepWordingSource: Equatable, Sendable {
        let named: [String?]
        let values: [String: String]

        /// By their bytes (`ExactText`): an input named may be the applicant's text.
        static func == (lhs: Self, rhs: Self) -> Bool {
            ExactText.same(lhs.named, rhs.named) && ExactText.same(lhs.values, rhs.values)
        }
    }

    /// The wording of step `index` with the steps, inputs and parameters it names written out;
    /// kept in the run's fragments under what it is filled from, when the run keeps them.
    /// `named`: what each name stands for, in the order the scan of the text meets them,
    /// whatever they stand for (nil: a parameter's, or none): the source holds all the filling reads.
    private static func stepWording(_ text: String, index: Int, named: [String?], values: [String: String],
                                    wording: SchemeWording, fragments: DocumentFragments?) -> String {
        let fill = { (named: [String?]) -> String in
            var answers = named.makeIterator()
            return ParameterText.fill(ParameterText.fill(text) { _ in answers.next() ?? nil }) { values[$0] }
        }
        guard let fragments else { return fill(named) }
        let source = StepWordingSource(named: named, values: values)
        return fragments.value(["libellé-étape", String(index)], scheme: wording.scheme, from: source) { fill($0.named) }
    }

    /// The input of index `index` a step's wording names, written as the fact is.
    private static func inputShown(_ index: Int, _ evaluation: Evaluation) -> String? {
        guard let value = evaluation.application.facts[index] else { return "non renseigné" }
        return shown(value, input: evaluation.scheme.inputs[index], index: index, application: evaluation.application)
    }

    /// A step that reads one amount of the file states it as the fact does (HT, or as declared TTC).
    /// `input`: the input whose id the step's formula is, if any (`SchemeWording.stepFormulaInputs`).
    private static func stepValue(_ value: Value, step: AmountDefinition.Step, input: Int?, evaluation: Evaluation) -> String {
        let scheme = evaluation.scheme
        guard let index = input else { return FrenchFormat.value(value, type: step.expression.type) }
        return shown(value, input: scheme.inputs[index], index: index, application: evaluation.application)
    }

    private static func missingRow(_ item: MissingItem, _ evaluation: Evaluation) -> MissingRow {
        let scheme = evaluation.scheme
        switch item {
        case .fact(let index):
            let input = scheme.inputs[index]
            let question = evaluation.application.clarifications[index] ?? input.question
            return MissingRow(kind: .fact, id: input.id, text: question, help: input.help)
        case .piece(let id):
            return MissingRow(kind: .piece, id: id, text: scheme.piece(id)?.label ?? id, help: nil)
        case .decision(let id):
            let title = evaluation.dependencies[id]?.scheme.title ?? id
            return MissingRow(kind: .decision, id: id, text: "La décision au titre du dispositif « \(title) »", help: nil)
        case .months(let index, let months):
            let input = scheme.inputs[index]
            let sorted = months.sorted()
            let listed = sorted.map(\.yearMonth)
            let named = sorted.map(\.frenchMonth)
            let series = named.count == 1 ? named[0] : named.dropLast().joined(separator: ", ") + " et " + named[named.count - 1]
            return MissingRow(kind: .fact, id: input.id, text: "\(input.question) Mois à renseigner : \(series).", help: input.help, months: listed)
        }
    }
}
