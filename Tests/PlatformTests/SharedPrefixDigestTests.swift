import Testing
@testable import Platform

/// The digest that keeps SHA-256's state at a shared beginning must give, for every file, the
/// digest of the file's own bytes: whatever the files share, and whenever they stop sharing it.
@Suite struct SharedPrefixDigestTests {
    /// A seeded generator, so that a failure can be replayed.
    private struct Bytes {
        var state: UInt64
        mutating func next(_ count: Int) -> [UInt8] {
            (0..<count).map { _ in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return UInt8(truncatingIfNeeded: state >> 56)
            }
        }
    }

    @Test func filesSharingABeginningGetTheirOwnDigest() {
        var random = Bytes(state: 1)
        let head = random.next(5_000)
        let digests = SharedPrefixDigest()
        for length in [0, 1, 63, 64, 65, 700, 9_000] {
            let file = head + random.next(length)
            #expect(digests.hex(of: file) == SHA256.hex(of: file), "tail of \(length) bytes")
        }
        // The state at the shared beginning is the one used, not a whole hashing each time.
        #expect(digests.sharedCount >= 5_000)
    }

    @Test func threadsHashAtOnce() async {
        var random = Bytes(state: 4)
        let head = random.next(3_000)
        let files = (0..<64).map { _ in head + random.next(500) }
        let digests = SharedPrefixDigest()
        let results = await withTaskGroup(of: (Int, String).self) { group in
            for (index, file) in files.enumerated() { group.addTask { (index, digests.hex(of: file)) } }
            return await group.reduce(into: [Int: String]()) { $0[$1.0] = $1.1 }
        }
        for (index, file) in files.enumerated() { #expect(results[index] == SHA256.hex(of: file), "file \(index)") }
        #expect(digests.sharedCount >= 3_000)
    }

    @Test func aFileThatDepartsEarlierShortensTheBeginningAndStillGetsItsDigest() {
        var random = Bytes(state: 2)
        let head = random.next(6_000)
        let digests = SharedPrefixDigest()
        var files = [head + random.next(100), head + random.next(200)]
        // Departs at byte 2 000, then at byte 10, then shares the first 2 000 bytes again.
        var early = head
        early[2_000] ^= 0xff
        var earlier = head
        earlier[10] ^= 0xff
        files += [early, earlier, head, Array(head[..<1_500]), []]
        for (index, file) in files.enumerated() {
            #expect(digests.hex(of: file) == SHA256.hex(of: file), "file \(index)")
        }
        // Shortened to the 2 000 bytes the early one shares, not below the minimum for the one
        // that departs at byte 10, then to the 1 500 bytes of the short one.
        #expect(digests.sharedCount == 1_500)
    }

    @Test func filesThatShareNothingAreHashedWhole() {
        var random = Bytes(state: 3)
        let digests = SharedPrefixDigest()
        for _ in 0..<20 {
            let file = random.next(3_000)
            #expect(digests.hex(of: file) == SHA256.hex(of: file))
        }
        // Once it has given up looking, a run of alike files is still right.
        let head = random.next(4_000)
        for length in [10, 20] {
            let file = head + random.next(length)
            #expect(digests.hex(of: file) == SHA256.hex(of: file))
        }
    }
}
