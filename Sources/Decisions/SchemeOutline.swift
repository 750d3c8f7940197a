import Documents
import ExactDecimal
import SchemeLanguage

/// A scheme as `guichet explain` reads it, as data rather than Markdown: who decides, the
/// criteria, the parameters with their values and dates, the amount's steps, the questions, the
/// pieces, the limits and the texts quoted with their references, each in French with its
/// figures written (`ParameterText.fillLatest`). The public site lays it out as a web page (one
/// anchor per rule); the wording of types, scopes and dated versions is `SchemeExplanation`'s.
public struct SchemeOutline: Sendable {
    /// A passage of a text a rule rests on.
    public struct Passage: Sendable {
        public let id: String
        /// « Délibération n°2020-309 du 28 septembre 2020, article 2, lignes 5159 à 5162 ».
        public let citation: String
        /// The words of the text, to print between « ».
        public let quote: String?
        /// A paraphrase, never printed between « ».
        public let summary: String?
        /// Read for context only: it describes a rule but grounds no decision.
        public let context: Bool
    }

    public struct CriterionItem: Sendable {
        public let number: Int
        public let id: String
        public let label: String
        /// When the requirement applies, as written in the rules; nil when it always does.
        public let appliesWhen: String?
        /// The condition as written in the rules; nil for a criterion an instructor appreciates.
        public let condition: String?
        /// The ground printed when it is not met.
        public let failure: String
        public let passage: Passage?
    }

    public struct ParameterItem: Sendable {
        public let id: String
        public let label: String
        /// Its values with their dates, in French (« 40 000,00 € », « non fixée : … »).
        public let values: String
        public let passage: Passage?
    }

    public struct StepItem: Sendable {
        public let id: String
        public let label: String
        /// How a decision words the step, its figures named (`{taux} de la dépense…`).
        public let wording: String?
        public let formula: String
        public let passage: Passage?
    }

    public struct QuestionItem: Sendable {
        public let id: String
        public let question: String
        public let help: String?
        /// « oui / non », « montant en euros », « un choix parmi : … ».
        public let answer: String
        /// The piece that establishes the fact, by its label.
        public let piece: String?
        /// Whether an instructor confirms the declared value.
        public let confirmed: Bool
    }

    public struct LabelledItem: Sendable {
        public let id: String
        public let label: String
        public let passage: Passage?
    }

    public struct InterpretationItem: Sendable {
        public let id: String
        public let question: String
        public let choice: String
        /// What it applies to; empty for the whole scheme.
        public let targets: [Interpretation.Target]
        /// « critère n°8 (`plafond-annuel-disponible`), limite `aides_annee` », or « tout le dispositif ».
        public let scope: String
        public let passage: Passage?
    }

    public let id: String
    public let title: String
    /// « appel à projets ».
    public let kindName: String
    public let authority: String
    /// The body that decides (« Commission permanente du Conseil départemental ») and the text
    /// that gives it its power.
    public let decidingBody: String?
    public let decidingSource: Passage?
    /// « à compter du 9 octobre 2020 », with the text that sets the period; nil without one.
    public let period: String?
    public let periodSource: Passage?
    public let criteria: [CriterionItem]
    public let parameters: [ParameterItem]
    public let steps: [StepItem]
    /// The step whose value is the aid, by its label, and how it is rounded.
    public let result: String?
    public let rounding: String?
    public let questions: [QuestionItem]
    public let pieces: [LabelledItem]
    public let limits: [LabelledItem]
    public let notices: [LabelledItem]
    /// How a call ranks and retains its candidates, one sentence each; empty for an aid.
    public let selection: [String]
    /// The interpretations of `audience: public`: how the text is applied. The notes for the
    /// authors of the rules stay with `guichet explain`.
    public let interpretations: [InterpretationItem]
    /// Every passage the scheme cites, in its order.
    public let passages: [Passage]
    /// The rules file and its fingerprint.
    public let file: String
    public let rulesHash: String

    public init(_ scheme: Scheme) {
        let passages = scheme.sources.map(Self.passage)
        func passage(_ id: String?) -> Passage? { id.flatMap { id in passages.first { $0.id == id } } }
        func filled(_ text: String) -> String { ParameterText.fillLatest(text, of: scheme) }
        id = scheme.id
        title = scheme.title
        kindName = scheme.kind.frenchName
        authority = scheme.authority.name
        decidingBody = scheme.decidedBy.map { BodyName($0.body, authority: scheme.authority).bare }
        decidingSource = passage(scheme.decidedBy?.source)
        period = scheme.inForce?.span
        periodSource = passage(scheme.inForce?.source)
        criteria = scheme.criteria.enumerated().map { position, criterion in
            CriterionItem(number: position + 1, id: criterion.id, label: filled(criterion.label), appliesWhen: criterion.applicabilityFormula,
                          condition: criterion.formula, failure: filled(criterion.failure), passage: passage(criterion.source))
        }
        parameters = scheme.parameters.map { parameter in
            ParameterItem(id: parameter.id, label: parameter.label,
                          values: FrenchFormat.versions(of: parameter) + SchemeExplanation.chosenOn(parameter), passage: passage(parameter.source))
        }
        steps = (scheme.amount?.steps ?? []).map { step in
            StepItem(id: step.id, label: filled(step.label), wording: step.wording.map(filled), formula: step.formula, passage: passage(step.source))
        }
        result = scheme.amount.map { filled($0.steps[$0.result].label) }
        rounding = scheme.amount.map { FrenchFormat.rounding($0.rounding) }
        // The facts a financing plan gives are read from the plan, never asked.
        questions = scheme.inputs.filter { $0.planFigure == nil }.map { input in
            QuestionItem(id: input.id, question: input.question, help: input.help, answer: SchemeExplanation.typeName(input.type),
                         piece: input.piece.flatMap { scheme.piece($0)?.label }, confirmed: input.confirm)
        }
        pieces = scheme.pieces.map { LabelledItem(id: $0.id, label: $0.label, passage: passage($0.source)) }
        limits = scheme.limits.map { LabelledItem(id: $0.id, label: filled($0.label), passage: passage($0.source)) }
        notices = scheme.notices.map { LabelledItem(id: $0.id, label: filled($0.text), passage: passage($0.source)) }
        selection = SchemeExplanation.selectionLines(scheme)
        interpretations = scheme.interpretations.filter { $0.audience == .public }.map { interpretation in
            InterpretationItem(id: interpretation.id, question: interpretation.question, choice: filled(interpretation.choice),
                               targets: interpretation.appliesTo, scope: SchemeExplanation.scope(of: interpretation, in: scheme),
                               passage: passage(interpretation.source))
        }
        self.passages = passages
        file = Citations.baseName(scheme.file)
        rulesHash = scheme.rulesHash
    }

    private static func passage(_ source: SourceReference) -> Passage {
        Passage(id: source.id, citation: Citations.citation(source), quote: source.quote,
                summary: source.summary.map(FrenchGrammar.phrase), context: source.context)
    }
}
