/// The renderer's styles as a template defines them, generated from `ODFStyles`, their one source:
/// named, with their display names, filed in LibreOffice's lists (a parent, a class, an outline
/// level). The default template's styles.xml holds them between two marks; a test fails when
/// they differ from `ODFStyles`, and rewrites them when asked (Docs/ODT-TEMPLATES.md), so that
/// the look of the default template and of an authority's template lacking a style never drift.
public enum ODTTemplateStyles {
    /// The comment before the generated styles in styles.xml.
    public static let beginMark = "<!-- Styles du rendu, générés depuis Sources/OpenDocument/ODFStyles.swift : ne pas les modifier ici -->"
    /// The comment after them.
    public static let endMark = "<!-- Fin des styles du rendu -->"

    /// Every style of `ODFStyles.all`, one element a style, indented as in styles.xml (two spaces,
    /// then one more a level), each line ending with a line feed.
    public static var xml: String {
        ODFStyles.all.map { indented($0.templateDefinition) }.joined()
    }

    /// `styles` (a styles.xml) with what stands between the two marks replaced by `xml`; nil
    /// when a mark is missing.
    public static func regenerating(_ styles: String) -> String? {
        guard let begin = styles.range(of: beginMark), let end = styles.range(of: endMark, range: begin.upperBound..<styles.endIndex) else { return nil }
        return String(styles[..<begin.upperBound]) + "\n" + xml + "  " + String(styles[end.lowerBound...])
    }

    /// One tag a line, indented one space more inside each element.
    static func indented(_ xml: String, depth: Int = 2) -> String {
        var result = ""
        var level = depth
        for tag in xml.replacing("><", with: ">\n<").split(separator: "\n") {
            let closing = tag.hasPrefix("</")
            if closing { level -= 1 }
            result += String(repeating: " ", count: level) + tag + "\n"
            if !closing && !tag.hasSuffix("/>") { level += 1 }
        }
        return result
    }
}

extension ODFStyle {
    /// The definition as a named style of styles.xml: with its display name and, for a paragraph
    /// style, its parent (« Standard », the default paragraph style LibreOffice always has), its
    /// class and its outline level.
    var templateDefinition: String {
        let named = "style:name=\"\(name)\" style:display-name=\"\(displayName)\""
        switch family {
        case .paragraph:
            let filed = (styleClass.map { " style:class=\"\($0)\"" } ?? "") + (outlineLevel.map { " style:default-outline-level=\"\($0)\"" } ?? "")
            return "<style:style \(named) style:family=\"paragraph\" style:parent-style-name=\"Standard\"\(filed)>\(properties)</style:style>"
        case .text:
            return "<style:style \(named) style:family=\"text\">\(properties)</style:style>"
        case .list:
            return "<text:list-style \(named)>\(properties)</text:list-style>"
        }
    }
}
