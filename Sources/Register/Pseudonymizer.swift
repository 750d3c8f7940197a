import Evaluator
import Foundation
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

    /// Reads the key file, or creates one with 32 random bytes, readable by its owner only.
    static func loadOrCreateKey(at path: String) throws -> [UInt8] {
        if let data = FileManager.default.contents(atPath: path) {
            guard data.count >= 16 else { throw RegisterError("the pseudonymisation key \(path) is too short; it needs at least 16 bytes") }
            return Array(data)
        }
        var generator = SystemRandomNumberGenerator()
        let key = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        try OwnerOnlyFile.create(path, contents: key)
        return key
    }
}

/// Files only their owner may read or write: the register and its key.
enum OwnerOnlyFile {
    static func create(_ path: String, contents: [UInt8]? = nil) throws {
        if contents == nil, FileManager.default.fileExists(atPath: path) { return }
        let descriptor = Glibc.open(path, O_WRONLY | O_CREAT | (contents == nil ? 0 : O_EXCL), 0o600)
        guard descriptor >= 0 else {
            throw RegisterError("cannot create \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        if let contents {
            let written = contents.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard written == contents.count else { throw RegisterError("cannot write \(path): \(String(cString: strerror(errno)))") }
        }
    }
}

public struct RegisterError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
