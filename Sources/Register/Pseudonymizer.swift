import Evaluator
import Platform
import SchemeLanguage

/// Stores identifiers of natural persons as keyed hashes (HMAC-SHA-256), with the key kept in a
/// file outside the database: the register alone does not say who received what.
struct Pseudonymizer: Sendable {
    private let key: [UInt8]

    init(key: [UInt8]) {
        self.key = key
    }

    func pseudonym(_ identifier: String) -> String {
        "p:" + SHA256.hex(SHA256.hmac(key: key, message: Array(identifier.utf8)))
    }

    func stored(_ part: LimitKey.Part) -> String {
        part.personal ? pseudonym(part.value) : part.value
    }

    /// The key of a limit as stored: its parts, each pseudonymised when personal.
    func stored(_ key: LimitKey) -> String {
        key.parts.map(stored).joined(separator: "\u{1F}")
    }
}

/// The register and its key, created owner-only and exclusively where they stand.
enum RegisterFile {
    /// Creates the key with its contents, or the database empty unless it exists already.
    static func create(_ path: String, contents: [UInt8]? = nil) throws {
        do {
            if let contents {
                try FileInPlace.create(path, contents: contents)
            } else {
                try FileInPlace.createEmptyIfMissing(path)
            }
        } catch {
            if contents == nil, error.code == ENOENT { throw RegisterError.danglingLink(path) }
            throw RegisterError("\(path) : \(error.reason)")
        }
    }
}

public struct RegisterError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
