import SchemeLanguage

/// The comparison of two reforms as a standalone HTML page, in French: the same figures as the
/// Markdown report (`ComparisonReport`), laid out with the simulation page's style sheet, tables
/// and bars (`SimulationPage`). Each scheme's chart shows its amounts and its applications aided
/// in the three cases, and the differences; its table beside it gives every figure.
public enum ComparisonPage {
    /// `date`, the day the page is made, is printed in the page's footer.
    public static func html(_ comparison: ReformComparison, on date: LocalDate? = nil) -> String {
        let escape = SimulationPage.escape
        var body = "<h1>\(escape(comparison.title))</h1>\n"
        body += "<section class=\"headline\" aria-labelledby=\"en-bref\"><h2 id=\"en-bref\">\(escape(ReformComparison.headlineTitle))</h2>\n<ul>\n"
            + comparison.headline.map { "<li>\(escape($0))</li>\n" }.joined() + "</ul></section>\n"
        body += list(ReformComparison.reformsTitle, comparison.reforms.map(\.line))
        body += "<h2>\(escape(ReformComparison.parametersTitle))</h2>\n"
            + SimulationPage.table(ReformComparison.parametersHeader, comparison.parameters, small: true)
        body += "<p>\(escape(comparison.portfolio))</p>\n"
        for scheme in comparison.schemes { body += section(scheme) }
        body += list(ReformComparison.unchangedTitle, comparison.unchangedSchemes)
        body += "<h2>\(escape(ReformComparison.methodTitle))</h2>\n<p>\(escape(comparison.method))</p>\n"
        let footer = comparison.title + (date.map { " — \($0.frenchLong)" } ?? "")
        return SimulationPage.document(title: comparison.title, footer: footer, extraStyle: style, body: body)
    }

    /// Reform B's colour, beside the simulation page's grey for today and blue for reform A.
    private static let style = """
        .reform-b{background:#c26a00}
        @media print{.reform-b{print-color-adjust:exact;-webkit-print-color-adjust:exact}}

        """

    private static func list(_ title: String, _ items: [String]) -> String {
        guard !items.isEmpty else { return "" }
        return "<h2>\(SimulationPage.escape(title))</h2>\n<ul>\n" + items.map { "<li>\(SimulationPage.escape($0))</li>\n" }.joined() + "</ul>\n"
    }

    private static func section(_ scheme: ReformComparison.Scheme) -> String {
        var body = "<section>\n<h2>\(SimulationPage.escape(scheme.title))</h2>\n"
        body += scheme.notes.map { "<p>\(SimulationPage.escape($0))</p>\n" }.joined()
        let charted = scheme.lines.prefix(2)
        let caption = "Montants accordés et demandes aidées, aujourd'hui, avec la réforme A et avec la réforme B, et les écarts."
        body += SimulationPage.figure(caption, chart: { name in chart(Array(charted), name: name) },
                                      table: SimulationPage.table(ReformComparison.schemeHeader, scheme.lines.map(\.cells), small: true),
                                      stacked: true)
        return body + "</section>\n"
    }

    /// For each line, the three levels on one scale, then the three differences on another, so
    /// that a small difference still shows.
    private static func chart(_ lines: [ReformComparison.Line], name: String) -> String {
        var html = "<div class=\"chart\" role=\"img\" aria-label=\"\(SimulationPage.escape(name))\">\n"
        html += "<p class=\"legend\" aria-hidden=\"true\"><span><i class=\"before\"></i>aujourd'hui</span><span><i class=\"after\"></i>réforme A</span>"
            + "<span><i class=\"reform-b\"></i>réforme B</span><span><i class=\"gain\"></i>hausse</span><span><i class=\"loss\"></i>baisse</span></p>\n"
        let series = ["aujourd'hui", "réforme A", "réforme B"], kinds = ["before", "after", "reform-b"]
        let changes = ["A − aujourd'hui", "B − aujourd'hui", "B − A"]
        for line in lines {
            let levels = max(line.levels.max() ?? 0, 1), differences = max(line.differences.map(abs).max() ?? 0, 1)
            html += "<div class=\"row\"><div class=\"label\">\(SimulationPage.escape(line.label))</div>\n"
            for index in 0..<3 {
                html += SimulationPage.bar(series[index], kinds[index], line.levels[index] / levels, line.values[index])
            }
            for index in 0..<3 {
                let difference = line.differences[index]
                let kind = difference > 0 ? "gain" : difference < 0 ? "loss" : "same"
                html += SimulationPage.bar(changes[index], kind, abs(difference) / differences, line.changes[index], change: true)
            }
            html += "</div>\n"
        }
        return html + "</div>\n"
    }
}
