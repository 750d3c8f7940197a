import Documents
import Evaluator
import SchemeLanguage

/// How documents name the body that decides. The one place where a `DecidingBody` becomes
/// words: when `Authority` carries the bodies' own names (from deliberations.yaml), read them
/// here; until then the names are those of a département, the President's taken from the
/// authority's signatory.
public struct BodyName: Sendable, Equatable {
    public let body: DecidingBody
    /// With its article, as a sentence uses it: "la Commission permanente du Conseil départemental".
    public let name: String

    /// The authority's own name for the body (deliberations.yaml, `bodies`), else a département's.
    public init(_ body: DecidingBody, authority: Authority) {
        self.body = body
        if let named = authority.name(of: body) {
            name = FrenchGrammar.lowercasedFirst(named)
            return
        }
        switch body {
        case .standingCommittee: name = "la Commission permanente du Conseil départemental"
        case .assembly: name = "le Conseil départemental"
        case .presidentByDelegation:
            let signatory = FrenchGrammar.lowercasedFirst(authority.signatory)
            name = signatory.hasPrefix("le ") || signatory.hasPrefix("la ") ? signatory : "le Président du Conseil départemental"
        }
    }

    /// Without its article, capitalised, as a label: "Commission permanente du Conseil départemental".
    public var bare: String {
        for article in ["la ", "le ", "l'"] where name.hasPrefix(article) {
            return FrenchGrammar.capitalizedFirst(String(name.dropFirst(article.count)))
        }
        return FrenchGrammar.capitalizedFirst(name)
    }

    /// At the start of a sentence: "La Commission permanente du Conseil départemental".
    public var capitalized: String { FrenchGrammar.capitalizedFirst(name) }

    /// "à la Commission permanente…", "au Conseil départemental".
    public var toBody: String { name.hasPrefix("le ") ? "au " + name.dropFirst(3) : "à " + name }

    /// What a document put to this body says at its top: put to its vote, for a body that votes;
    /// to his decision, for the President.
    public var proposalNotice: String {
        let putTo = body.votes ? "au vote" : "à la décision"
        return "Projet — soumis \(putTo) \(FrenchGrammar.de(name)) ; ce document n'est pas une décision"
    }
}

/// What a document is, given its stage and its outcome: only a decision of the competent
/// body on a favourable or unfavourable outcome is an act; everything before is worded as
/// what it is, and says so at its top.
public enum DocumentKind: String, Sendable {
    /// A self-check: the verdict worded conditionally, no signature, no appeal routes.
    case simulation
    /// The instructor's fiche (instruction and proposal stages, or a file an instructor must
    /// still settle): an avis and an amount proposed.
    case instructionFiche
    /// An incomplete file after the simulation stage: a letter of the instructing service
    /// asking for the pieces, not a decision.
    case requestForPieces
    /// The decision of the competent body, or its notification: signed, with appeal routes.
    case act

    init(stage: Stage, outcome: Outcome) {
        switch (stage, outcome) {
        case (.simulation, _): self = .simulation
        case (_, .incomplete): self = .requestForPieces
        case (.decision, .favorable), (.decision, .unfavorable), (.notified, .favorable), (.notified, .unfavorable): self = .act
        default: self = .instructionFiche
        }
    }
}

extension DecisionRecord {
    /// What this document is.
    public var document: DocumentKind { DocumentKind(stage: issuance.stage, outcome: outcome) }

    /// The document sent to the applicant, to render in every format (Markdown, HTML, ODT):
    /// the act, or the request for pieces; nil for a simulation or an instructor's fiche.
    public var sentDocument: Document? {
        // Before its vote, an allocation is computed in its own document (`MarkdownAllocation`):
        // no request for pieces goes out, for no one applied.
        if scheme.kind == .allocation { return document == .act ? AllocationNotice.make(self) : nil }
        return switch document {
        case .act: ActDocument.make(self)
        case .requestForPieces: RequestForPieces.make(self)
        case .simulation, .instructionFiche: nil
        }
    }

    /// Who decides on the scheme's applications, named; nil when the scheme does not say.
    public var decidingBody: BodyName? {
        scheme.decidedBy.map { wording.bodyName($0.body) }
    }

    /// The body that took the act, or that will decide: the act's body first, then the scheme's.
    var actingBody: BodyName? {
        issuance.act.map { wording.bodyName($0.body) } ?? decidingBody
    }

    /// Whether the scheme grants an amount, or only admits candidatures to a selection.
    var grants: Bool { scheme.amount != nil }

    /// Whether the application is among a call's laureates.
    var selected: Bool { placement?.placement == .retained }

    /// The document's title, as the Markdown's second heading and the JSON's `document`.
    public var documentTitle: String {
        if scheme.kind == .allocation { return allocationTitle }
        return switch document {
        case .simulation:
            "Simulation : \(grants ? "demande d'aide" : "candidature") au titre du dispositif « \(scheme.title) »"
        case .instructionFiche:
            issuance.stage == .proposal ? "Fiche d'instruction : proposition soumise \(actingBody?.toBody ?? "à l'autorité compétente")" : "Fiche d'instruction"
        case .requestForPieces: "Demande de pièces et d'informations complémentaires"
        case .act:
            switch (outcome, grants) {
            case (.favorable, true): "Décision d'attribution d'une aide"
            case (.favorable, false) where selected: "Décision retenant une candidature"
            case (.favorable, false): "Décision de recevabilité d'une candidature"
            case (_, true): "Décision de rejet d'une demande d'aide"
            case (_, false): "Décision d'irrecevabilité d'une candidature"
            }
        }
    }

    /// An allocation's notice, or what stands for it before it can be notified.
    private var allocationTitle: String {
        switch document {
        case .simulation: "Simulation : notification des dotations"
        case .instructionFiche: "Fiche de calcul des dotations"
        case .requestForPieces: "Calcul des dotations : données à compléter"
        case .act: "Notification des dotations"
        }
    }

    /// The top line of a simulation, whatever the document: a decision or a proposal report.
    static let simulationNotice = "Simulation — ce document n'est pas une décision"

    /// The line every document that is not an act carries at its top (and the JSON's
    /// `notice`): nil for an act.
    public var stageNotice: String? {
        switch document {
        case .simulation: Self.simulationNotice
        case .instructionFiche where issuance.stage == .proposal:
            actingBody?.proposalNotice ?? "Projet — soumis à l'autorité compétente ; ce document n'est pas une décision"
        case .instructionFiche: "Fiche d'instruction — document de travail du service instructeur ; ce document n'est pas une décision"
        case .requestForPieces where scheme.kind == .allocation:
            "Calcul incomplet — document de travail du service ; ce document n'est pas une notification"
        case .requestForPieces: "Demande de pièces du service instructeur — ce courrier n'est pas une décision"
        case .act: nil
        }
    }

    /// What the amount is at this stage: `granted` only by an act, `proposed` by a fiche,
    /// `provisional` otherwise (a simulation's estimate, an amount awaiting an instructor).
    public var amountStatus: String? {
        guard amount != nil else { return nil }
        switch (document, outcome) {
        case (.act, .favorable): return "granted"
        case (.instructionFiche, .favorable): return "proposed"
        default: return "provisional"
        }
    }
}
