import YAMLReader

/// Loads a rules folder's `mentions.yaml`: the texts of the mentions the law requires in its
/// documents (`Mentions`). Every field is required, every text's placeholders are checked
/// against those it may use, and every problem is reported at its line.
public enum MentionsLoader {
    public static func load(path: String) -> (mentions: Mentions?, diagnostics: [Diagnostic]) {
        read(file: path) { () throws(YAMLError) in try YAMLDocumentReader.singleDocument(path: path) }
    }

    /// The same from text in memory; `file` is the name used in marks.
    public static func load(text: String, file: String) -> (mentions: Mentions?, diagnostics: [Diagnostic]) {
        read(file: file) { () throws(YAMLError) in try YAMLDocumentReader.singleDocument(text: text, file: file) }
    }

    private static func read(file: String, _ document: () throws(YAMLError) -> YAMLNode) -> (Mentions?, [Diagnostic]) {
        do {
            let log = DiagnosticLog()
            let mentions = decode(try document(), file: file, log: log)
            return (log.diagnostics.isEmpty ? mentions : nil, log.diagnostics)
        } catch {
            return (nil, [Diagnostic(error)])
        }
    }

    /// The most days a request for pieces may give: a deadline beyond a year is a typing error.
    static let longestDeadline = 365

    private static func decode(_ document: YAMLNode, file: String, log: DiagnosticLog) -> Mentions? {
        guard var fields = Fields(document, path: "", log: log) else { return nil }
        var deadline: Int?
        var pieces: ByBeneficiary?
        if let node = fields.required("pieces", what: "le délai et le texte d'une demande de pièces (CRPA, article L. 114-5)"),
           var piecesFields = Fields(node, path: "pieces", log: log) {
            deadline = piecesFields.required("deadline_days", what: "le nombre de jours laissés pour produire les pièces")
                .flatMap { days($0, path: "pieces.deadline_days", log: log) }
            pieces = byBeneficiary(&piecesFields, path: "pieces", placeholders: "pieces", log: log)
            piecesFields.rejectUnknown()
        }
        var act: MentionTemplate?, simulation: MentionTemplate?, allocation: MentionTemplate?
        if let node = fields.required("algorithm", what: "la mention du traitement algorithmique (CRPA, article L. 311-3-1)"),
           var algorithm = Fields(node, path: "algorithm", log: log) {
            act = algorithm.required("act", what: "la mention que porte chaque acte")
                .flatMap { template($0, path: "algorithm.act", placeholders: "algorithm.act", log: log) }
            simulation = algorithm.required("simulation", what: "l'information que donne une simulation")
                .flatMap { template($0, path: "algorithm.simulation", placeholders: "algorithm.simulation", log: log) }
            allocation = algorithm.optional("allocation")
                .flatMap { template($0, path: "algorithm.allocation", placeholders: "algorithm.allocation", log: log) }
            algorithm.rejectUnknown()
        }
        let personalData = fields.required("personal_data", what: "la notice sur les données personnelles (RGPD, article 13)")
            .flatMap { template($0, path: "personal_data", placeholders: "personal_data", log: log) }
        var appeal: ByBeneficiary?
        if let node = fields.required("appeal", what: "les voies et délais de recours, par catégorie de bénéficiaire"),
           var appealFields = Fields(node, path: "appeal", log: log) {
            appeal = byBeneficiary(&appealFields, path: "appeal", placeholders: "appeal", log: log)
            appealFields.rejectUnknown()
        }
        let (schemes, marks) = fields.optional("schemes").map { self.schemes($0, log: log) } ?? ([:], [:])
        fields.rejectUnknown()
        guard let deadline, let pieces, let act, let simulation, let personalData, let appeal else { return nil }
        return Mentions(file: file, piecesDeadlineDays: deadline, pieces: pieces, algorithmAct: act, algorithmSimulation: simulation,
                        algorithmAllocation: allocation, personalData: personalData, appeal: appeal, schemes: schemes, schemeMarks: marks)
    }

    /// A whole number of days, from 1 to a year.
    private static func days(_ node: YAMLNode, path: String, log: DiagnosticLog) -> Int? {
        guard let text = node.scalar, let days = Int(text), (1...longestDeadline).contains(days) else {
            log.error("attendu un nombre de jours de 1 à \(longestDeadline), trouvé \(ScalarParsing.shown(node))", at: node.mark, path: path)
            return nil
        }
        return days
    }

