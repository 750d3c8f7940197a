import YAMLReader

/// Who receives a document, as the mentions the law requires tell them apart: the routes of
/// appeal and the rules on a request for pieces are not the same for a person, a private body
/// and another administration (CRPA L. 100-3: « le public » is natural persons and private-law
/// legal persons; communes and EPCIs are administrations).
public enum BeneficiaryKind: String, Sendable, CaseIterable {
    /// A person, a household: « le public » of the CRPA.
    case naturalPerson = "personne-physique"
    /// An association, a company, a foundation: « le public » as well.
    case privateBody = "personne-morale-privee"
    /// A commune, an EPCI, another local authority or public body: an administration.
    case publicBody = "personne-publique"

    /// « personne-physique, personne-morale-privee et personne-publique », for messages.
    static func listed() -> String {
        allCases.dropLast().map(\.rawValue).joined(separator: ", ") + " et " + allCases.last!.rawValue
    }
}

extension Application.Applicant {
    /// The kind of beneficiary the mentions are chosen by: a natural person unless the applicant
    /// is a legal person (`isLegalPerson`); a legal person is public or private by its `kind`.
    /// Nil for a legal person whose kind does not say which (a SIRET alone, a « syndicat », a
    /// « groupement »): its documents then say that the mentions cannot be chosen, never guess.
    public var beneficiaryKind: BeneficiaryKind? {
        guard isLegalPerson else { return .naturalPerson }
        guard let kind = kind?.lowercased() else { return nil }
        func starts(_ prefixes: [String]) -> Bool { prefixes.contains { kind == $0 || kind.hasPrefix($0 + " ") } }
        if starts(Self.publicKinds) { return .publicBody }
        if starts(Self.privateKinds) { return .privateBody }
        return nil
    }

    static let publicKinds = ["commune", "epci", "département", "région", "établissement public", "syndicat mixte",
                              "syndicat intercommunal", "communauté de communes", "communauté d'agglomération",
                              "communauté urbaine", "métropole"]
    static let privateKinds = ["association", "entreprise", "société", "fondation"]
}

/// A text of `mentions.yaml` with its `{placeholders}`, each checked when the file is read.
/// Each line of the text is a paragraph (a blank line in a folded YAML scalar gives one).
public struct MentionTemplate: Sendable, Equatable {
    public let text: String

    public init(_ text: String) { self.text = text }

    /// The paragraphs, each placeholder replaced by its value; a placeholder without a value
    /// is left as it is written, which the loader makes impossible for the names it allows.
    public func paragraphs(_ values: [String: String]) -> [String] {
        // On UTF-8 bytes, not characters: every act prints several mentions.
        var text = self.text
        let result: [UInt8] = text.withUTF8 { utf8 in
            var result: [UInt8] = []
            result.reserveCapacity(utf8.count + 256)
            var rest = 0
            while let open = utf8[rest...].firstIndex(of: UInt8(ascii: "{")),
                  let close = utf8[open...].firstIndex(of: UInt8(ascii: "}")) {
                result.append(contentsOf: utf8[rest..<open])
                let name = String(decoding: utf8[(open + 1)..<close], as: UTF8.self)
                if let value = values[name] { result.append(contentsOf: value.utf8) } else { result.append(contentsOf: utf8[open...close]) }
                rest = close + 1
            }
            result.append(contentsOf: utf8[rest...])
            return result
        }
        return result.split(separator: UInt8(ascii: "\n")).compactMap(trimmed)
    }

