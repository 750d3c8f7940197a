/// A set of small indices (pieces of a scheme, inputs of a scheme), held as bits.
///
/// Evaluation asks "is this piece provided?" and "is this fact confirmed?" at every read of a
/// fact; a bit test answers without hashing a name. Up to 64 indices need no allocation.
public struct IndexFlags: Sendable, Hashable {
    private var low: UInt64 = 0
    private var high: [UInt64] = []

    public init() {}

    public init(_ indices: some Sequence<Int>) {
        for index in indices { insert(index) }
    }

    public func contains(_ index: Int) -> Bool {
        if index < 64 { return low & (1 << UInt64(index)) != 0 }
        let word = index / 64 - 1
        return word < high.count && high[word] & (1 << UInt64(index % 64)) != 0
    }

    public mutating func insert(_ index: Int) {
        if index < 64 {
            low |= 1 << UInt64(index)
            return
        }
        let word = index / 64 - 1
        if word >= high.count { high.append(contentsOf: repeatElement(0, count: word - high.count + 1)) }
        high[word] |= 1 << UInt64(index % 64)
    }

    /// The indices, in increasing order.
    public var indices: [Int] {
        var result: [Int] = []
        for bit in 0..<64 where low & (1 << UInt64(bit)) != 0 { result.append(bit) }
        for (word, bits) in high.enumerated() {
            for bit in 0..<64 where bits & (1 << UInt64(bit)) != 0 { result.append((word + 1) * 64 + bit) }
        }
        return result
    }

    public var isEmpty: Bool { low == 0 && high.allSatisfy { $0 == 0 } }
}
