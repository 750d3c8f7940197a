import Documents

/// The comparison of two reforms, in French Markdown: the layout of a `ReformComparison`.
public enum ComparisonReport {
    public static func markdown(_ comparison: ReformComparison) -> String {
        var text = MarkdownText()
        text.heading(comparison.title, level: 1)
        text.section(ReformComparison.headlineTitle, bullets: comparison.headline)
        text.section(ReformComparison.reformsTitle, bullets: comparison.reforms.map(\.line))
        text.heading(ReformComparison.parametersTitle)
        text.table(ReformComparison.parametersHeader, comparison.parameters)
        text.line(comparison.portfolio)
        text.blank()
        for scheme in comparison.schemes {
            text.heading(scheme.title)
            for note in scheme.notes {
                text.line(note)
                text.blank()
            }
            text.table(ReformComparison.schemeHeader, scheme.lines.map(\.cells))
        }
        text.section(ReformComparison.unchangedTitle, bullets: comparison.unchangedSchemes)
        text.heading(ReformComparison.methodTitle)
        text.line(comparison.method)
        return text.result
    }
}
