import Foundation
import Hummingbird
import HummingbirdTesting
import Imports
import RuleSet
import SchemeLanguage
import Service
import TestSupport

/// The service on the repository's rules, tested through Hummingbird's router: every request
/// goes through the same middleware and routes as on a socket.
enum ServiceFixture {
    static let catalog = SchemeCatalog.load(directory: Repository.path("Rules"))
    static let date = LocalDate(iso: "2020-11-30")!

    /// The rules folder's reference of communes, as `guichet serve` reads it.
    static let communes = try? CommuneReference.load(rulesFolder: Repository.path("Rules")).get()

    static func service(evaluationBodyLimit: Int = 256 * 1024, communes: CommuneReference? = communes) -> GuichetService {
        GuichetService(configuration: ServiceConfiguration(catalog: catalog, evaluationBodyLimit: evaluationBodyLimit,
                                                           communes: communes, today: { date }))
    }

    /// Runs `requests` against a fresh application.
    static func test<Value: Sendable>(_ service: GuichetService = service(),
                                      _ requests: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        try await service.application().test(.router, requests)
    }

    static func json(_ response: TestResponse) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8))
        guard let dictionary = object as? [String: Any] else { throw FixtureError("not a JSON object: \(String(buffer: response.body))") }
        return dictionary
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
