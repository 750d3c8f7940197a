import YAMLReader

/// The facts of one deployment that no scheme holds: who signs, which service instructs, whom
/// to ask about personal data. Read from the working folder's `guichet.yaml`, beside which the
/// register lives (`.guichet/registre.sqlite`).
public struct Deployment: Sendable, Equatable {
    /// A person an act names (CRPA L. 212-1 for its signatory, L. 111-2 for the agent in
    /// charge): first name, name and title.
    public struct Person: Sendable, Equatable {
        public let firstName: String
        public let name: String
        /// "Le Président du Conseil départemental", "Instructrice du fonds de solidarité pour le logement".
        public let title: String

        public init(firstName: String, name: String, title: String) {
            self.firstName = firstName
            self.name = name
            self.title = title
        }
    }

    /// The person who signs the acts.
    public typealias Signatory = Person

    /// The service that instructs the applications, as letters name it. CRPA L. 111-2 gives
    /// everyone the right to know the first name, name, title and administrative address of the
    /// agent who instructs their application, on the letters sent to them: the service's
    /// address, and its agent when guichet.yaml names one.
    public struct Service: Sendable, Equatable {
        /// The agent in charge of the files.
        public typealias Agent = Person

        public let name: String
        public let address: String?
        public let email: String?
        public let phone: String?
        public let agent: Agent?

        public init(name: String, address: String? = nil, email: String? = nil, phone: String? = nil, agent: Agent? = nil) {
            self.name = name
            self.address = address
            self.email = email
            self.phone = phone
            self.agent = agent
        }
    }

    /// The authority key of the rules folder's deliberations.yaml this deployment serves (`cd62`).
    public let authority: String?
    public let signatory: Signatory?
    public let service: Service?
    /// The data protection officer's contact, printed in acts about persons.
    public let dataProtectionContact: String?
    /// The authority's SIRET, which identifies it in the open data of its subsidies.
    public let siret: String?
    /// The values of the parameters the text leaves without one (`unset: true`), such as the
    /// amount of a call's envelope voted at the budget.
    public let parameters: [ParameterSetting]
    /// The authority's ODT template of its acts, a path relative to the working folder; nil for
    /// the rules folder's `modeles/acte.odt`.
    public let template: String?
    /// Where guichet.yaml names it, for an error about the template to point at the line.
    public let templateMark: SourceMark?

    public init(authority: String? = nil, signatory: Signatory? = nil, service: Service? = nil,
                dataProtectionContact: String? = nil, siret: String? = nil, parameters: [ParameterSetting] = [],
                template: String? = nil, templateMark: SourceMark? = nil) {
        self.authority = authority
        self.signatory = signatory
        self.service = service
        self.dataProtectionContact = dataProtectionContact
        self.siret = siret
        self.parameters = parameters
        self.template = template
        self.templateMark = templateMark
    }

    public static let fileName = "guichet.yaml"
    public static let defaultRegister = ".guichet/registre.sqlite"
}
