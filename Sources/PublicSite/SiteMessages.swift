/// A request as the public site reads it: the server decodes the HTTP message, the site only
/// routes and renders. `form` is the decoded `application/x-www-form-urlencoded` body of a POST
/// (`FormDecoding.pairs`), `query` the decoded query string.
public struct SiteRequest: Sendable {
    /// `GET`, `HEAD` or `POST`.
    public let method: String
    /// The path without its query, such as `/dispositifs/pdesi`.
    public let path: String
    public let query: [(String, String)]
    public let form: [(String, String)]

    public init(method: String, path: String, query: [(String, String)] = [], form: [(String, String)] = []) {
        self.method = method
        self.path = path
        self.query = query
        self.form = form
    }

    /// A request from its raw parts — `target` as sent (`/?beneficiaire=commune`) and the body of
    /// a form — or why they cannot be decoded, which deserves a 400 (`PublicSite.badRequest`).
    public static func decoding(method: String, target: String, body: [UInt8] = []) -> Result<SiteRequest, FormDecodingError> {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let query: [(String, String)]
        let form: [(String, String)]
        switch FormDecoding.pairs(parts.count > 1 ? Array(parts[1].utf8) : []) {
        case .success(let pairs): query = pairs
        case .failure(let error): return .failure(error)
        }
        switch FormDecoding.pairs(body) {
        case .success(let pairs): form = pairs
        case .failure(let error): return .failure(error)
        }
        return .success(SiteRequest(method: method, path: String(parts[0]), query: query, form: form))
    }
}

/// What the site answers: a status, a content type, the body's bytes, and the headers a
/// download needs (`Content-Disposition`). The server adds its own (security headers, length).
public struct SiteResponse: Sendable {
    public let status: Int
    public let contentType: String
    public let body: [UInt8]
    public let headers: [(String, String)]

    public init(status: Int, contentType: String, body: [UInt8], headers: [(String, String)] = []) {
        self.status = status
        self.contentType = contentType
        self.body = body
        self.headers = headers
    }

    /// The body as text, for tests and logs of the site's own pages.
    public var text: String { String(decoding: body, as: UTF8.self) }

    static func html(_ page: [UInt8], status: Int = 200, headers: [(String, String)] = []) -> SiteResponse {
        SiteResponse(status: status, contentType: "text/html; charset=utf-8", body: page, headers: headers)
    }

    /// A file to save rather than show, under `fileName` (an ASCII reference the site made).
    static func download(_ bytes: [UInt8], contentType: String, fileName: String) -> SiteResponse {
        SiteResponse(status: 200, contentType: contentType, body: bytes,
                     headers: [("Content-Disposition", "attachment; filename=\"\(fileName)\"")])
    }
}

/// Why a query string or a form body cannot be decoded.
public enum FormDecodingError: Error, Sendable, Equatable {
    /// A `%` not followed by two hexadecimal digits.
    case badPercentEscape
    /// Bytes that are not UTF-8 once decoded.
    case notUTF8
    /// More fields than any page of the site sends.
    case tooManyFields
}

/// `application/x-www-form-urlencoded`, as browsers send forms and query strings: pairs
/// separated by `&`, name and value by the first `=`, `+` for a space, `%XX` for a byte; the
/// bytes decoded are UTF-8. Malformed input is an error, never a crash nor a guess.
public enum FormDecoding {
    /// The most fields a request may carry: a questionnaire's answers, many times over.
    public static let maximumFields = 5_000

    /// The pairs in order, names repeated as sent (checkboxes).
    public static func pairs(_ bytes: [UInt8]) -> Result<[(String, String)], FormDecodingError> {
        var pairs: [(String, String)] = []
        for field in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            guard pairs.count < maximumFields else { return .failure(.tooManyFields) }
            let parts = field.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            switch (decode(parts[0]), decode(parts.count > 1 ? parts[1] : [])) {
            case (.success(let name), .success(let value)): pairs.append((name, value))
            case (.failure(let error), _), (_, .failure(let error)): return .failure(error)
            }
        }
        return .success(pairs)
    }

    /// The pairs of a string (a query string without its `?`).
    public static func pairs(_ text: String) -> Result<[(String, String)], FormDecodingError> {
        pairs(Array(text.utf8))
    }

    /// One name or value: `+` a space, `%XX` a byte, then UTF-8.
    public static func decode(_ encoded: ArraySlice<UInt8>) -> Result<String, FormDecodingError> {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(encoded.count)
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let byte = encoded[index]
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard index + 2 < encoded.endIndex,
                      let high = hexValue(encoded[index + 1]), let low = hexValue(encoded[index + 2]) else {
                    return .failure(.badPercentEscape)
                }
                bytes.append(high << 4 | low)
                index += 2
            default: bytes.append(byte)
            }
            index += 1
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { return .failure(.notUTF8) }
        return .success(text)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
