import Evaluator
import Foundation
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

/// The register and its key, created owner-only and exclusively (Platform's `OwnerOnlyFile` writes
/// whole files by renaming; these two are created in place, once).
enum RegisterFile {
    /// Creates the file, mode 0600, never through a link and never over an existing file: a
    /// link planted at the path would otherwise make the key or the register land elsewhere.
    /// Without contents (the database), an existing file is kept as it is.
    static func create(_ path: String, contents: [UInt8]? = nil) throws {
        let descriptor = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        if descriptor < 0, errno == EEXIST, contents == nil {
            // SQLite would follow a link to nowhere and create the register at its target.
            var status = stat()
            guard stat(path, &status) == 0 else { throw RegisterError.danglingLink(path) }
            return
        }
        guard descriptor >= 0 else {
            throw RegisterError("cannot create \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        if let contents {
            let written = contents.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard written == contents.count, fsync(descriptor) == 0 else {
                throw RegisterError("cannot write \(path): \(String(cString: strerror(errno)))")
            }
            syncFolder(of: path)
        }
    }

    /// Flushes the folder's entry of a new file, so that the file survives a power cut.
    private static func syncFolder(of path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let descriptor = Glibc.open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}

public struct RegisterError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