    /// One text for each kind of beneficiary, each required.
    private static func byBeneficiary(_ fields: inout Fields, path: String, placeholders: String, log: DiagnosticLog) -> ByBeneficiary? {
        var texts: [BeneficiaryKind: MentionTemplate] = [:]
        var complete = true
        for kind in BeneficiaryKind.allCases {
            let what = "le texte pour un bénéficiaire de la catégorie \(kind.rawValue) (les catégories sont \(BeneficiaryKind.listed()))"
            guard let node = fields.required(kind.rawValue, what: what),
                  let text = template(node, path: "\(path).\(kind.rawValue)", placeholders: placeholders, log: log) else {
                complete = false
                continue
            }
            texts[kind] = text
        }
        return complete ? ByBeneficiary(texts) : nil
    }

    /// A text whose placeholders are among those `placeholders` allows.
    private static func template(_ node: YAMLNode, path: String, placeholders key: String, log: DiagnosticLog) -> MentionTemplate? {
        guard let text = log.text(node, path: path) else { return nil }
        let template = MentionTemplate(text)
        let allowed = Mentions.placeholders[key] ?? []
        let listed = allowed.map { "{\($0)}" }.joined(separator: ", ")
        guard !template.paragraphs([:]).isEmpty else {
            log.error("le texte est vide : écrivez la mention telle que les documents l'impriment", at: node.mark, path: path)
            return nil
        }
        guard let names = template.placeholders else {
            log.error("une accolade n'est pas refermée : un repère s'écrit {nom}, et ce texte peut employer \(listed)", at: node.mark, path: path)
            return nil
        }
        var sound = true
        for name in names where !allowed.contains(name) {
            var message = "repère « {\(ScalarParsing.truncated(name))} » inconnu"
            if let guess = Suggestion.closest(to: name, among: allowed) {
                message += " ; vouliez-vous dire « {\(guess)} » ? Ce texte peut employer \(listed)"
            } else {
                message += " : ce texte peut employer \(listed)"
            }
            log.error(message, at: node.mark, path: path)
            sound = false
        }
        return sound ? template : nil
    }

    /// `schemes: {fsl-acces: {pieces_deadline_days: 30, personal_data: {…}}}`.
    private static func schemes(_ node: YAMLNode, log: DiagnosticLog) -> ([String: Mentions.SchemeEntry], [String: SourceMark]) {
        guard let pairs = node.mapping else {
            log.error("attendu les identifiants des dispositifs et ce que chacun ajoute, trouvé \(node.kindName)", at: node.mark, path: "schemes")
            return ([:], [:])
        }
        var entries: [String: Mentions.SchemeEntry] = [:], marks: [String: SourceMark] = [:]
        for pair in pairs {
            guard let id = log.identifier(pair.key, path: "schemes") else { continue }
            let path = "schemes.\(id)"
            guard var fields = Fields(pair.value, path: path, log: log) else { continue }
            let days = fields.optional("pieces_deadline_days").flatMap { self.days($0, path: "\(path).pieces_deadline_days", log: log) }
            let data = fields.optional("personal_data").flatMap { personalData($0, path: "\(path).personal_data", log: log) }
            fields.rejectUnknown()
            entries[id] = Mentions.SchemeEntry(piecesDeadlineDays: days, personalData: data)
            marks[id] = pair.key.mark
        }
        return (entries, marks)
    }

    private static func personalData(_ node: YAMLNode, path: String, log: DiagnosticLog) -> Mentions.PersonalData? {
        if node.scalar == "true" { return Mentions.PersonalData() }
        guard var fields = Fields(node, path: path, log: log) else { return nil }
        let basis = fields.optional("legal_basis").flatMap { log.text($0, path: "\(path).legal_basis") }
        let recipients = fields.optional("recipients").flatMap { log.text($0, path: "\(path).recipients") }
        let retention = fields.optional("retention").flatMap { log.text($0, path: "\(path).retention") }
        fields.rejectUnknown()
        return Mentions.PersonalData(legalBasis: basis, recipients: recipients, retention: retention)
    }
}
