import Platform
import ExactDecimal
import YAMLReader

/// An aid scheme or call as voted: who may claim it, on what conditions, for how much, citing its text.
///
/// A class: every evaluation and decision refers to its scheme, and shares it rather than copies it.
public final class Scheme: Sendable {
    public let id: String
    public let title: String
    public let kind: SchemeKind
    /// Schemes of one family (`logement`) are evaluated together on one household's file.
    public let family: String?
    /// Who may apply (`beneficiaries`), for a public catalogue's filters; empty when the
    /// scheme does not say.
    public let beneficiaries: [BeneficiaryCategory]
    /// What the scheme is about (`themes`), for a public catalogue's filters; empty when the
    /// scheme does not say.
    public let themes: [SchemeTheme]
    public let authority: Authority
    /// Who decides on the applications (`authority.decides`); nil when the scheme does not say.
    public let decidedBy: DecisionAuthority?
    /// The filing days the scheme applies to (`in_force`); nil when the scheme does not say.
    public let inForce: ValidityWindow?
    public let sources: [SourceReference]
    public let pieces: [Piece]
    public let inputs: [InputDefinition]
    public let parameters: [Parameter]
    public let criteria: [Criterion]
    public let amount: AmountDefinition?
    /// Limits across applications, read from the register.
    public let limits: [Limit]
    /// Amounts paid month by month, when the scheme pays so.
    public let schedule: ScheduleDefinition?
    public let notices: [Notice]
    /// How a call ranks and retains its applications; nil for an aid granted on its own merits.
    public let selection: Selection?
    public let interpretations: [Interpretation]
    public let tests: [SchemeTestCase]
    /// The schemes whose outcome this one uses, and where; checked across the rules folder.
    public let references: [(id: String, mark: SourceMark)]
    /// The file the scheme was read from.
    public let file: String
    /// SHA-256 of the scheme file's bytes: a decision names the exact rules it applied.
    public let rulesHash: String
    /// The mentions the law requires in its documents (the rules folder's `mentions.yaml`);
    /// nil for a scheme read on its own, whose documents then say that they are missing.
    public let mentions: Mentions?
    /// The financing plan its applications carry, when it reads one (`financing_plan`).
    public let financingPlan: FinancingPlanDeclaration?
    /// The day of each year before which its acts are to be notified, when the text sets one.
    public let notificationDeadline: NotificationDeadline?

    public init(id: String, title: String, kind: SchemeKind, family: String? = nil,
                beneficiaries: [BeneficiaryCategory] = [], themes: [SchemeTheme] = [], authority: Authority,
                decidedBy: DecisionAuthority? = nil, inForce: ValidityWindow? = nil, sources: [SourceReference],
                pieces: [Piece], inputs: [InputDefinition], parameters: [Parameter], criteria: [Criterion],
                amount: AmountDefinition?, limits: [Limit] = [], schedule: ScheduleDefinition? = nil, notices: [Notice] = [], selection: Selection? = nil, interpretations: [Interpretation], tests: [SchemeTestCase],
                references: [(id: String, mark: SourceMark)] = [], file: String, rulesHash: String, mentions: Mentions? = nil,
                financingPlan: FinancingPlanDeclaration? = nil, notificationDeadline: NotificationDeadline? = nil) {
        self.financingPlan = financingPlan
        self.notificationDeadline = notificationDeadline
        self.id = id
        self.title = title
        self.kind = kind
        self.family = family
        self.beneficiaries = beneficiaries
        self.themes = themes
        self.authority = authority
        self.decidedBy = decidedBy
        self.inForce = inForce
        self.sources = sources
        self.pieces = pieces
        self.inputs = inputs
        self.parameters = parameters
        self.criteria = criteria
        self.amount = amount
        self.limits = limits
        self.schedule = schedule
        self.notices = notices
        self.selection = selection
        self.interpretations = interpretations
        self.tests = tests
        self.references = references
        self.file = file
        self.rulesHash = rulesHash
        self.mentions = mentions
    }

    /// The same scheme with other parameter values, test cases or fingerprint; everything else shared.
    func copy(parameters: [Parameter]? = nil, tests: [SchemeTestCase]? = nil, rulesHash: String? = nil,
              mentions: Mentions?? = nil) -> Scheme {
        Scheme(id: id, title: title, kind: kind, family: family, beneficiaries: beneficiaries, themes: themes, authority: authority, decidedBy: decidedBy, inForce: inForce, sources: sources, pieces: pieces,
               inputs: inputs, parameters: parameters ?? self.parameters, criteria: criteria, amount: amount, limits: limits,
               schedule: schedule, notices: notices, selection: selection, interpretations: interpretations,
               tests: tests ?? self.tests, references: references, file: file, rulesHash: rulesHash ?? self.rulesHash,
               mentions: mentions ?? self.mentions, financingPlan: financingPlan, notificationDeadline: notificationDeadline)
    }

