/// JSON string literals, escaped as RFC 8259 requires; U+2028 and U+2029 escaped too, so that
/// the text is also valid JavaScript (a schema or a document embedded in a page).
public enum JSONString {
    public static func quoted(_ value: String) -> String {
        var result = ""
        append(value, to: &result)
        return result
    }

    /// Appends `value` as a JSON string literal, without building intermediate strings.
    public static func append(_ value: String, to result: inout String) {
        result += "\""
        if isPlain(value) {
            result += value
        } else {
            for scalar in value.unicodeScalars {
                if let escape = escape(scalar) { result += escape } else { result.unicodeScalars.append(scalar) }
            }
        }
        result += "\""
    }

    /// Appends `value` as a JSON string literal, in UTF-8.
    public static func append(_ value: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        appendEscaped(value, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends `value` escaped as inside a JSON string literal, without the quotes: a literal
    /// written in parts (paragraphs and the line breaks between them) without joining them first.
    public static func appendEscaped(_ value: String, to bytes: inout [UInt8]) {
        var value = value
        value.withUTF8 { appendEscaping($0, to: &bytes) }
    }

    /// Appends UTF-8 `source` escaped, copying the runs between escapes whole. The bytes are
    /// those `escape(_:)` gives scalar by scalar: every scalar it escapes is a C0 control, `"`,
    /// `\\` (one byte each) or U+2028/U+2029 (E2 80 A8, E2 80 A9), and no other scalar's UTF-8
    /// contains these bytes. Eight bytes none of which may start an escape are passed at once:
    /// a decision writes tens of kilobytes of text, nearly all of it plain.
    private static func appendEscaping(_ source: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        guard let base = source.baseAddress else { return }
        var start = 0
        var index = 0
        let end = source.count
        while index < end {
            // Sound: `index + 8 <= end`, so the eight bytes read are inside `source`.
            if end - index >= 8, !mayStartEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
                continue
            }
            let stop = min(index + 8, end)
            while index < stop {
                let byte = source[index]
                let escaped: String
                if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                    escaped = escape(Unicode.Scalar(byte))!
                } else if byte == 0xE2, index + 2 < end, source[index + 1] == 0x80, source[index + 2] & 0xFE == 0xA8 {
                    escaped = escape(source[index + 2] == 0xA8 ? "\u{2028}" : "\u{2029}")!
                } else {
                    index += 1
                    continue
                }
                appendRun(UnsafeBufferPointer(rebasing: source[start..<index]), to: &bytes)
                bytes.append(contentsOf: escaped.utf8)
                index += byte == 0xE2 ? 3 : 1
                start = index
            }
        }
        appendRun(UnsafeBufferPointer(rebasing: source[start..<end]), to: &bytes)
    }

    /// Appends a run of bytes that need no escape: a short one (an id, a verdict, a date) byte
    /// by byte, which costs less than a block copy for a few bytes; a longer one in one copy.
    @inline(__always)
    private static func appendRun(_ run: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        if run.count <= 8 {
            for byte in run { bytes.append(byte) }
        } else {
            bytes.append(contentsOf: run)
        }
    }

    /// Whether one of the eight bytes of `word` is below 0x20, `"`, `\\` or 0xE2 (the first byte
    /// of U+2028 and U+2029, and of other characters such as ’): the bytes are then looked at
    /// one by one. Each test is the classic « has a zero byte » (`(x - 0x01…) & ~x & 0x80…`),
    /// exact as to whether there is one.
    @inline(__always)
    private static func mayStartEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        func zeroByte(_ x: UInt64) -> UInt64 { (x &- ones) & ~x }
        let below = (word &- ones &* 0x20) & ~word
        let marks = below | zeroByte(word ^ (ones &* 0x22)) | zeroByte(word ^ (ones &* 0x5C)) | zeroByte(word ^ (ones &* 0xE2))
        return marks & (ones &* 0x80) != 0
    }

    /// Whether `value` needs no escape: most texts, found in one pass over their bytes.
    private static func isPlain(_ value: String) -> Bool {
        value.utf8.withContiguousStorageIfAvailable(isPlain) ?? isPlain(Array(value.utf8)[...])
    }

    private static func isPlain<Bytes: RandomAccessCollection>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8, Bytes.Index == Int {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return false }
            // U+2028 and U+2029 (E2 80 A8, E2 80 A9), which JavaScript reads as line breaks; the
            // other E2 80 characters (’, …, the narrow no-break space) stay plain.
            if byte == 0xE2, index + 2 < bytes.endIndex, bytes[index + 1] == 0x80, bytes[index + 2] & 0xFE == 0xA8 { return false }
            index += 1
        }
        return true
    }

    /// How a scalar is written inside a JSON string, when not as itself.
    private static func escape(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "\"": return "\\\""
        case "\\": return "\\\\"
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
            let hex = String(scalar.value, radix: 16)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default: return nil
        }
    }
}
