import Documents

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
            if let style { xml.raw("<text:span text:style-name=\"\(style.name)\">") }
            plain(run.text, into: &xml, afterSpace: &afterSpace)
            if style != nil { xml.raw("</text:span>") }
        }
    }

    /// A text in one style, in a span of `style`.
    static func span(_ text: String, style: ODFStyle, into xml: inout MarkupText) {
        var afterSpace = false
        xml.raw("<text:span text:style-name=\"\(style.name)\">")
        plain(text, into: &xml, afterSpace: &afterSpace)
        xml.raw("</text:span>")
    }

    /// Lines of plain text, kept apart by line breaks.
    static func lines(_ lines: [String], into xml: inout MarkupText) {
        var afterSpace = true
        for (index, line) in lines.enumerated() {
            if index > 0 {
                xml.raw("<text:line-break/>")
                afterSpace = true
            }
            plain(line, into: &xml, afterSpace: &afterSpace)
        }
    }

    /// `afterSpace` says whether the text follows a space or the start of a line, where a space
    /// of its own would be collapsed.
    static func plain(_ text: String, into xml: inout MarkupText, afterSpace: inout Bool) {
        guard !text.isEmpty else { return }
        let text = FrenchTypography.nonBreaking(text)
        if isPlain(text, afterSpace: afterSpace) {
            xml.text(text)
            afterSpace = text.utf8.last == UInt8(ascii: " ")
            return
        }
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
                xml.raw("<text:line-break/>")
                afterSpace = true
            } else if character == "\t" {
                xml.raw("<text:tab/>")
                afterSpace = true
            } else {
                pending.append(character)
                afterSpace = false
            }
        }
        flush(&xml)
    }

    /// Whether the text can go as it is: no line break, no tab, no two spaces in a row, and no
    /// space at its start after a space. One pass over its UTF-8 bytes.
    private static func isPlain(_ text: String, afterSpace: Bool) -> Bool {
        text.withUTF8Bytes { bytes in
            let space = UInt8(ascii: " ")
            var index = breaks.firstIndex(in: bytes, from: 0)
            while index < bytes.count {
                let byte = bytes[index]
                let previous = index > 0 ? bytes[index - 1] : (afterSpace ? space : 0)
                switch byte {
                case 0x09...0x0D: return false
                case space where previous == space: return false
                // U+0085 (C2 85), U+2028 and U+2029 (E2 80 A8, E2 80 A9) are line breaks too.
                case 0x85 where previous == 0xC2: return false
                case 0xA8, 0xA9: if previous == 0x80 { return false }
                default: break
                }
                index = breaks.firstIndex(in: bytes, from: index + 1)
            }
            return true
        }
    }

    /// The bytes `isPlain` looks at closely: tab and line breaks, the space, and the last byte
    /// of U+0085, U+2028 and U+2029.
    private static let breaks = ByteSet([UInt8(ascii: " "), 0x85, 0xA8, 0xA9], ranges: [0x09...0x0D])
}
