import HTTPTypes
import Hummingbird
import NIOCore
import PublicSite

/// The public pages over HTTP: the form's body read within its limit, the request handed to the
/// site as it was sent (the site decodes the query and the form, and answers 400 to what it
/// cannot decode), the site's answer sent back with its own headers — a HEAD without its body.
struct SitePages: Sendable {
    let site: PublicSite
    let limit: Int

    func respond(_ request: Request) async -> Response {
        let method = request.method.rawValue
        var body: [UInt8] = []
        if request.method == .post {
            do {
                body = Array(try await request.body.collect(upTo: limit).readableBytesView)
            } catch {
                return Self.tooLarge(limit)
            }
        }
        let answer = site.respond(method: method, target: request.uri.description, body: body)
        var headers = HTTPFields()
        headers[.contentType] = answer.contentType
        for (name, value) in answer.headers {
            if let field = HTTPField.Name(name) { headers[field] = value }
        }
        let bytes = request.method == .head ? [] : answer.body
        return Response(status: HTTPResponse.Status(code: answer.status), headers: headers,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    private static func tooLarge(_ limit: Int) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        let text = "Le formulaire envoyé dépasse \(limit / 1024) Ko : il ne peut être lu. Revenez à la page précédente et réessayez.\n"
        return Response(status: .contentTooLarge, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
