/// The CRC-32 of bytes that follow others, from the two CRCs alone (zlib's `crc32_combine_op`,
/// written out here): a document's part is mostly bytes laid out once per run — a template's
/// XML, the mentions every act prints — whose CRC is worked out once, so that checksumming the
/// part only reads the bytes that change. Combining costs about what checksumming 16 to 30 bytes does.
///
/// The arithmetic is zlib's: polynomials over GF(2) modulo the CRC's, bit-reflected (the bit 31
/// is x⁰). Appending n bytes multiplies a CRC by x^(8n), so a run of bytes keeps its CRC and
/// that power (`Known`), and `combine` multiplies and adds. The product by a fixed power is
/// linear in the other factor: `Known` keeps it for each of the sixteen values of each four
/// bits of a CRC, and combining is then eight look-ups instead of a loop of 32 steps with a
/// branch on each bit (about 500 instructions, for the 30 to 40 known parts of an act).
extension CRC32 {
    /// Bytes' CRC-32, with what appending them to other bytes does to those bytes' CRC. A class:
    /// a document's part notes dozens of them, each then one reference to count, not an array's.
    public final class Known: Sendable {
        /// The CRC-32 of the bytes alone.
        public let checksum: UInt32
        /// How many bytes.
        public let count: Int
        /// The products by x^(8 · count) modulo the polynomial of each value of each four bits
        /// of a CRC: at `16 · k + v`, that of `v << (4 · k)`.
        let shifted: [UInt32]

        public init(_ bytes: [UInt8]) {
            checksum = CRC32.checksum(bytes)
            count = bytes.count
            shifted = CRC32.productsByNibble(CRC32.powerOfX(8 * UInt64(bytes.count)))
        }
    }

    /// The CRC-32 of the bytes `crc` was computed on followed by the bytes `next` stands for.
    public static func combine(_ crc: UInt32, _ next: Known) -> UInt32 {
        var result = next.checksum
        var rest = crc
        for nibble in 0..<8 {
            result ^= next.shifted[nibble << 4 | Int(rest & 0xF)]
            rest >>= 4
        }
        return result
    }

    /// The products of `factor` by each value of each four bits of a CRC (`Known.shifted`),
    /// from its products by each single bit, since the product is linear.
    static func productsByNibble(_ factor: UInt32) -> [UInt32] {
        let byBit = (0..<32).map { multiply(factor, 1 << UInt32($0)) }
        var products = [UInt32](repeating: 0, count: 128)
        for nibble in 0..<8 {
            for value in 1..<16 {
                // The product of the value less its lowest bit, plus that bit's.
                products[nibble << 4 | value] = products[nibble << 4 | (value & (value - 1))] ^ byBit[nibble * 4 + value.trailingZeroBitCount]
            }
        }
        return products
    }

    /// The reflected polynomial of the CRC-32 of ZIP (IEEE 802.3).
    private static let polynomial: UInt32 = 0xEDB8_8320

    /// a · b modulo the polynomial (zlib's `multmodp`).
    static func multiply(_ a: UInt32, _ b: UInt32) -> UInt32 {
        var mask: UInt32 = 1 << 31
        var product: UInt32 = 0
        var b = b
        while mask != 0 {
            if a & mask != 0 {
                product ^= b
                // No lower bit of `a` left: the rest would add nothing.
                if a & (mask - 1) == 0 { break }
            }
            mask >>= 1
            b = b & 1 != 0 ? (b >> 1) ^ polynomial : b >> 1
        }
        return product
    }

    /// x^n modulo the polynomial, by squaring: x^(2^k) for each bit k of n.
    static func powerOfX(_ n: UInt64) -> UInt32 {
        var power: UInt32 = 1 << 31          // x⁰
        var square: UInt32 = 1 << 30         // x¹, then x², x⁴…
        var n = n
        while n != 0 {
            if n & 1 != 0 { power = multiply(square, power) }
            square = multiply(square, square)
            n >>= 1
        }
        return power
    }
}
