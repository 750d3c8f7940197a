import Documents
import Evaluator
import Synchronization
import SchemeLanguage

/// A mention the law requires, as a document prints it: the Markdown lays it out at its place,
/// the JSON lists it (`mentions`), both from the same value.
public struct PrintedMention: Sendable, Equatable {
    /// `service-instructeur`, `delai-pieces`, `traitement-algorithmique`, `donnees-personnelles`,
    /// `voies-de-recours`.
    public let id: String
    /// The heading the Markdown gives it.
    public let title: String
    /// Its paragraphs, in French, without Markdown.
    public let paragraphs: [String]
    /// What the rules folder or guichet.yaml does not give, each with where to give it: the
    /// document says so in bold, and should not be sent before it is completed.
    public let missing: [String]

    /// The paragraphs as one text, separated by a blank line.
    public var text: String { paragraphs.joined(separator: "\n\n") }
}

/// Writes the mentions of `mentions.yaml` (`Mentions`) and of guichet.yaml (`Deployment`) for
/// one document: the instructing service (CRPA L. 111-2), the deadline of a request for pieces
/// (L. 114-5), the algorithmic processing (L. 311-3-1, R. 311-3-1-1), the notice on personal
/// data (RGPD, article 13) and the routes of appeal, these chosen by the kind of beneficiary.
/// A text or a fact that is not given is said to be missing, never made up.
enum LegalMentions {
    /// Where the mentions are written, as documents name it when one is missing.
    static func mentionsFile(_ scheme: Scheme) -> String {
        scheme.mentions.map { Citations.baseName($0.file) } ?? "mentions.yaml"
    }

    // MARK: - The instructing service (CRPA L. 111-2)

    /// The service and its agent, as label and value; a value not given says so, and where
    /// to give it (`missing`).
    static func serviceRows(_ deployment: Deployment) -> [(label: String, value: String, missing: String?)] {
        func notGiven(_ place: String) -> String { "non renseigné (\(place))" }
        guard let service = deployment.service else {
            return [("Service instructeur", notGiven("guichet.yaml, service"), "guichet.yaml, service")]
        }
        let contact = [service.address, service.email, service.phone].compactMap { $0 }
        let line = contact.isEmpty ? service.name : "\(service.name) — \(contact.joined(separator: " ; "))"
        guard let agent = service.agent else {
            let place = "guichet.yaml, service.agent"
            return [("Service instructeur", line, nil), ("Agent chargé du dossier", notGiven(place), place)]
        }
        return [("Service instructeur", line, nil),
                ("Agent chargé du dossier", "\(agent.firstName) \(agent.name), \(FrenchGrammar.lowercasedFirst(agent.title))", nil)]
    }

    static func service(_ deployment: Deployment) -> PrintedMention {
        let rows = serviceRows(deployment)
        return PrintedMention(id: "service-instructeur", title: "Service instructeur",
                              paragraphs: rows.map { "\($0.label) : \($0.value)" },
                              missing: rows.compactMap { row in row.missing.map { "\(FrenchGrammar.lowercasedFirst(row.label)) (\($0))" } })
    }

    /// How a mention names the service to write to, without its article (the texts write « au
    /// {service} », « auprès du {service} »): « service instructeur (name — contact) ».
    private static func serviceReference(_ deployment: Deployment) -> String {
        MarkdownDecision.serviceLine(deployment).map { "service instructeur (\($0))" } ?? "service instructeur"
    }

    // MARK: - Texts chosen by the kind of beneficiary

    /// The beneficiary's kind, or the mention saying why none of the texts can be chosen.
    private enum Choice {
        case success(BeneficiaryKind)
        /// No text can be chosen: the mention says why.
        case failure(PrintedMention)
    }

    private static func kind(of applicant: Application.Applicant, id: String, title: String, what: String) -> Choice {
        if let kind = applicant.beneficiaryKind { return .success(kind) }
        let stated = applicant.kind.map { "« \($0) »" } ?? "non précisée"
        let sentence = "La nature du demandeur (\(stated)) ne permet pas de choisir \(what) : personne physique, personne morale de droit privé ou personne publique."
        return .failure(PrintedMention(id: id, title: title, paragraphs: [sentence],
                                       missing: ["nature du demandeur (applicant.kind de la demande)"]))
    }

    private static func absent(_ scheme: Scheme, id: String, title: String, what: String) -> PrintedMention {
        PrintedMention(id: id, title: title,
                       paragraphs: ["Le dossier des règles ne comporte pas de fichier \(mentionsFile(scheme)) : \(what) ne peuvent être imprimés."],
                       missing: ["\(what) (\(mentionsFile(scheme)))"])
    }

    // MARK: - A request for pieces (CRPA L. 114-5)

