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
            if let style {
                xml.raw("<text:span ")
                xml.raw(style.styleNameAttribute)
            }
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
        // Nearly every text: written with its French spaces and escapes in one pass, without
        // building the text with its no-break spaces first.
        if let last = plainLastSpace(text, afterSpace: afterSpace) {
            xml.frenchText(text)
            afterSpace = last
            return
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

    /// When the text with its French spaces (`FrenchTypography.nonBreaking`) can go as it is
    /// (no line break, no tab, no two spaces in a row, and no space at its start after a space),
    /// whether it ends with a space; nil when it cannot. Read on the text as written:
    /// a space that becomes no-break is no space, and what follows it no longer follows a space.
    private static func plainLastSpace(_ text: String, afterSpace: Bool) -> Bool? {
        text.withUTF8Bytes { bytes in
            let space = UInt8(ascii: " ")
            let isSpace = { (index: Int) in bytes[index] == space && !FrenchTypography.joins(bytes, at: index) }
            var index = breaks.firstIndex(in: bytes, from: 0)
            while index < bytes.count {
                let byte = bytes[index]
                let previous = index > 0 ? bytes[index - 1] : (afterSpace ? space : 0)
                switch byte {
                case 0x09...0x0D: return nil
                case space where isSpace(index) && previous == space && (index == 0 || isSpace(index - 1)): return nil
                case 0x85 where previous == 0xC2: return nil
                case 0xA8, 0xA9: if previous == 0x80 { return nil }
                default: break
                }
                index = breaks.firstIndex(in: bytes, from: index + 1)
            }
            return bytes.count > 0 && isSpace(bytes.count - 1)
        }
    }

    /// The bytes `plainLastSpace` looks at closely: tab and line breaks, the space, and the last
    /// byte of U+0085, U+2028 and U+2029.
    private static let breaks = ByteSet([UInt8(ascii: " "), 0x85, 0xA8, 0xA9], ranges: [0x09...0x0D])
}
