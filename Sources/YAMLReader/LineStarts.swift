import Platform

/// The byte offsets at which given lines of a file start, lines counted as libyaml counts them
/// (a line ends at `\n`, `\r\n`, `\r`, NEL, LS or PS), so that a document's line, from its
/// mark, gives the place to read it again from (`DocumentPlace`).
public enum LineStarts {
    /// Finds the place of `count` lines, the `k`-th being `line(k)` (0-based, ascending), and
    /// hands each to `found` with its `k`; false when the file cannot be read. A line past the
    /// end of the file is placed at the end.
    public static func places(count: Int, line: (Int) -> Int, in path: String, found: (Int, DocumentPlace) -> Void) -> Bool {
        guard let file = try? PositionedFile(path: path) else { return false }
        var scanner = Scanner(count: count)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var offset = 0
        while !scanner.done {
            guard let read = try? chunk.withUnsafeMutableBytes({ buffer throws(FileSystemError) in try file.read(at: offset, into: buffer) })
            else { return false }
            if read == 0 { break }
            chunk.withUnsafeBufferPointer { scanner.scan($0[..<read], from: offset, line: line, found: found) }
            offset += read
        }
        scanner.finish(at: offset, line: line, found: found)
        return true
    }

    /// Whether the file is UTF-16, which libyaml recognises by its byte order mark at the start
    /// of the file only: none of its documents can be read from inside it.
    public static func isUTF16(_ path: String) -> Bool {
        guard let file = try? PositionedFile(path: path) else { return false }
        var start: [UInt8] = [0, 0]
        guard let read = try? start.withUnsafeMutableBytes({ buffer throws(FileSystemError) in try file.read(at: 0, into: buffer) }),
              read == 2 else { return false }
        return start == [0xFE, 0xFF] || start == [0xFF, 0xFE]
    }

    /// Counts lines byte by byte across chunks, noting where each wanted line starts once no
    /// byte of the break before it can follow (`\n` after `\r` moves the start).
    private struct Scanner {
        let count: Int
        private var next = 0
        private var current = 0
        private var lineStart = 0
        private var previous: UInt8 = 0
        private var beforePrevious: UInt8 = 0

        init(count: Int) {
            self.count = count
        }

        var done: Bool { next == count }

        mutating func scan(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, from start: Int, line: (Int) -> Int,
                           found: (Int, DocumentPlace) -> Void) {
            var position = start
            for byte in bytes {
                if position == lineStart, !(byte == 0x0A && previous == 0x0D) { noteLineStart(line: line, found: found) }
                if done { return }
                if Self.endsLine(byte, after: previous, beforePrevious) {
                    current += 1
                    lineStart = position + 1
                } else if byte == 0x0A {
                    lineStart = position + 1  // the rest of a `\r\n`
                }
                beforePrevious = previous
                previous = byte
                position += 1
            }
        }

        /// The lines still wanted at the end of the file start there.
        mutating func finish(at end: Int, line: (Int) -> Int, found: (Int, DocumentPlace) -> Void) {
            if lineStart == end { noteLineStart(line: line, found: found) }
            while !done {
                found(next, DocumentPlace(offset: end, line: current))
                next += 1
            }
        }

        private mutating func noteLineStart(line: (Int) -> Int, found: (Int, DocumentPlace) -> Void) {
            while !done, line(next) <= current {
                found(next, DocumentPlace(offset: lineStart, line: current))
                next += 1
            }
        }

        /// Whether `byte` ends a line: `\n` (unless it ends a `\r\n`), `\r`, or the last byte of
        /// NEL (C2 85), LS (E2 80 A8) or PS (E2 80 A9) in UTF-8.
        private static func endsLine(_ byte: UInt8, after previous: UInt8, _ beforePrevious: UInt8) -> Bool {
            switch byte {
            case 0x0A: previous != 0x0D
            case 0x0D: true
            case 0x85: previous == 0xC2
            case 0xA8, 0xA9: previous == 0x80 && beforePrevious == 0xE2
            default: false
            }
        }
    }
}
