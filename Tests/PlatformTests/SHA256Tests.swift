import Testing
@testable import Platform

/// FIPS 180-4 and RFC 4231 test vectors.
@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func knownDigests(_ message: String, _ expected: String) {
        #expect(SHA256.hex(of: Array(message.utf8)) == expected)
    }

    @Test func aMillionAs() {
        #expect(SHA256.hex(of: [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func everyLengthAroundABlock() {
        // Lengths 55, 56 and 64 cross the padding boundaries; each must differ from its neighbours.
        let digests = (50..<70).map { SHA256.hex(of: [UInt8](repeating: 0x61, count: $0)) }
        #expect(Set(digests).count == digests.count)
        #expect(digests[6] == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a") // 56 × "a"
    }

    @Test func hmacRFC4231Case1And2() {
        let key = [UInt8](repeating: 0x0b, count: 20)
        #expect(SHA256.hex(SHA256.hmac(key: key, message: Array("Hi There".utf8)))
            == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
        #expect(SHA256.hex(SHA256.hmac(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8)))
            == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }
}
