import Documents
import Platform

/// Running text as the inside of an ODF paragraph: each styled run in a `text:span` of its named
/// style, line breaks as `text:line-break`, tabs as `text:tab`, and the spaces ODF would collapse
/// (a second space in a row, a space at the start of a line) as `text:s`, so that the text reads
/// in LibreOffice exactly as it was written; the spaces around French punctuation are no-break
/// (`FrenchTypography`). Every text is escaped (`MarkupText.text`).
enum ODFInline {
    static func text(_ text: Text, into xml: inout MarkupText) {
        var afterSpace = true
        for run in text.runs {
            let style: ODFStyle? = switch run.style {
            case .plain: nil
            case .strong: ODFStyles.strong
            case .emphasis: ODFStyles.emphasis
            case .code: ODFStyles.code
            }
            if let style {
                xml.raw(literal: "<text:span ")
                xml.raw(style.styleNameAttribute)
                plain(run.text, into: &xml, afterSpace: &afterSpace)
                xml.raw(literal: "</text:span>")
            } else {
                plain(run.text, into: &xml, afterSpace: &afterSpace)
            }
        }
    }

    /// A text in one style, in a span of `style`.
    static func span(_ text: String, style: ODFStyle, into xml: inout MarkupText) {
        var afterSpace = false
        xml.raw(literal: "<text:span ")
        xml.raw(style.styleNameAttribute)
        plain(text, into: &xml, afterSpace: &afterSpace)
        xml.raw(literal: "</text:span>")
    }

    /// Lines of plain text, kept apart by line breaks.
    static func lines(_ lines: [String], into xml: inout MarkupText) {
        var afterSpace = true
        for (index, line) in lines.enumerated() {
            if index > 0 {
                xml.raw(literal: "<text:line-break/>")
                afterSpace = true
            }
            plain(line, into: &xml, afterSpace: &afterSpace)
        }
    }

    /// `afterSpace` says whether the text follows a space or the start of a line, where a space
    /// of its own would be collapsed.
    static func plain(_ text: String, into xml: inout MarkupText, afterSpace: inout Bool) {
        guard !text.isEmpty else { return }
        // Nearly every text: one line without a tab, nothing to escape. Its spaces are checked
        // here; `plainFrenchLine` rules out the line breaks and the escapes in the pass that
        // writes it with its French spaces, so the text is scanned for them only once.
        // A tab, or spaces ODF would collapse, take the long way below.
        if let last = text.withUTF8Bytes({ hasTab($0) ? nil : lastSpace($0, afterSpace: afterSpace) }) {
            if xml.plainFrenchLine(text) {
                afterSpace = last
                return
            }
            // Then one line with something to escape: written with its French spaces in one
            // pass, without building the text with its no-break spaces first.
            if !text.withUTF8Bytes(hasBreak) {
                xml.frenchText(text)
                afterSpace = last
                return
            }
        }
        let text = FrenchTypography.nonBreaking(text)
        var spaces = 0
        var pending = ""
        /// The text so far, then the spaces ODF would collapse.
        func flush(_ xml: inout MarkupText) {
            if !pending.isEmpty { xml.text(pending); pending = "" }
            if spaces > 0 { xml.raw(spaces == 1 ? "<text:s/>" : "<text:s text:c=\"\(spaces)\"/>"); spaces = 0 }
        }
        for character in text {
            if character == " " {
                if afterSpace { spaces += 1 } else { pending.append(" ") }
                afterSpace = true
                continue
            }
            flush(&xml)
            if character.isNewline {
                xml.raw(literal: "<text:line-break/>")
                afterSpace = true
            } else if character == "\t" {
                xml.raw(literal: "<text:tab/>")
                afterSpace = true
            } else {
                pending.append(character)
                afterSpace = false
            }
        }
        flush(&xml)
    }

    /// Whether the text holds a tab or a line break, which `plain` writes as elements.
    private static func hasBreak(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = breaks.firstIndex(in: bytes, from: 0)
        while index < bytes.count {
            switch bytes[index] {
            case 0x09...0x0D: return true
            case 0x85, 0xE2: if UnicodeLineBreaks.isBreak(bytes, at: index) { return true }
            default: break
            }
            index = breaks.firstIndex(in: bytes, from: index + 1)
        }
        return false
    }

    /// Whether the text holds a tab, found by the C library's `memchr`, which reads many bytes
    /// at a time: the fast path's only break that `MarkupText.plainFrenchLine` lets through.
    private static func hasTab(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Sound: memchr reads `bytes.count` bytes from their start, all inside the buffer.
        guard let start = bytes.baseAddress else { return false }
        return memchr(start, 0x09, bytes.count) != nil
    }

    /// For a text without breaks, where `plain` may write it as it is: nil when the text has
    /// two spaces in a row, or starts with a space after a space; otherwise whether it ends
    /// with a space.
    private static func lastSpace(_ bytes: UnsafeBufferPointer<UInt8>, afterSpace: Bool) -> Bool? {
        guard !bytes.isEmpty else { return false }
        let space = UInt8(ascii: " ")
        let isSpace = { (index: Int) in bytes[index] == space && !FrenchTypography.joins(bytes, at: index) }
        if afterSpace && isSpace(0) { return nil }
        var pair = spacePair(in: bytes, from: 0)
        while pair < bytes.count {
            if isSpace(pair) && isSpace(pair + 1) { return nil }
            pair = spacePair(in: bytes, from: pair + 1)
        }
        return isSpace(bytes.count - 1)
    }

    /// The bytes `hasBreak` looks at closely: tab and line breaks, and where those beyond ASCII
    /// are told (`UnicodeLineBreaks`).
    private static let breaks = ByteSet([0x85, 0xE2], ranges: [0x09...0x0D])

    /// The index of the first of two spaces in a row at or after `start`; `bytes.count` when
    /// there are none. Eight bytes are read as one word and its spaces found at once (the bytes
    /// of `word ^ 0x2020…` that are zero), stepping by seven so that a pair across two words
    /// is within one of them.
    static func spacePair(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let (spaces, low) = (ones &* 0x20, ones &* 0x7F)
        var index = start
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            // Sound: `index + 8 <= bytes.count`, so the eight bytes read are within the buffer.
            while index + 8 <= bytes.count {
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self)) ^ spaces
                // The high bit of each byte of `word` that is zero, exactly (no carry crosses a byte).
                let zero = ~(((word & low) &+ low) | word | low)
                if zero & (zero >> 8) != 0 { break }
                index += 7
            }
        }
        let space = UInt8(ascii: " ")
        while index + 1 < bytes.count {
            if bytes[index] == space && bytes[index + 1] == space { return index }
            index += 1
        }
        return bytes.count
    }
}
