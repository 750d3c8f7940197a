import ExactDecimal
import Foundation
import RuleSet
import SchemeLanguage

/// The simulation report as one HTML page, charts in inline SVG, for elected members.
public enum SimulationPage {
    public static func html(_ summary: SimulationSummary, catalog: SchemeCatalog) -> String {
        html(ReformImpact(summary, catalog: catalog))
    }

    public static func html(_ impact: ReformImpact) -> String {
        var body = "<h1>\(escape(impact.title))</h1>\n<p>\(escape(impact.rationale))</p>\n"
        body += "<h2>\(escape(ReformImpact.overridesTitle))</h2>\n" + table(ReformImpact.overridesHeader, impact.overrides.map(\.cells))
        body += "<p>\(inline(impact.portfolio))</p>\n"
        for scheme in impact.schemes { body += section(scheme) }
        body += "<h2>\(escape(ReformImpact.methodTitle))</h2>\n<p>\(inline(impact.method))</p>\n"
        return """
            <!DOCTYPE html>
            <html lang="fr"><head><meta charset="utf-8"><title>\(escape(impact.title))</title>
            <style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;color:#222}table{border-collapse:collapse;margin:1rem 0}
            td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}th{background:#f3f3f3}.legend span{display:inline-block;width:1rem;height:1rem;margin:0 .3rem 0 1rem;vertical-align:middle}</style>
            </head><body>
            \(body)</body></html>

            """
    }

    private static func section(_ scheme: SchemeImpact) -> String {
        var body = "<h2>\(escape(scheme.title))</h2>\n"
        let outcomes = scheme.outcomes.map { ($0.outcome.rawValue, [(Double($0.before), $0.beforeText), (Double($0.after), $0.afterText)]) }
        body += "<h3>\(escape(SchemeImpact.outcomesTitle))</h3>\n" + chart(outcomes, series: beforeAndAfter)
        body += "<h3>\(escape(SchemeImpact.amountsTitle))</h3>\n" + table(SchemeImpact.amountsHeader, [[SchemeImpact.totalLabel] + scheme.total.cells])
        if let input = scheme.breakdown {
            let groups = scheme.groups.map { group in
                ("\(input) = \(group.label) (\(group.applications))",
                 [(length(group.amounts.before), group.amounts.beforeText), (length(group.amounts.after), group.amounts.afterText)])
            }
            body += "<p>Montants selon <code>\(escape(input))</code> :</p>\n" + chart(groups, series: beforeAndAfter)
        }
        let bands = scheme.bands.map { ($0.label, [(Double($0.count), $0.countText)]) }
        body += "<h3>\(escape(SchemeImpact.bandsTitle))</h3>\n" + chart(bands, series: [(name: "demandes", colour: "#2a6ebb")])
        body += "<h3>\(escape(SchemeImpact.winnersTitle))</h3>\n" + changes(scheme.winners)
        body += "<h3>\(escape(SchemeImpact.losersTitle))</h3>\n" + changes(scheme.losers)
        if let envelope = scheme.envelope {
            body += "<h3>\(escape(SchemeImpact.envelopeTitle))</h3>\n" + table(SchemeImpact.envelopeHeader, envelope.rows)
        }
        return body
    }

    /// The page shows emphasis and code as plain text.
    private static func inline(_ spans: [ReformImpact.Span]) -> String {
        spans.map { span in
            switch span {
            case .text(let text), .strong(let text), .code(let text): escape(text)
            }
        }.joined()
    }

    /// An amount as a bar's length: only the drawing is approximate, never the figure shown.
    private static func length(_ value: DecimalNumber) -> Double {
        Double(value.rounded(scale: 2, rule: .halfUp).description) ?? 0
    }

    /// One bar per series for each label: today in grey, the reform in blue. Each value comes
    /// with its French text, so the chart reads like the tables. The label stands on its own
    /// line above its bars: a category's French label is too long to share a line with them.
    private static func chart(_ rows: [(label: String, values: [(Double, String)])], series: [(name: String, colour: String)]) -> String {
        let maximum = max(1, rows.flatMap { $0.values.map(\.0) }.max() ?? 1)
        let barHeight = 12, labelHeight = 16, width = 720
        let rowHeight = labelHeight + series.count * (barHeight + 1) + 8
        let barWidth = Double(width - 130)
        var svg = "<div class=\"legend\">" + series.map { "<span style=\"background:\($0.colour)\"></span>\(escape($0.name))" }.joined() + "</div>\n"
        svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(rows.count * rowHeight + 10)\" role=\"img\">\n"
        for (index, row) in rows.enumerated() {
            let y = index * rowHeight + 5
            svg += "<text x=\"0\" y=\"\(y + 12)\" font-size=\"12\">\(escape(row.label))</text>\n"
            for (offset, (value, shown)) in row.values.enumerated() {
                let length = Int(value / maximum * barWidth)
                let top = y + labelHeight + offset * (barHeight + 1)
                svg += "<rect x=\"0\" y=\"\(top)\" width=\"\(length)\" height=\"\(barHeight)\" fill=\"\(series[offset].colour)\"/>"
                svg += "<text x=\"\(length + 4)\" y=\"\(top + 10)\" font-size=\"10\">\(escape(shown))</text>\n"
            }
        }
        return svg + "</svg>\n"
    }

    private static let beforeAndAfter = [(name: "aujourd'hui", colour: "#999"), (name: "avec la réforme", colour: "#2a6ebb")]

    private static func changes(_ rows: [SchemeImpact.ChangeRow]) -> String {
        guard !rows.isEmpty else { return "<p>\(SchemeImpact.noChange)</p>\n" }
        return table(SchemeImpact.changesHeader, rows.map(\.cells))
    }

    private static func table(_ header: [String], _ rows: [[String]]) -> String {
        "<table><tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr>\n"
            + rows.map { "<tr>" + $0.map { "<td>\(escape($0))</td>" }.joined() + "</tr>\n" }.joined() + "</table>\n"
    }

    static func escape(_ text: String) -> String {
        text.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;").replacing("\"", with: "&quot;")
    }
}
