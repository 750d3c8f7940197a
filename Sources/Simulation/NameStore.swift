/// The applicants' names of a call's held projects, one after the other as UTF-8 bytes.
///
/// A name longer than fifteen bytes is, as a `String`, a heap block of its own of about 64
/// bytes; here it takes its bytes and four for where it ends. With a million projects held until
/// the selection, that is the difference between the simulation fitting its memory or not.
struct NameStore {
    private var bytes = ChunkedList<UInt8>()
    private var ends = ChunkedList<UInt32>()

    var count: Int { ends.count }

    /// Keeps `name` as the next one; false, keeping nothing, when the store is full (4 GB of
    /// names), so that the caller keeps the name itself.
    mutating func append(_ name: String) -> Bool {
        guard bytes.count + name.utf8.count <= Int(UInt32.max) else { return false }
        for byte in name.utf8 { bytes.append(byte) }
        ends.append(UInt32(bytes.count))
        return true
    }

    /// The name kept at `index`, in the order appended.
    subscript(index: Int) -> String {
        let start = index == 0 ? 0 : Int(ends[index - 1])
        let end = Int(ends[index])
        return String(decoding: (start..<end).map { bytes[$0] }, as: UTF8.self)
    }
}
