import Imports
import RuleSet
import SchemeLanguage

/// What the service runs with: the rules it loaded once at start, where it listens and the
/// limits every request is held to.
public struct ServiceConfiguration: Sendable {
    public var catalog: SchemeCatalog
    /// The deployment's facts (guichet.yaml), as the documents of a simulation print them.
    public var deployment: Deployment
    public var host: String
    public var port: Int
    /// The largest body of an evaluation (one application file).
    public var evaluationBodyLimit: Int
    /// The largest body of a simulation (a reform and its portfolio).
    public var simulationBodyLimit: Int
    /// The largest form of the public pages (answers of a questionnaire).
    public var formBodyLimit: Int
    /// Seconds a connection may stay idle before it is closed.
    public var idleTimeoutSeconds: Int
    /// The day whose rules apply: a request may name another (`?date=`). Read at each request,
    /// so that a service left running changes day at midnight.
    public var today: @Sendable () -> LocalDate
    /// The rules folder's reference of communes, for the simulations whose reform breaks the
    /// amounts down by the maître d'ouvrage's commune; nil when the folder has none (or an
    /// unusable one, reported at start): such a reform is then answered that it cannot be run.
    public var communes: CommuneReference?

    public init(catalog: SchemeCatalog, deployment: Deployment = Deployment(), host: String = "127.0.0.1", port: Int = 8080,
                evaluationBodyLimit: Int = 256 * 1024, simulationBodyLimit: Int = 8 * 1024 * 1024,
                formBodyLimit: Int = 64 * 1024, idleTimeoutSeconds: Int = 30, communes: CommuneReference? = nil,
                today: @escaping @Sendable () -> LocalDate) {
        self.communes = communes
        self.catalog = catalog
        self.deployment = deployment
        self.host = host
        self.port = port
        self.evaluationBodyLimit = evaluationBodyLimit
        self.simulationBodyLimit = simulationBodyLimit
        self.formBodyLimit = formBodyLimit
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.today = today
    }
}
