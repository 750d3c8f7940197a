/// A set of byte values tested by one table lookup, for the scans that decide whether a text
/// can be written as it is: they skip every byte outside the set without a comparison each,
/// then look closely at the few bytes that may matter. A batch scans every text of every
/// document several times (Markdown, HTML, ODT), so these loops are among its hottest.
public struct ByteSet: Sendable {
    /// One entry per byte value: 1 when it is in the set, 0 otherwise (bytes, not `Bool`s, so
    /// that several lookups can be or-ed together without a branch each).
    @usableFromInline let members: [UInt8]

    /// The set of `bytes` and of the bytes in `ranges`.
    public init(_ bytes: [UInt8], ranges: [ClosedRange<UInt8>] = []) {
        var members = [UInt8](repeating: 0, count: 256)
        for byte in bytes { members[Int(byte)] = 1 }
        for range in ranges { for byte in range { members[Int(byte)] = 1 } }
        self.members = members
    }

    /// Whether `byte` is in the set.
    @inlinable public func contains(_ byte: UInt8) -> Bool { members[Int(byte)] != 0 }

    /// The index of the first byte of `bytes` at or after `start` that is in the set;
    /// `bytes.count` when none is.
    @inlinable public func firstIndex(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        members.withUnsafeBufferPointer { table in
            var index = start
            // Eight bytes a test: nearly all of them are outside the set, so one branch for the
            // eight instead of one each; the byte-by-byte loop below finds which one it was.
            while index + 8 <= bytes.count {
                let hits = table[Int(bytes[index])] | table[Int(bytes[index + 1])]
                    | table[Int(bytes[index + 2])] | table[Int(bytes[index + 3])]
                    | table[Int(bytes[index + 4])] | table[Int(bytes[index + 5])]
                    | table[Int(bytes[index + 6])] | table[Int(bytes[index + 7])]
                if hits != 0 { break }
                index += 8
            }
            while index < bytes.count, table[Int(bytes[index])] == 0 { index += 1 }
            return index
        }
    }
}

extension String {
    /// Runs `body` on the string's UTF-8 bytes: in place for a native string, on a copy otherwise.
    @inlinable public func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(utf8).withUnsafeBufferPointer(body)
    }
}
