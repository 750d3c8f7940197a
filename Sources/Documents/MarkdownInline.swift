extension MarkdownRendering {
    /// Runs as Markdown: `**strong**`, `*emphasis*`, `` `code` ``, every line break a space, every
    /// text escaped as at the start of a line (`MarkdownEscaping`), which is safe anywhere.
    public static func inline(_ text: Text) -> String { inline(text, at: .lineStart) }

    /// Runs as Markdown, escaped for `place`: `.inline` within a line (a table cell, after
    /// markup), where a leading « - » or « 1. » needs no backslash.
    public static func inline(_ text: Text, at place: MarkdownEscaping.Place) -> String {
        var result = ""
        var place = place
        let startsLine = place.opensLine
        for run in mergingPlainRuns(text.runs) {
            let flat = MarkdownText.oneLine(run.text)
            switch run.style {
            case .plain: result += MarkdownEscaping.escaped(line: flat, at: place)
            case .strong: result += marked(MarkdownEscaping.escaped(line: flat, at: place.within), "**")
            case .emphasis: result += marked(MarkdownEscaping.escaped(line: flat, at: place.within), "*")
            case .code: result += code(flat)
            }
            // Blanks leave the start of the line to the next run.
            if place.opensLine, flat.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            place = place.within
        }
        return startsLine ? MarkdownEscaping.droppingIndentation(result) : result
    }

    /// Adjacent plain runs as one, so that what one run ends and the next begins (« & » then
    /// « amp; ») is escaped as the reader will see it.
    private static func mergingPlainRuns(_ runs: [Text.Run]) -> [Text.Run] {
        // Nearly every text: nothing to merge, and no array to build.
        guard runs.indices.dropFirst().contains(where: { runs[$0].style == .plain && runs[$0 - 1].style == .plain }) else { return runs }
        var merged: [Text.Run] = []
        merged.reserveCapacity(runs.count)
        for run in runs {
            if run.style == .plain, let last = merged.last, last.style == .plain {
                merged[merged.count - 1].text += run.text
            } else {
                merged.append(run)
            }
        }
        return merged
    }

    /// `**text**` with the spaces around the text kept outside the markers, where CommonMark
    /// needs them: `**Objet : **` would not be bold.
    private static func marked(_ text: String, _ marker: String) -> String {
        // Without a space at either end (nearly always), the text is its own core. A space
        // character is U+0020 alone, so a text whose first and last bytes are no space has none there.
        if let first = text.utf8.first, let last = text.utf8.last, first != 0x20, last != 0x20 { return marker + text + marker }
        let leading = text.prefix { $0 == " " }
        let trailing = text.dropFirst(leading.count).reversed().prefix { $0 == " " }
        let core = text.dropFirst(leading.count).dropLast(trailing.count)
        guard !core.isEmpty else { return text }
        return leading + marker + core + marker + String(trailing)
    }

    /// A code span, which no backslash escapes: fenced by one backtick more than the longest run
    /// of backticks in the text, with a space inside the fences when the text starts or ends with
    /// a backtick (CommonMark strips one such space on each side).
    private static func code(_ text: String) -> String {
        let leading = text.prefix { $0 == " " }
        let trailing = text.dropFirst(leading.count).reversed().prefix { $0 == " " }
        let core = text.dropFirst(leading.count).dropLast(trailing.count)
        guard !core.isEmpty else { return text }
        var longest = 0
        var current = 0
        for character in core {
            current = character == "`" ? current + 1 : 0
            longest = max(longest, current)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padding = core.first == "`" || core.last == "`" ? " " : ""
        return leading + fence + padding + core + padding + fence + String(trailing)
    }
}

extension MarkdownEscaping.Place {
    /// The same place past the start of its line.
    var within: Self { Self(opensLine: false, alsoEscaped: alsoEscaped) }
}
