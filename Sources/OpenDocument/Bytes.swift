/// Finding ASCII markup in the UTF-8 bytes of a template's XML: the parts are read once, when the
/// template is loaded, and cut where the renderer writes, so that rendering a document only
/// concatenates bytes.
enum Bytes {
    /// The first occurrence of `needle` in `bytes[from..<to]`.
    static func find(_ needle: String, in bytes: [UInt8], from start: Int = 0, to end: Int? = nil) -> Int? {
        let pattern = Array(needle.utf8)
        let end = end ?? bytes.count
        guard let first = pattern.first, end - start >= pattern.count else { return nil }
        var index = start
        while index + pattern.count <= end {
            if bytes[index] == first && matches(pattern, in: bytes, at: index) { return index }
            index += 1
        }
        return nil
    }

    /// The last occurrence of `needle` that starts before `before`.
    static func findLast(_ needle: String, in bytes: [UInt8], before: Int) -> Int? {
        let pattern = Array(needle.utf8)
        var index = min(before, bytes.count - pattern.count)
        while index >= 0 {
            if matches(pattern, in: bytes, at: index) { return index }
            index -= 1
        }
        return nil
    }

    static func matches(_ pattern: [UInt8], in bytes: [UInt8], at index: Int) -> Bool {
        guard index >= 0, index + pattern.count <= bytes.count else { return false }
        for offset in 0..<pattern.count where bytes[index + offset] != pattern[offset] { return false }
        return true
    }

    /// The index just past the `>` closing the tag that opens at `start` (a `<`), quoted
    /// attribute values skipped; past the `-->` of a comment (whose text may hold a lone
    /// apostrophe); the end of the bytes when the tag is not closed.
    static func endOfTag(_ bytes: [UInt8], from start: Int) -> Int {
        if matches(Array("<!--".utf8), in: bytes, at: start) {
            return find("-->", in: bytes, from: start + 4).map { $0 + 3 } ?? bytes.count
        }
        var quote: UInt8?
        var index = start + 1
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return index + 1
            }
            index += 1
        }
        return bytes.count
    }

    /// Every value of the attribute `style:name` in the XML: the styles a part defines.
    static func styleNames(in bytes: [UInt8]) -> Set<String> {
        var names: Set<String> = []
        var index = 0
        while let found = find("style:name=\"", in: bytes, from: index) {
            let start = found + 12
            guard let end = find("\"", in: bytes, from: start) else { break }
            if found > 0, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[found - 1]) {
                names.insert(String(decoding: bytes[start..<end], as: UTF8.self))
            }
            index = end + 1
        }
        return names
    }
}
