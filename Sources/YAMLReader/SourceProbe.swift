import Platform

/// Re-reads the source after a parse error to locate and explain it.
///
/// Only used on the error path: libyaml reports decoding errors as a byte
/// offset without a line, and its "cannot start any token" does not say
/// which character it met, so we look at the bytes ourselves.
enum SourceProbe {
    case memory(UnsafeBufferPointer<UInt8>)
    case file(String)
    /// A file read from a byte offset (`DocumentPlace`): lines and columns count from there.
    case positioned(PositionedFile, offset: Int)

    /// Calls `visit` with each byte from the start until it returns false or the source ends.
    func scan(_ visit: (UInt8) -> Bool) {
        switch self {
        case .memory(let bytes):
            for byte in bytes where !visit(byte) { return }
        case .file(let path):
            guard let stream = try? RegularFile.open(path) else { return }
            defer { fclose(stream) }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, stream) }
                if n == 0 { return }
                for i in 0..<n where !visit(chunk[i]) { return }
            }
        case .positioned(let file, var offset):
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                guard let n = try? chunk.withUnsafeMutableBytes({ buffer throws(FileSystemError) in try file.read(at: offset, into: buffer) }),
                      n > 0 else { return }
                offset += n
                for i in 0..<n where !visit(chunk[i]) { return }
            }
        }
    }

    /// The 0-based line and character column of a byte offset, as libyaml would count them.
    /// An offset inside a multi-byte character (libyaml reports a bad trailing byte
    /// at the byte itself) is placed at the character's first byte, where an editor shows it.
    func position(ofByte offset: Int) -> (line: Int, column: Int) {
        var line = 0, column = 0, index = 0, previous: UInt8 = 0
        var characterColumn = 0, continuationsExpected = 0
        scan { byte in
            guard index < offset else { return false }
            index += 1
            defer { previous = byte }
            if byte & 0xC0 == 0x80 {
                continuationsExpected = max(0, continuationsExpected - 1)
                return true
            }
            characterColumn = column
            continuationsExpected = byte >= 0xF0 ? 3 : byte >= 0xE0 ? 2 : byte >= 0xC0 ? 1 : 0
            if byte == UInt8(ascii: "\n") {
                if previous != UInt8(ascii: "\r") { line += 1 }
                column = 0
            } else if byte == UInt8(ascii: "\r") {
                line += 1
                column = 0
            } else {
                column += 1
            }
            return true
        }
        return (line, continuationsExpected > 0 ? characterColumn : column)
    }

    /// The byte that starts the character at a 0-based line and character column, if any.
    func leadByte(line: Int, column: Int) -> UInt8? {
        var currentLine = 0, currentColumn = 0, previous: UInt8 = 0
        var found: UInt8?
        scan { byte in
            defer { previous = byte }
            if byte == UInt8(ascii: "\n"), previous == UInt8(ascii: "\r") { return true }  // rest of a CRLF
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if currentLine == line { return false }
                currentLine += 1
                currentColumn = 0
                return true
            }
            guard byte & 0xC0 != 0x80 else { return true }
            if currentLine == line, currentColumn == column {
                found = byte
                return false
            }
            currentColumn += 1
            return true
        }
        return found
    }

    /// True when nothing but whitespace remains from a 0-based line and character column,
    /// i.e. libyaml gave up because the text ended.
    func isBlank(fromLine line: Int, column: Int) -> Bool {
        var currentLine = 0, currentColumn = 0, previous: UInt8 = 0
        var blank = true
        scan { byte in
            defer { previous = byte }
            if byte == UInt8(ascii: "\n"), previous == UInt8(ascii: "\r") { return true }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                currentLine += 1
                currentColumn = 0
                return true
            }
            guard byte & 0xC0 != 0x80 else { return true }
            let reached = currentLine > line || (currentLine == line && currentColumn >= column)
            currentColumn += 1
            if reached, byte != UInt8(ascii: " "), byte != UInt8(ascii: "\t") {
                blank = false
                return false
            }
            return true
        }
        return blank
    }
}
