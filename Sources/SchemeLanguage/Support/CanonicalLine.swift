/// One field of a canonical text (one field a line, which a rules fingerprint hashes): a line
/// break or a backslash inside a value cannot pass for the start of another field.
enum CanonicalLine {
    /// The field with `\`, line feeds and carriage returns escaped, character by character.
    /// Every command loads the rules, and their texts hold line feeds: a line with neither
    /// backslash nor carriage return has each line feed as a character of its own (nothing
    /// joins a line feed but a carriage return before it), and is escaped byte by byte.
    static func escaped(_ line: String) -> String {
        let utf8 = line.utf8
        guard !utf8.contains(UInt8(ascii: "\\")), !utf8.contains(UInt8(ascii: "\r")) else {
            return line.replacing("\\", with: "\\\\").replacing("\n", with: "\\n").replacing("\r", with: "\\r")
        }
        guard utf8.contains(UInt8(ascii: "\n")) else { return line }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            if byte == UInt8(ascii: "\n") {
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(UInt8(ascii: "n"))
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