    /// The same scheme with the test cases of its own test file; they do not change its
    /// fingerprint, since they change no decision.
    public func with(tests: [SchemeTestCase]) -> Scheme { copy(tests: tests) }

    /// The same scheme with the mentions of its rules folder. They change the text of its
    /// documents, so they enter its fingerprint: SHA-256 of the fingerprint, a line break and
    /// the mentions it prints in a canonical text.
    public func with(mentions: Mentions) -> Scheme {
        let combined = "\(rulesHash)\n\(mentions.canonicalText(scheme: id, allocation: kind == .allocation))"
        return copy(rulesHash: SHA256.hex(of: Array(combined.utf8)), mentions: .some(mentions))
    }

    public func source(_ id: String) -> SourceReference? { sources.first { $0.id == id } }
    public func piece(_ id: String) -> Piece? { pieces.first { $0.id == id } }
    public func inputIndex(_ id: String) -> Int? { inputs.firstIndex { $0.id == id } }
}

public enum SchemeKind: String, Sendable, CaseIterable {
    case individualAid = "individual-aid"
    case callForProjects = "call-for-projects"
    case callForApplications = "call-for-applications"
    case allocation

    /// French name, as in a decision's heading.
    public var frenchName: String {
        switch self {
        case .individualAid: "aide individuelle"
        case .callForProjects: "appel à projets"
        case .callForApplications: "appel à candidatures"
        case .allocation: "allocation"
        }
    }
}

/// The body that decides, and where its decisions can be challenged.
public struct Authority: Sendable {
    /// "Département du Pas-de-Calais".
    public let name: String
    /// Who signs: "Le Président du Conseil départemental".
    public let signatory: String
    /// The administrative court with jurisdiction: "tribunal administratif de Lille".
    public let court: String
    /// The court's address, as printed in the routes of appeal.
    public let courtAddress: String?
    /// The French names of its bodies, each with its article, as documents print them
    /// ("La Commission permanente du Conseil départemental"); a body it does not have is absent.
    public let bodies: [DecidingBody: String]

    public init(name: String, signatory: String, court: String, courtAddress: String?, bodies: [DecidingBody: String] = [:]) {
        self.name = name
        self.signatory = signatory
        self.court = court
        self.courtAddress = courtAddress
        self.bodies = bodies
    }

    /// The name of one of its bodies for documents, with its capitalised article ("Le Conseil
    /// départemental", "La Commission permanente du Conseil départemental"); `FrenchGrammar`
    /// declines it ("de la Commission permanente…"). Nil when the authority does not name it.
    public func name(of body: DecidingBody) -> String? { bodies[body] }
}

/// A passage of a deliberation that a rule encodes: the words of the text (`quote`), a
/// paraphrase (`summary`), or both.
public struct SourceReference: Sendable {
    public let id: String
    /// "Délibération n°2020-309 du 28 septembre 2020".
    public let deliberation: String
    /// "article 2".
    public let article: String?
    /// Lines of the source text, "5159-5165".
    public let lines: String?
    /// The words of the text, verbatim; printed between « ».
    public let quote: String?
    /// A paraphrase of the passage (a table read out, a passage summed up): never printed
    /// between « », since it is not the text.
    public let summary: String?
    /// The key of the act in `deliberations.yaml` (`cd62-2020-309`); nil for a title written out.
    public let act: String?
    /// A passage read for context (`context: true`): it says where a rule comes from and is quoted
    /// where a criterion cites it, but its act is no legal basis of the decisions — never a « Vu »,
    /// never in the JSON `legal_basis` (an annex announcing a change of the FSL's rules).
    public let context: Bool
    /// Where `lines` and `quote` are written in the scheme file, for `guichet check`'s errors.
    public let linesMark: SourceMark?
    public let quoteMark: SourceMark?

    public init(id: String, deliberation: String, article: String?, lines: String?, quote: String?, summary: String? = nil,
                act: String? = nil, context: Bool = false, linesMark: SourceMark? = nil, quoteMark: SourceMark? = nil) {
        self.id = id
        self.deliberation = deliberation
        self.article = article
        self.lines = lines
        self.quote = quote
        self.summary = summary
        self.act = act
        self.context = context
        self.linesMark = linesMark
        self.quoteMark = quoteMark
    }

    /// "Délibération n°2020-309 du 28 septembre 2020, article 2".
    public var citation: String {
        article.map { "\(deliberation), \($0)" } ?? deliberation
    }
}

/// A supporting document (pièce justificative) an applicant must provide.
public struct Piece: Sendable {
    public let id: String
    public let label: String
    public let source: String?

    public init(id: String, label: String, source: String?) {
        self.id = id
        self.label = label
        self.source = source
    }
}
