import Decisions
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import PublicSite
import SchemeLanguage

/// The HTTP service of `guichet serve`, on one process with no other service: the public pages
/// where a commune checks what it can claim (`PublicSite`: catalogue, scheme pages, questionnaire,
/// simulation), and the JSON API that policy staff and other software call (described by
/// `/openapi.json`).
///
/// The rules are loaded once, at start; every request is answered from them by the same
/// reader, decoder and evaluator as the command line. Nothing is stored: a request's body is
/// read, answered and dropped, and no body is logged.
public struct GuichetService: Sendable {
    public let configuration: ServiceConfiguration

    public init(configuration: ServiceConfiguration) {
        self.configuration = configuration
    }

    /// The application, ready to run (`runService()`) or to test (HummingbirdTesting).
    public func application() -> some ApplicationProtocol {
        Application(
            router: router(),
            server: .http1(configuration: .init(idleTimeout: .seconds(Int64(configuration.idleTimeoutSeconds)))),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil))
    }

    func router() -> Router<BasicRequestContext> {
        // HEAD answers as GET does, with the same headers and no body.
        let router = Router(options: .autoGenerateHeadEndpoints)
        router.add(middleware: SecurityHeaders())
        let api = APIRoutes(configuration: configuration)
        router.get("/health") { _, _ in Self.response(api.health()) }
        router.get("/openapi.json") { _, _ in Self.response(APIResponse(body: OpenAPIDocument.bytes)) }
        router.get("/schemes") { _, _ in Self.response(api.schemes()) }
        router.get("/schemes/:id") { _, context in Self.response(api.scheme(context.parameters.get("id") ?? "")) }
        router.post("/evaluations") { request, _ in
            Self.response(await api.evaluate(request, limit: configuration.evaluationBodyLimit))
        }
        router.post("/simulations") { request, _ in
            Self.response(await api.simulate(request, limit: configuration.simulationBodyLimit))
        }
        for path in ["/evaluations", "/simulations"] {
            router.get(RouterPath(path)) { _, _ in Self.response(APIResponse(.postOnly)) }
        }
        // Every other request goes to the public site, which answers its pages, its 404 and its
        // 405 (with `Allow`) in French.
        let pages = SitePages(site: PublicSite(catalog: configuration.catalog, today: configuration.today),
                              limit: configuration.formBodyLimit)
        for method in [HTTPRequest.Method.get, .post, .put, .delete, .patch, .options] {
            router.on("/**", method: method) { request, _ in await pages.respond(request) }
            router.on("/", method: method) { request, _ in await pages.respond(request) }
        }
        return router
    }

    static func response(_ answer: APIResponse) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = answer.contentType
        return Response(status: HTTPResponse.Status(code: answer.status), headers: headers,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}

/// The API's routes over the handlers: reading the body within its limit, the date.
struct APIRoutes: Sendable {
    let configuration: ServiceConfiguration
    let evaluators: EvaluatorPool

    init(configuration: ServiceConfiguration) {
        self.configuration = configuration
        evaluators = EvaluatorPool(catalog: configuration.catalog)
    }

    func health() -> APIResponse {
        var writer = JSONWriter(capacity: 64)
        writer.object { body in
            body.string("status", "ok")
            body.number("schemes", configuration.catalog.schemes.count)
        }
        writer.endLine()
        return APIResponse(body: writer.bytes)
    }

    func schemes() -> APIResponse {
        APIResponse(body: SchemeDescriptions.list(configuration.catalog.schemes.values.sorted { $0.id < $1.id }))
    }

    func scheme(_ id: String) -> APIResponse {
        guard let scheme = configuration.catalog.schemes[id] else { return APIResponse(.unknownScheme(id)) }
        return APIResponse(body: SchemeDescriptions.detail(scheme))
    }

    func evaluate(_ request: Request, limit: Int) async -> APIResponse {
        let date: LocalDate
        switch referenceDate(request) {
        case .success(let given): date = given
        case .failure(let error): return APIResponse(error)
        }
        switch await body(request, limit: limit) {
        case .success(let bytes):
            return EvaluationsHandler(catalog: configuration.catalog, deployment: configuration.deployment, evaluators: evaluators)
                .respond(body: bytes, date: date)
        case .failure(let error): return APIResponse(error)
        }
    }

    /// A simulation runs on a thread of its own, never on the threads that answer requests, and
    /// one at a time: a second one while the first runs is told to come back (503).
    func simulate(_ request: Request, limit: Int) async -> APIResponse {
        guard Self.simulations.enter() else { return APIResponse(.busy) }
        defer { Self.simulations.leave() }
        let bytes: [UInt8]
        switch await body(request, limit: limit) {
        case .success(let read): bytes = read
        case .failure(let error): return APIResponse(error)
        }
        let handler = SimulationsHandler(catalog: configuration.catalog, communes: configuration.communes)
        return await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: handler.respond(body: bytes)) }.start()
        }
    }

    private static let simulations = Admission(limit: 1)

    /// `?date=AAAA-MM-JJ`, the day whose rules apply; today by default.
    private func referenceDate(_ request: Request) -> Result<LocalDate, APIError> {
        guard let text = request.uri.queryParameters.get("date") else { return .success(configuration.today()) }
        guard let date = LocalDate(iso: text) else {
            return .failure(.badRequest("le paramètre date doit être une date au format AAAA-MM-JJ, par exemple date=2020-11-30"))
        }
        return .success(date)
    }

    private func body(_ request: Request, limit: Int) async -> Result<[UInt8], APIError> {
        do {
            let buffer = try await request.body.collect(upTo: limit)
            return .success(Array(buffer.readableBytesView))
        } catch is NIOTooManyBytesError {
            return .failure(.tooLarge(limit: limit))
        } catch {
            return .failure(.badRequest("le corps de la requête n'a pu être lu en entier ; envoyez-le à nouveau"))
        }
    }
}