    static func piecesDeadline(_ scheme: Scheme, applicant: Application.Applicant, deployment: Deployment) -> PrintedMention {
        let (id, title) = ("delai-pieces", "Délai de production des pièces")
        guard let mentions = scheme.mentions else {
            return absent(scheme, id: id, title: title, what: "le délai de production des pièces et ses conséquences")
        }
        switch kind(of: applicant, id: id, title: title, what: "les mentions du délai de production des pièces") {
        case .failure(let mention): return mention
        case .success(let kind):
            let days = mentions.piecesDeadline(scheme: scheme.id)
            let values = ["délai": "\(days) jour\(days > 1 ? "s" : "")", "service": serviceReference(deployment)]
            return PrintedMention(id: id, title: title, paragraphs: mentions.pieces[kind].paragraphs(values), missing: [])
        }
    }

    // MARK: - The algorithmic processing (CRPA L. 311-3-1, R. 311-3-1-1)

    /// `act` names the act in its own words (« La présente décision », « Cette décision »). The
    /// same for every document of a scheme in a batch: filled once per scheme, service and kind.
    static func algorithm(_ scheme: Scheme, deployment: Deployment, act: DecisionAct? = nil, simulation: Bool) -> PrintedMention {
        let service = serviceReference(deployment)
        let key = AlgorithmKey(scheme: scheme.id, rules: scheme.rulesHash, service: service, subject: ActBlocks.subject(act), simulation: simulation)
        if let known = filledAlgorithms.withLock({ $0[key] }) { return known }
        let mention = fillAlgorithm(scheme, service: service, subject: key.subject, simulation: simulation,
                                    serviceMissing: deployment.service == nil)
        filledAlgorithms.withLock { $0[key] = mention }
        return mention
    }

    /// A scheme by its id and the fingerprint of its rules (which covers its mentions): never by
    /// its address, which a later scheme may take once it is freed.
    private struct AlgorithmKey: Hashable {
        let scheme: String
        let rules: String
        let service: String
        let subject: String
        let simulation: Bool
    }

    private static let filledAlgorithms = Mutex<[AlgorithmKey: PrintedMention]>([:])

    private static func fillAlgorithm(_ scheme: Scheme, service: String, subject: String, simulation: Bool, serviceMissing: Bool) -> PrintedMention {
        let (id, title) = ("traitement-algorithmique", "Traitement algorithmique")
        guard let mentions = scheme.mentions else {
            return absent(scheme, id: id, title: title, what: "la mention du traitement algorithmique et le droit d'en obtenir les règles")
        }
        let template = simulation ? mentions.algorithmSimulation
            : scheme.kind == .allocation ? mentions.algorithmAllocation ?? mentions.algorithmAct : mentions.algorithmAct
        let values = ["décision": subject, "dispositif": "« \(scheme.title) »", "service": service]
        return PrintedMention(id: id, title: title, paragraphs: template.paragraphs(values),
                              missing: serviceMissing ? ["coordonnées du service instructeur (guichet.yaml, service)"] : [])
    }

    // MARK: - Personal data (RGPD, article 13)

    /// Whether a document to this applicant under this scheme concerns personal data: the
    /// applicant is a natural person, or the scheme reads an input marked `personal`, or
    /// mentions.yaml declares it for the scheme.
    static func concernsPersonalData(_ scheme: Scheme, applicant: Application.Applicant) -> Bool {
        applicant.beneficiaryKind == .naturalPerson || scheme.inputs.contains(where: \.personal)
            || scheme.mentions?.schemes[scheme.id]?.personalData != nil
    }

    /// The notice, for a document that concerns personal data; nil otherwise.
    static func personalData(_ scheme: Scheme, applicant: Application.Applicant, deployment: Deployment) -> PrintedMention? {
        guard concernsPersonalData(scheme, applicant: applicant) else { return nil }
        let (id, title) = ("donnees-personnelles", "Protection des données personnelles")
        guard let mentions = scheme.mentions else {
            return absent(scheme, id: id, title: title, what: "la notice sur les données personnelles et les droits qu'elle rappelle")
        }
        let file = mentionsFile(scheme)
        let data = mentions.schemes[scheme.id]?.personalData ?? Mentions.PersonalData()
        var missing: [String] = []
        func given(_ value: String?, _ notGiven: String, _ what: String, _ place: String) -> String {
            if let value { return value }
            missing.append("\(what) (\(place))")
            return notGiven
        }
        let field = "\(file), schemes.\(scheme.id).personal_data"
        let values = [
            "responsable": FrenchGrammar.nominal(scheme.authority.name),
            "dispositif": "« \(scheme.title) »",
            "base_juridique": given(data.legalBasis, "non renseignée", "base juridique du traitement", "\(field).legal_basis"),
            "destinataires": given(data.recipients, "non renseignés", "destinataires des données", "\(field).recipients"),
            "durée": given(data.retention, "non renseignée", "durée de conservation", "\(field).retention"),
            "délégué": given(deployment.dataProtectionContact, "non renseigné", "contact du délégué à la protection des données",
                             "guichet.yaml, data_protection"),
            "service": serviceReference(deployment),
        ]
        return PrintedMention(id: id, title: title, paragraphs: mentions.personalData.paragraphs(values), missing: missing)
    }

    // MARK: - The routes of appeal