    /// The names between braces, in order; nil when a brace is left open or closed alone.
    var placeholders: [String]? {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(where: { $0 == "{" || $0 == "}" }) {
            guard rest[open] == "{", let close = rest[open...].firstIndex(of: "}") else { return nil }
            let name = rest[rest.index(after: open)..<close]
            guard !name.contains("{") else { return nil }
            names.append(String(name))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}

/// A line without the spaces, tabs and carriage returns around it; nil when nothing else is in it.
private func trimmed(_ line: ArraySlice<UInt8>) -> String? {
    // A carriage return before a line break (`\r\n`) is no part of the paragraph either.
    let blank: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
    guard let first = line.firstIndex(where: { !blank($0) }), let last = line.lastIndex(where: { !blank($0) }) else { return nil }
    return String(decoding: line[first...last], as: UTF8.self)
}

/// One text for each kind of beneficiary.
public struct ByBeneficiary: Sendable, Equatable {
    public let texts: [BeneficiaryKind: MentionTemplate]

    public init(_ texts: [BeneficiaryKind: MentionTemplate]) { self.texts = texts }

    public subscript(kind: BeneficiaryKind) -> MentionTemplate { texts[kind]! }
}

/// The mentions the law requires in the documents of a rules folder, written once in its
/// `mentions.yaml` for the legal reviewer (`Docs/LEGAL-REFERENCES.md` gives each text's source):
/// what a request for pieces says of its deadline (CRPA L. 114-5), the mention of the
/// algorithmic processing (CRPA L. 311-3-1, R. 311-3-1-1), the notice on personal data (RGPD,
/// article 13), and the routes of appeal, each chosen by the kind of beneficiary.
public struct Mentions: Sendable {
    /// What a scheme processing personal data says of them; what is absent is printed as not
    /// given, never made up.
    public struct PersonalData: Sendable, Equatable {
        /// The legal basis of the processing (RGPD, article 6), in words.
        public let legalBasis: String?
        /// Who receives the data, where a text names them.
        public let recipients: String?
        /// How long they are kept.
        public let retention: String?

        public init(legalBasis: String? = nil, recipients: String? = nil, retention: String? = nil) {
            self.legalBasis = legalBasis
            self.recipients = recipients
            self.retention = retention
        }
    }

    /// What one scheme adds or changes: its own deadline, its personal data.
    public struct SchemeEntry: Sendable, Equatable {
        public let piecesDeadlineDays: Int?
        /// Declares that the scheme processes personal data, whoever applies.
        public let personalData: PersonalData?

        public init(piecesDeadlineDays: Int? = nil, personalData: PersonalData? = nil) {
            self.piecesDeadlineDays = piecesDeadlineDays
            self.personalData = personalData
        }
    }

    /// The names each text may use, in braces.
    public static let placeholders: [String: [String]] = [
        "pieces": ["délai", "service"],
        "algorithm.act": ["décision", "dispositif", "service"],
        "algorithm.simulation": ["dispositif", "service"],
        "algorithm.allocation": ["décision", "dispositif", "service"],
        "personal_data": ["responsable", "dispositif", "base_juridique", "destinataires", "durée", "délégué", "service"],
        "appeal": ["décision", "autorité", "tribunal"],
    ]

    /// The file they were read from, named in the documents that lack one of its entries.
    public let file: String
    /// Days given to produce the pieces, unless the scheme sets its own.
    public let piecesDeadlineDays: Int
    public let pieces: ByBeneficiary
    public let algorithmAct: MentionTemplate
    public let algorithmSimulation: MentionTemplate
    /// The act's mention for an allocation (`kind: allocation`), which no one applied for; nil:
    /// the act's own (`algorithmAct`).
    public let algorithmAllocation: MentionTemplate?
    public let personalData: MentionTemplate
    public let appeal: ByBeneficiary
    /// By scheme id.
    public let schemes: [String: SchemeEntry]
    /// Where each scheme key is written, to locate a key naming no scheme.
    public let schemeMarks: [String: SourceMark]

    public init(file: String, piecesDeadlineDays: Int, pieces: ByBeneficiary, algorithmAct: MentionTemplate,
                algorithmSimulation: MentionTemplate, algorithmAllocation: MentionTemplate? = nil, personalData: MentionTemplate,
                appeal: ByBeneficiary, schemes: [String: SchemeEntry] = [:], schemeMarks: [String: SourceMark] = [:]) {
        self.file = file
        self.piecesDeadlineDays = piecesDeadlineDays
        self.pieces = pieces
        self.algorithmAct = algorithmAct
        self.algorithmSimulation = algorithmSimulation
        self.algorithmAllocation = algorithmAllocation
        self.personalData = personalData
        self.appeal = appeal
        self.schemes = schemes
        self.schemeMarks = schemeMarks
    }

    /// The days a scheme's applicants are given to produce missing pieces.
    public func piecesDeadline(scheme id: String) -> Int {
        schemes[id]?.piecesDeadlineDays ?? piecesDeadlineDays
    }

    /// Every text and setting a scheme's documents may print, in a canonical text (one escaped
    /// field a line), so that its fingerprint changes when one of them does.
    /// `allocation`: the scheme is an allocation, whose acts print `algorithmAllocation`.
    public func canonicalText(scheme id: String, allocation: Bool = false) -> String {
        var lines = ["mentions", "pieces.deadline_days=\(piecesDeadline(scheme: id))"]
        for kind in BeneficiaryKind.allCases { lines.append("pieces.\(kind.rawValue)=\(pieces[kind].text)") }
        lines += ["algorithm.act=\(algorithmAct.text)", "algorithm.simulation=\(algorithmSimulation.text)",
                  "personal_data=\(personalData.text)"]
        if allocation, let algorithmAllocation { lines.append("algorithm.allocation=\(algorithmAllocation.text)") }
        for kind in BeneficiaryKind.allCases { lines.append("appeal.\(kind.rawValue)=\(appeal[kind].text)") }
        if let data = schemes[id]?.personalData {
            lines += ["scheme.personal_data.legal_basis=\(data.legalBasis ?? "")", "scheme.personal_data.recipients=\(data.recipients ?? "")",
                      "scheme.personal_data.retention=\(data.retention ?? "")"]
        }
        return lines.map(CanonicalLine.escaped).joined(separator: "\n")
    }
}
