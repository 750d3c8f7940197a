internal import CCrypto
import Synchronization

/// SHA-256 of many files of one kind, which begin with the same bytes: the acts of a run share
/// their HTML's style sheet, their ODT's template parts. SHA-256 reads its input in order, so the
/// state it reaches at the end of the shared beginning can be kept and copied: each file then
/// costs only the bytes after it.
///
/// The beginning is learnt from the files themselves, never assumed: the first two files that
/// share at least `minimum` bytes set it, and a later file that departs from it earlier shortens
/// it (when what is left is still worth keeping). A file is compared with the kept beginning byte
/// for byte before its state is used, so every digest is exactly `SHA256.hex(of:)` of its bytes.
public final class SharedPrefixDigest: Sendable {
    /// Below this, copying the state costs about as much as hashing the bytes it saves.
    public static let minimum = 1_024

    private let state = Mutex(Learning.waiting(previous: nil, attempts: 0))

    public init() {}

    /// The digest of `bytes` as 64 lowercase hexadecimal digits.
    public func hex(of bytes: [UInt8]) -> String {
        SHA256.hex(digest(bytes))
    }

    /// The 32 bytes of the digest of `bytes`.
    public func digest(_ bytes: [UInt8]) -> [UInt8] {
        // Only the learning is locked: threads hash at once, each in a context of its own.
        let midstate = state.withLock { $0.midstate(for: bytes) }
        return midstate?.digest(of: bytes) ?? SHA256.digest(bytes)
    }

    /// How many bytes the files are known to share; 0 while unknown. For tests.
    var sharedCount: Int {
        state.withLock { learning in
            if case .known(let midstate) = learning { return midstate.prefix.count }
            return 0
        }
    }

    /// What is known of the files' shared beginning.
    private enum Learning {
        /// No beginning yet: the last file seen (to compare the next with), and how many files
        /// shared too little with the one before them.
        case waiting(previous: [UInt8]?, attempts: Int)
        /// The state after the shared beginning.
        case known(Midstate)
        /// The files share too little: each is hashed whole.
        case none

        /// Files that share less with the one before them are hashed whole; after this many,
        /// the run stops looking for a beginning.
        static let attempts = 8

        /// The state to start `bytes` from, learning or shortening the shared beginning on the
        /// way; nil when `bytes` must be hashed whole.
        mutating func midstate(for bytes: [UInt8]) -> Midstate? {
            switch self {
            case .none:
                return nil
            case .waiting(let previous, let attempts):
                guard let previous else {
                    self = .waiting(previous: bytes, attempts: attempts)
                    return nil
                }
                let shared = commonPrefixCount(previous, bytes)
                if shared >= SharedPrefixDigest.minimum {
                    let midstate = Midstate(prefix: Array(bytes[..<shared]))
                    self = .known(midstate)
                    return midstate
                }
                self = attempts + 1 < Self.attempts ? .waiting(previous: bytes, attempts: attempts + 1) : .none
                return nil
            case .known(let midstate):
                if midstate.begins(bytes) { return midstate }
                let shared = commonPrefixCount(midstate.prefix, bytes)
                guard shared >= SharedPrefixDigest.minimum else { return nil }
                let shorter = Midstate(prefix: Array(bytes[..<shared]))
                self = .known(shorter)
                return shorter
            }
        }
    }

    /// SHA-256's state after `prefix`.
    ///
    /// Sendable: `base` is written once, in `init`, and then only read, as the source of
    /// `EVP_MD_CTX_copy_ex`, which takes it as a constant.
    private final class Midstate: @unchecked Sendable {
        let prefix: [UInt8]
        private let base: OpaquePointer

        init(prefix: [UInt8]) {
            self.prefix = prefix
            self.base = Self.newContext()
            let started = prefix.withUnsafeBytes { buffer in
                EVP_DigestInit_ex(base, EVP_sha256(), nil) == 1 && EVP_DigestUpdate(base, buffer.baseAddress, buffer.count) == 1
            }
            precondition(started, "libcrypto: SHA-256 failed")
        }

        deinit {
            EVP_MD_CTX_free(base)
        }

        private static func newContext() -> OpaquePointer {
            // Nil only when the library cannot allocate a context: nothing to recover from.
            guard let context = EVP_MD_CTX_new() else { preconditionFailure("libcrypto: no SHA-256 context") }
            return context
        }

        /// Whether `bytes` begins with the prefix, compared byte for byte.
        func begins(_ bytes: [UInt8]) -> Bool {
            guard bytes.count >= prefix.count else { return false }
            return prefix.withUnsafeBytes { prefix in
                bytes.withUnsafeBytes { bytes in memcmp(prefix.baseAddress!, bytes.baseAddress!, prefix.count) == 0 }
            }
        }

        /// The digest of `bytes`, which `begins(_:)` has checked.
        func digest(of bytes: [UInt8]) -> [UInt8] {
            precondition(bytes.count >= prefix.count, "a file shorter than the prefix it is hashed after")
            let work = Self.newContext()
            defer { EVP_MD_CTX_free(work) }
            var result = [UInt8](repeating: 0, count: 32)
            var length: UInt32 = 0
            let succeeded = bytes.withUnsafeBytes { input in
                result.withUnsafeMutableBufferPointer { output in
                    EVP_MD_CTX_copy_ex(work, base) == 1
                        && EVP_DigestUpdate(work, input.baseAddress! + prefix.count, input.count - prefix.count) == 1
                        && EVP_DigestFinal_ex(work, output.baseAddress, &length) == 1
                }
            }
            precondition(succeeded && length == 32, "libcrypto: SHA-256 failed")
            return result
        }
    }
}

/// How many bytes `a` and `b` share from their start: memcmp on blocks, then byte by byte in the
/// first block that differs.
private func commonPrefixCount(_ a: [UInt8], _ b: [UInt8]) -> Int {
    a.withUnsafeBufferPointer { a in
        b.withUnsafeBufferPointer { b in
            let count = min(a.count, b.count)
            guard count > 0 else { return 0 }
            let block = 256
            var index = 0
            while index + block <= count, memcmp(a.baseAddress! + index, b.baseAddress! + index, block) == 0 {
                index += block
            }
            while index < count, a[index] == b[index] { index += 1 }
            return index
        }
    }
}
