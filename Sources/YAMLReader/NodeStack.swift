/// A growable stack of finished nodes waiting for their parent container to close.
///
/// Children of all open containers live here contiguously; closing a container
/// *moves* its slice into one exactly-sized array. Compared with one growing
/// array per container this saves the repeated reallocations (1, 2, 4, 8, …)
/// and the retain/release traffic of copying, which matters at a million documents.
struct NodeStack: ~Copyable {
    private var base: UnsafeMutablePointer<YAMLNode>
    private var capacity: Int
    private(set) var count = 0

    /// Capacity kept between documents; anything above is released so that one
    /// huge document does not pin memory for the rest of the stream.
    static let retainedCapacity = 1024

    init() {
        capacity = Self.retainedCapacity
        base = .allocate(capacity: capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    subscript(index: Int) -> YAMLNode {
        _read { yield base[index] }
    }

    /// The most recently pushed node; the stack must not be empty.
    var top: YAMLNode {
        base[count - 1]
    }

    @inline(__always)
    mutating func push(_ node: consuming YAMLNode) {
        if count == capacity { grow() }
        (base + count).initialize(to: node)
        count += 1
    }

    /// Moves the nodes from `start` to the top into a new array.
    mutating func popSequence(from start: Int) -> [YAMLNode] {
        let n = count - start
        var items: [YAMLNode] = []
        items.reserveCapacity(n)
        for i in start..<count { items.append((base + i).move()) }
        count = start
        return items
    }

    /// Moves alternating keys and values from `start` to the top into a new array of pairs.
    mutating func popMapping(from start: Int) -> [YAMLPair] {
        let n = (count - start) / 2
        let source = base + start
        var pairs: [YAMLPair] = []
        pairs.reserveCapacity(n)
        for i in 0..<n {
            let key = (source + 2 * i).move()
            pairs.append(YAMLPair(key: key, value: (source + 2 * i + 1).move()))
        }
        count = start
        return pairs
    }

    /// Drops everything (after an error) and gives back excess capacity.
    mutating func reset() {
        base.deinitialize(count: count)
        count = 0
        shrinkIfLarge()
    }

    /// Gives back excess capacity; call when the stack is empty between documents.
    mutating func shrinkIfLarge() {
        guard count == 0, capacity > Self.retainedCapacity else { return }
        base.deallocate()
        capacity = Self.retainedCapacity
        base = .allocate(capacity: capacity)
    }

    private mutating func grow() {
        let newCapacity = capacity * 2
        let newBase = UnsafeMutablePointer<YAMLNode>.allocate(capacity: newCapacity)
        newBase.moveInitialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