    static func appeal(_ scheme: Scheme, applicant: Application.Applicant, act: DecisionAct?) -> PrintedMention {
        let (id, title) = ("voies-de-recours", "Voies et délais de recours")
        guard let mentions = scheme.mentions else {
            return absent(scheme, id: id, title: title, what: "les voies et délais de recours")
        }
        switch kind(of: applicant, id: id, title: title, what: "les voies et délais de recours qui lui sont ouverts") {
        case .failure(let mention): return mention
        case .success(let kind):
            let authority = scheme.authority
            let values = ["décision": ActBlocks.subject(act), "autorité": FrenchGrammar.de(authority.signatory),
                          "tribunal": authority.court + (authority.courtAddress.map { " (\($0))" } ?? "")]
            return PrintedMention(id: id, title: title, paragraphs: mentions.appeal[kind].paragraphs(values), missing: [])
        }
    }
}

extension LegalMentions {
    /// The mentions a document prints, in the order it prints them: none but the algorithmic
    /// processing's information in a simulation; the instructing service in a fiche; the
    /// service, the deadline and the personal data in a request for pieces; the service, the
    /// algorithmic processing, the routes of appeal and the personal data in an act. Worked out
    /// once per document (`DecisionRecord.mentions`), since its Markdown and its JSON both print them.
    static func printed(in document: DocumentKind, scheme: Scheme, application: Application, issuance: Issuance) -> [PrintedMention] {
        let applicant = application.applicant
        // Without a beneficiary's kind, the mentions quote what the applicant stated: worked out each time.
        guard let kind = applicant.beneficiaryKind else {
            return fill(document, scheme: scheme, application: application, issuance: issuance)
        }
        // Otherwise they depend on the scheme, guichet.yaml, the act's subject, the kind and
        // whether the document concerns personal data alone: the same for every such document of a run.
        let personal = concernsPersonalData(scheme, applicant: applicant)
        let key = ["mentions", document.rawValue, kind.rawValue, personal ? "1" : "0", ActBlocks.subject(issuance.act)]
        return issuance.fragment(key, scheme: scheme, from: issuance.deployment) { _ in
            fill(document, scheme: scheme, application: application, issuance: issuance)
        }
    }

    /// The mentions of `printed(in:scheme:application:issuance:)`, filled.
    private static func fill(_ document: DocumentKind, scheme: Scheme, application: Application, issuance: Issuance) -> [PrintedMention] {
        let deployment = issuance.deployment
        let applicant = application.applicant
        var personal: PrintedMention? {
            // Once the notice applies, its words depend on the scheme and guichet.yaml alone.
            guard concernsPersonalData(scheme, applicant: applicant) else { return nil }
            let key = ["données-personnelles", serviceReference(deployment), deployment.dataProtectionContact ?? "\u{0}"]
            return issuance.fragment(key, scheme: scheme) { personalData(scheme, applicant: applicant, deployment: deployment) }
        }
        var appealRoutes: PrintedMention {
            // Chosen by the beneficiary's kind; without one, the mention says what the applicant stated.
            guard let kind = applicant.beneficiaryKind else { return appeal(scheme, applicant: applicant, act: issuance.act) }
            return issuance.fragment(["voies-de-recours", kind.rawValue, ActBlocks.subject(issuance.act)], scheme: scheme) {
                appeal(scheme, applicant: applicant, act: issuance.act)
            }
        }
        switch document {
        case .simulation:
            return [algorithm(scheme, deployment: deployment, simulation: true)]
        case .instructionFiche:
            return [service(deployment)]
        case .requestForPieces:
            return [service(deployment), piecesDeadline(scheme, applicant: applicant, deployment: deployment)] + [personal].compactMap { $0 }
        case .act:
            return [service(deployment), algorithm(scheme, deployment: deployment, act: issuance.act, simulation: false),
                    appealRoutes] + [personal].compactMap { $0 }
        }
    }
}

extension [PrintedMention] {
    /// The mention of that id, when these are a document's and it prints it.
    func mention(_ id: String) -> PrintedMention? { first { $0.id == id } }
}

extension DecisionRecord {
    /// The mention of that id, when this document prints it.
    func mention(_ id: String) -> PrintedMention? { mentions.mention(id) }
}

extension MarkdownDecision {
    /// A mention under its heading, then what is missing from it, in bold.
    static func mention(_ mention: PrintedMention?, heading: Bool = true, into text: inout MarkdownText) {
        guard let mention else { return }
        if heading { text.heading(mention.title) }
        for paragraph in mention.paragraphs {
            text.line(paragraph)
            text.blank()
        }
        incomplete(mention, into: &text)
    }

    /// The bold line that says what a mention lacks, when it lacks something.
    static func incomplete(_ mention: PrintedMention, into text: inout MarkdownText) {
        guard !mention.missing.isEmpty else { return }
        text.line("**Mention à compléter avant tout envoi : \(mention.missing.joined(separator: " ; ")).**")
        text.blank()
    }

    /// The service's rows for a document's table, the missing values in bold.
    static func serviceRows(_ deployment: Deployment) -> [[String]] {
        LegalMentions.serviceRows(deployment).map { [$0.label, $0.missing == nil ? $0.value : "**\($0.value)**"] }
    }
}
