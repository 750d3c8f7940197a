import Platform
import Testing

/// The CRC-32 of ZIP, and the CRC of bytes that follow others worked out from the two CRCs.
@Suite struct CRC32Tests {
    @Test func theChecksumIsZIPs() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([]) == 0)
    }

    @Test func aChecksumContinuesOverTheNextBytes() {
        let first = Array("<office:document-content>".utf8), second = Array("l’aide — 40 000 €".utf8)
        let continued = second.withUnsafeBufferPointer { CRC32.checksum($0, continuing: CRC32.checksum(first)) }
        #expect(continued == CRC32.checksum(first + second))
    }

    @Test(arguments: [0, 1, 7, 128, 1_000, 70_000])
    func combiningGivesTheChecksumOfTheWhole(count: Int) {
        var generator = SplitMix64(seed: UInt64(count))
        let before = (0..<300).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let after = (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let known = CRC32.Known(after)
        #expect(known.count == count)
        #expect(CRC32.combine(CRC32.checksum(before), known) == CRC32.checksum(before + after))
        // Known bytes first: combined with the CRC of no bytes.
        #expect(CRC32.combine(0, known) == CRC32.checksum(after))
    }
}
