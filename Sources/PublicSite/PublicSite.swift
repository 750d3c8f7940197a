import RuleSet
import SchemeLanguage

/// The public side of Guichet (issue 13): a commune's secretary checks in a browser whether the
/// commune can get an aid, and how much. Every page is a pure function of the request, the
/// catalogue and the day: no storage, no cookie, nothing logged — a simulation's answers travel
/// in its forms. Everything a result says is a simulation, and says so. Pages are HTML5 that
/// works without JavaScript, under a strict Content-Security-Policy (no inline script or style).
///
/// Routes (French, stable):
/// - `GET /` — the catalogue, filtered by `beneficiaire` and `theme`;
/// - `GET /dispositifs/{id}` — a scheme: who may apply, its criteria, amounts, pieces and texts;
/// - `GET /dispositifs/{id}/simulation`, then `POST` there — the questionnaire and its result;
/// - `POST /dispositifs/{id}/simulation/dossier.yaml`, `…/simulation.html`, `…/simulation.md` —
///   the application file and the simulation document, from the answers posted;
/// - `GET /static/guichet.css` — the style sheet.
/// Anything else is a 404 page in French; a known path with another method, a 405.
public struct PublicSite: Sendable {
    public let catalog: SchemeCatalog
    /// The day of each request: the filing date and the day whose rules a simulation applies.
    let today: @Sendable () -> LocalDate
    /// The most questions a page of the questionnaire asks.
    let pageSize: Int
    let identity: SiteIdentity

    /// `today` is asked once per request; tests give a fixed day.
    public init(catalog: SchemeCatalog, pageSize: Int = 5, today: @escaping @Sendable () -> LocalDate) {
        self.catalog = catalog
        self.today = today
        self.pageSize = pageSize
        let authorities = Set(catalog.schemes.values.map(\.authority.name))
        identity = SiteIdentity(authority: authorities.count == 1 ? authorities.first : nil)
    }

    /// The response to one request.
    public func respond(to request: SiteRequest) -> SiteResponse {
        guard let segments = Self.segments(request.path) else { return badRequest(.badPercentEscape) }
        let method = request.method.uppercased()
        let reading = method == "GET" || method == "HEAD"
        switch segments {
        case []:
            guard reading else { return methodNotAllowed(allow: "GET, HEAD") }
            return CataloguePage(site: self, day: today()).render(query: request.query)
        case ["static", "guichet.css"]:
            guard reading else { return methodNotAllowed(allow: "GET, HEAD") }
            return SiteResponse(status: 200, contentType: "text/css; charset=utf-8", body: Array(StyleSheet.css.utf8))
        case let path where path.count >= 2 && path[0] == "dispositifs":
            // An allocation is computed by the authority for its establishments: no one applies.
            guard let scheme = catalog.schemes[path[1]], scheme.kind != .allocation else { return notFound() }
            return schemeRoute(Array(path.dropFirst(2)), scheme: scheme, method: method, request: request)
        default:
            return notFound()
        }
    }

    /// A request from its raw parts, or the 400 page when they cannot be decoded: for a server
    /// that leaves the decoding of forms and query strings to the site.
    public func respond(method: String, target: String, body: [UInt8] = []) -> SiteResponse {
        switch SiteRequest.decoding(method: method, target: target, body: body) {
        case .success(let request): return respond(to: request)
        case .failure(let error): return badRequest(error)
        }
    }

    private func schemeRoute(_ rest: [String], scheme: Scheme, method: String, request: SiteRequest) -> SiteResponse {
        let reading = method == "GET" || method == "HEAD"
        switch rest {
        case []:
            guard reading else { return methodNotAllowed(allow: "GET, HEAD") }
            return SchemePage(site: self, scheme: scheme, day: today()).render()
        case ["simulation"]:
            guard let simulation = SimulationPages(site: self, scheme: scheme, day: today()) else { return notFound() }
            if reading { return simulation.start() }
            guard method == "POST" else { return methodNotAllowed(allow: "GET, HEAD, POST") }
            return simulation.answer(request.form)
        case _ where rest.count == 2 && rest[0] == "simulation" && Download(rawValue: rest[1]) != nil:
            guard method == "POST" else { return methodNotAllowed(allow: "POST") }
            guard let simulation = SimulationPages(site: self, scheme: scheme, day: today()) else { return notFound() }
            return simulation.download(Download(rawValue: rest[1])!, form: request.form)
        default:
            return notFound()
        }
    }

    /// The path's segments, percent-decoded; a trailing `/` is ignored. Nil when a segment's
    /// escapes are malformed.
    static func segments(_ path: String) -> [String]? {
        var segments: [String] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            guard case .success(let decoded) = FormDecoding.decode(ArraySlice(Array(part.utf8)).replacingPlus) else { return nil }
            segments.append(decoded)
        }
        return segments
    }
}

private extension ArraySlice where Element == UInt8 {
    /// In a path, `+` is a plus sign, not a space: escaped so that form decoding keeps it.
    var replacingPlus: ArraySlice<UInt8> {
        ArraySlice(flatMap { $0 == UInt8(ascii: "+") ? Array("%2B".utf8) : [$0] })
    }
}

/// The files a result can be downloaded as.
enum Download: String {
    case dossier = "dossier.yaml"
    case html = "simulation.html"
    case markdown = "simulation.md"
}
