import FinancingPlans
import ExactDecimal
import YAMLReader

/// An application file (dossier), its facts typed by the scheme it names.
public struct Application: Sendable {
    /// Who applies: a commune, an EPCI, an association, a person.
    public struct Applicant: Sendable {
        public let name: String
        public let kind: String?
        public let address: String?
        /// A legal person's SIRET (14 digits), for the open data of the subsidies it receives.
        public let siret: String?

        public init(name: String, kind: String?, address: String?, siret: String? = nil) {
            self.name = name
            self.kind = kind
            self.address = address
            self.siret = siret
        }

        /// Whether the applicant is a legal person (a commune, an EPCI, an association…, or
        /// anyone with a SIRET), whose name may be kept and published; anyone else is treated as
        /// a natural person.
        public var isLegalPerson: Bool {
            if siret != nil { return true }
            guard let kind = kind?.lowercased() else { return false }
            return Self.legalPersonKinds.contains { kind == $0 || kind.hasPrefix($0 + " ") }
        }

        static let legalPersonKinds = ["commune", "epci", "association", "département", "région", "syndicat",
                                       "établissement public", "entreprise", "société", "fondation", "groupement"]
    }

    /// An instructor's finding on a manual criterion.
    public struct Finding: Sendable {
        public let satisfied: Bool
        public let note: String?
    }

    public let id: String
    public let schemeID: String
    public let filed: LocalDate
    public let applicant: Applicant
    /// What the application is for, in the applicant's words ("Aménagement du sentier des falaises").
    public let subject: String?
    /// Facts by the index of their input in the scheme; nil when not given.
    public let facts: [Value?]
    /// Values of per-month facts given month by month: input index, then first day of the month.
    public let monthlyFacts: [Int: [LocalDate: Value]]
    /// Where each fact is written in the file, by input index; nil when not given.
    public let factMarks: [SourceMark?]
    /// Where each month of a per-month fact is written: input index, then first day of the month.
    public let monthMarks: [Int: [LocalDate: SourceMark]]
    /// The pieces provided, by their index in `Scheme.pieces`.
    public let pieces: IndexFlags
    /// The inputs an instructor has confirmed, by their index in `Scheme.inputs`.
    public let confirmed: IndexFlags
    /// Findings by criterion id.
    public let findings: [String: Finding]
    /// Decisions already taken under other schemes this one depends on (the FSL commission's
    /// refusal, say), by scheme id.
    public let outcomes: [String: Outcome]
    /// Values of limits given by a scheme's test case, in place of the register.
    public let limitValues: [String: Value]
    /// An amount given TTC with its VAT rate, for an input whose basis is HT: what was written,
    /// from which the HT value of `facts` was derived.
    public struct TaxInclusive: Sendable, Equatable {
        public let amount: DecimalNumber
        public let rate: DecimalNumber
    }

    /// The amounts given TTC, by input index.
    public internal(set) var taxInclusive: [Int: TaxInclusive] = [:]
    /// Facts given in a form that cannot be used as they stand, by input index: the question to
    /// put to the applicant instead (an amount given TTC without its VAT rate).
    public internal(set) var clarifications: [Int: String] = [:]
    /// The financing plan the application carries (`financing_plan`), for a scheme that reads one.
    public internal(set) var financingPlan: ApplicationPlan?
    /// For a household's file, the aids it requests (decisions are issued for these only); nil
    /// for an application to one scheme.
    public let requests: [String]?
    /// Where the application starts.
    public let mark: SourceMark

    public init(id: String, schemeID: String, filed: LocalDate, applicant: Applicant, subject: String?, facts: [Value?], monthlyFacts: [Int: [LocalDate: Value]] = [:],
                factMarks: [SourceMark?] = [], monthMarks: [Int: [LocalDate: SourceMark]] = [:],
                pieces: IndexFlags, confirmed: IndexFlags, findings: [String: Finding], outcomes: [String: Outcome] = [:], limitValues: [String: Value] = [:],
                requests: [String]? = nil, mark: SourceMark) {
        self.id = id
        self.schemeID = schemeID
        self.filed = filed
        self.applicant = applicant
        self.subject = subject
        self.facts = facts
        self.monthlyFacts = monthlyFacts
        self.factMarks = factMarks
        self.monthMarks = monthMarks
        self.pieces = pieces
        self.confirmed = confirmed
        self.findings = findings
        self.outcomes = outcomes
        self.limitValues = limitValues
        self.requests = requests
        self.mark = mark
    }
}

extension Application {
    /// Where a fact is written, if it is.
    public func mark(ofFact index: Int) -> SourceMark? {
        index < factMarks.count ? factMarks[index] : nil
    }

    /// The scheme named by an application document, read before anything else so that the
    /// document can be decoded with that scheme's inputs.
    public static func schemeID(of document: YAMLNode) -> Result<String, Diagnostic> {
        guard let pairs = document.mapping else {
            return .failure(Diagnostic("une demande est un ensemble de champs (scheme, id, filed, applicant, facts…), trouvé \(document.kindName)", at: document.mark))
        }
        guard let pair = pairs.first(where: { $0.key.scalar == "scheme" }) else {
            return .failure(Diagnostic("champ « scheme » manquant : nommez le dispositif auquel la demande s'adresse (son « id »)", at: document.mark))
        }
        guard let id = pair.value.scalar, !id.isEmpty else {
            return .failure(Diagnostic("« scheme » est l'identifiant d'un dispositif, trouvé \(pair.value.isNull ? "une valeur vide" : pair.value.kindName)", at: pair.value.mark, path: "scheme"))
        }
        return .success(id)
    }

    /// The family a household's file names (`family: logement`), if it names one and no scheme.
    public static func familyName(of document: YAMLNode) -> String? {
        guard let pairs = document.mapping, !pairs.contains(where: { $0.key.scalar == "scheme" }) else { return nil }
        return pairs.first { $0.key.scalar == "family" }?.value.scalar
    }

    /// The id written in the document, when there is one, so that an unreadable application can
    /// still be named in the batch summary.
    public static func declaredID(of document: YAMLNode) -> String? {
        document.mapping?.first(where: { $0.key.scalar == "id" })?.value.scalar
    }
}
