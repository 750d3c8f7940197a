import HTTPTypes
import Hummingbird
import NIOCore
import PublicSite

/// The public pages over HTTP: the form's body read within its limit, the request handed to the
/// site as it was sent (the site decodes the query and the form, and answers 400 to what it
/// cannot decode), the site's answer sent back with its own headers. HEAD is the router's: the GET
/// answer without its body.
struct SitePages: Sendable {
    let site: PublicSite
    let limit: Int

    func respond(_ request: Request) async -> Response {
        let method = request.method.rawValue
        var body: [UInt8] = []
        if request.method == .post {
            do {
                body = Array(try await request.body.collect(upTo: limit).readableBytesView)
            } catch is NIOTooManyBytesError {
                return Self.text("Le formulaire envoyé dépasse \(limit / 1024) Ko : il ne peut être lu. Revenez à la page précédente et réessayez.",
                                 status: .contentTooLarge)
            } catch {
                return Self.text("Le formulaire n'a pu être reçu en entier. Revenez à la page précédente et réessayez.", status: .badRequest)
            }
        }
        let answer = site.respond(method: method, target: request.uri.description, body: body)
        var headers = HTTPFields()
        headers[.contentType] = answer.contentType
        for (name, value) in answer.headers {
            if let field = HTTPField.Name(name) { headers[field] = value }
        }
        return Response(status: HTTPResponse.Status(code: answer.status), headers: headers,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }

    private static func text(_ message: String, status: HTTPResponse.Status) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: message + "\n")))
    }
}
