internal import CCrypto

/// SHA-256 (FIPS 180-4), so that a decision can name the exact rules and input it was made from,
/// and the register prove which act was sent. Computed by the system's libcrypto (OpenSSL), which
/// uses the processor's SHA instructions where it has them: a batch fingerprints every act in
/// three formats, tens of kilobytes each.
public enum SHA256 {
    /// The digest as 64 lowercase hexadecimal digits.
    public static func hex(of bytes: some Sequence<UInt8>) -> String {
        hex(digest(bytes))
    }

    /// HMAC-SHA-256 (RFC 2104): a keyed hash, so that an identifier cannot be recovered from its
    /// pseudonym without the key.
    public static func hmac(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var block = key.count > 64 ? digest(key) : key
        block += [UInt8](repeating: 0, count: 64 - block.count)
        let inner = digest(block.map { $0 ^ 0x36 } + message)
        return digest(block.map { $0 ^ 0x5c } + inner)
    }

    /// Lowercase hexadecimal digits of bytes.
    public static func hex(_ bytes: [UInt8]) -> String {
        String(unsafeUninitializedCapacity: bytes.count * 2) { text in
            for (index, byte) in bytes.enumerated() {
                text[2 * index] = digits[Int(byte >> 4)]
                text[2 * index + 1] = digits[Int(byte & 0x0f)]
            }
            return bytes.count * 2
        }
    }

    private static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    /// The 32 bytes of the digest.
    public static func digest(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        let digest = bytes.withContiguousStorageIfAvailable(digest(buffer:))
        return digest ?? Array(bytes).withUnsafeBufferPointer(digest(buffer:))
    }

    private static func digest(buffer: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let succeeded = result.withUnsafeMutableBufferPointer { output in
            EVP_Digest(buffer.baseAddress, buffer.count, output.baseAddress, &length, EVP_sha256(), nil) == 1
        }
        // Fails only when the library cannot allocate a context: nothing to recover from.
        precondition(succeeded && length == 32, "libcrypto: SHA-256 failed")
        return result
    }
}
