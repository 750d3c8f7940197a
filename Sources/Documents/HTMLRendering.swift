/// A document as one self-contained HTML5 page, to read on screen and to print: UTF-8, in French,
/// its style sheet inline and nothing fetched from anywhere (no font, script or image by URL), so
/// that the file says the same thing on any machine, offline, years later.
///
/// Each block gets the element that says what it is (a `<header>` for the letterhead, a
/// `<section>` for an article or a mention, a `<table>` with its `<thead>`) and a class named after
/// its role (`visa`, `considering`, `operative`, `actTitle`, `signature`…), which the style sheet
/// (`HTMLStyleSheet`) gives its look. The same document gives the same bytes.
public enum HTMLRendering {
    /// The page's bytes, as a batch writes them to a file and hashes them.
    public static func utf8(_ document: Document) -> [UInt8] {
        var html = MarkupText(capacity: 32_768)
        render(document, into: &html)
        return html.utf8
    }

    /// The page as a string, for tests and for reading.
    public static func string(_ document: Document) -> String {
        String(decoding: utf8(document), as: UTF8.self)
    }

    /// Appends the page to `html`, so that a caller can reuse one buffer.
    public static func render(_ document: Document, into html: inout MarkupText) {
        html.raw(literal: "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n")
        html.raw(literal: "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        // The title after the style sheet: every page then begins with the same 4 KB, which the
        // batch's fingerprints hash once (`SharedPrefixDigest`).
        html.raw(literal: "<meta name=\"generator\" content=\"Guichet\">\n<style>\n")
        html.raw(HTMLStyleSheet.css)
        html.raw(literal: "</style>\n<title>")
        html.text(oneLine(document.title))
        html.raw(literal: "</title>\n</head>\n<body>\n<main class=\"document\">\n")
        if let letterhead = document.letterhead { render(letterhead, into: &html) }
        for block in document.blocks { HTMLBlocks.render(block, into: &html) }
        html.raw(literal: "</main>\n</body>\n</html>\n")
    }

    private static func render(_ letterhead: Letterhead, into html: inout MarkupText) {
        html.raw(literal: "<header class=\"letterhead\">\n<div class=\"sender\">\n<p class=\"authority\">")
        html.text(oneLine(letterhead.authority))
        html.raw(literal: "</p>\n")
        if !letterhead.sender.isEmpty {
            html.raw(literal: "<p class=\"service\">")
            lines(letterhead.sender, into: &html)
            html.raw(literal: "</p>\n")
        }
        if !letterhead.references.isEmpty {
            html.raw(literal: "<table class=\"references\">\n<tbody>\n")
            for field in letterhead.references { HTMLBlocks.fieldRow(field, into: &html) }
            html.raw(literal: "</tbody>\n</table>\n")
        }
        html.raw(literal: "</div>\n")
        if !letterhead.addressee.isEmpty {
            html.raw(literal: "<address class=\"addressee\">")
            lines(letterhead.addressee, into: &html)
            html.raw(literal: "</address>\n")
        }
        html.raw(literal: "</header>\n")
    }

    /// Lines kept apart by `<br>`, each escaped.
    static func lines(_ lines: [String], into html: inout MarkupText) {
        for (index, line) in lines.enumerated() {
            if index > 0 { html.raw(literal: "<br>\n") }
            html.text(oneLine(line))
        }
    }

    /// Runs as inline HTML: `<strong>`, `<em>`, `<code>`, each line break a `<br>`, the spaces
    /// around French punctuation no-break (`FrenchTypography`).
    public static func inline(_ text: Text, into html: inout MarkupText) {
        for run in text.runs {
            // The tags as literals, and none for a plain run: nothing to count or to copy.
            switch run.style {
            case .plain:
                runText(run.text, into: &html)
            case .strong:
                html.raw(literal: "<strong>")
                runText(run.text, into: &html)
                html.raw(literal: "</strong>")
            case .emphasis:
                html.raw(literal: "<em>")
                runText(run.text, into: &html)
                html.raw(literal: "</em>")
            case .code:
                html.raw(literal: "<code>")
                runText(run.text, into: &html)
                html.raw(literal: "</code>")
            }
        }
    }

    /// A run's text, escaped, with its French spaces and its line breaks as `<br>`.
    private static func runText(_ text: String, into html: inout MarkupText) {
        // Nearly every run is one line with nothing to escape: done in one pass.
        guard !html.plainFrenchLine(text) else { return }
        if MarkdownText.Escapes(text) == .lineBreaks {
            breakingLines(FrenchTypography.nonBreaking(text), into: &html)
        } else {
            html.frenchTextEscaping(text)
        }
    }

    private static func breakingLines(_ text: String, into html: inout MarkupText) {
        guard MarkdownText.Escapes(text) == .lineBreaks else {
            html.text(text)
            return
        }
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            if index > 0 { html.raw(literal: "<br>") }
            html.text(String(line))
        }
    }

    /// A title or a label that must stay on one line.
    static func oneLine(_ text: String) -> String { MarkdownText.oneLine(text) }
}
