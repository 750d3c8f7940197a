import Decisions
import SchemeLanguage
import YAMLReader

/// An error of the API: an HTTP status, a stable code for programs and a French message for
/// people, and, for an application that does not load, each problem with its place.
///
/// The codes are part of the API (`/openapi.json` lists them): a client tests the code, never
/// the message, which may be reworded.
public struct APIError: Error, Sendable {
    public let status: Int
    public let code: String
    public let message: String
    public var diagnostics: [Diagnostic] = []

    public init(status: Int, code: String, message: String, diagnostics: [Diagnostic] = []) {
        self.status = status
        self.code = code
        self.message = message
        self.diagnostics = diagnostics
    }

    static func unknownScheme(_ id: String) -> APIError {
        APIError(status: 404, code: "dispositif-inconnu",
                 message: "aucun dispositif « \(id) » ; GET /schemes donne la liste des dispositifs")
    }

    static func tooLarge(limit: Int) -> APIError {
        APIError(status: 413, code: "requete-trop-grande",
                 message: "le corps de la requête dépasse \(FrenchFormat.count(limit)) octets, la limite de ce service ; réduisez-le")
    }

    static func invalid(_ message: String, diagnostics: [Diagnostic] = []) -> APIError {
        APIError(status: 422, code: "demande-invalide", message: message, diagnostics: diagnostics)
    }

    static let postOnly = APIError(status: 405, code: "methode-non-permise",
                                   message: "cette adresse reçoit un corps de requête : utilisez POST")

    static let busy = APIError(status: 503, code: "service-occupe",
                               message: "une simulation est déjà en cours sur ce service ; réessayez dans un moment")

    static func badRequest(_ message: String) -> APIError {
        APIError(status: 400, code: "requete-invalide", message: message)
    }

    /// The error as its JSON body. A diagnostic's text is the file's own words at most: JSON
    /// escaping keeps it inert, and no raw request byte is echoed outside a string.
    var json: [UInt8] {
        var writer = JSONWriter(capacity: 256)
        writer.object { body in
            body.string("code", code)
            body.string("message", message)
            if !diagnostics.isEmpty {
                body.array("diagnostics") { list in
                    for diagnostic in diagnostics { Self.write(diagnostic, into: &list) }
                }
            }
        }
        writer.endLine()
        return writer.bytes
    }

    private static func write(_ diagnostic: Diagnostic, into list: inout JSONWriter) {
        list.object { item in
            item.string("message", diagnostic.message)
            item.string("path", diagnostic.path)
            item.number("line", diagnostic.mark.line)
            item.number("column", diagnostic.mark.column)
        }
    }
}
