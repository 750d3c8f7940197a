/// What a handler of the API answers, before it becomes an HTTP response: handlers are plain
/// functions of the request's bytes, tested without a server.
public struct APIResponse: Sendable {
    public let status: Int
    public let contentType: String
    public let body: [UInt8]

    public init(status: Int = 200, contentType: String = APIResponse.json, body: [UInt8]) {
        self.status = status
        self.contentType = contentType
        self.body = body
    }

    public static let json = "application/json; charset=utf-8"

    init(_ error: APIError) {
        self.init(status: error.status, body: error.json)
    }

    /// The body as text, for tests and logs of the service's own output.
    public var text: String { String(decoding: body, as: UTF8.self) }
}
