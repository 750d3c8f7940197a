import ExactDecimal
import Foundation
import RuleSet
import SchemeLanguage

/// The simulation report as one self-contained HTML page, for elected members and their staff:
/// the headline first, then each chart in a `<figure>` with its data table beside it (the same
/// figures as the Markdown report, from the same `ReformImpact`). The bars are HTML, not SVG, so
/// that their text keeps a readable size on a phone; each chart shows the change as well as the
/// two levels. Printed, the page is A4 with the reform's name and the date in its footer.
public enum SimulationPage {
    public static func html(_ summary: SimulationSummary, catalog: SchemeCatalog, on date: LocalDate? = nil) -> String {
        html(ReformImpact(summary, catalog: catalog), on: date)
    }

    /// `date`, the day the page is made, is printed in the page's footer.
    public static func html(_ impact: ReformImpact, on date: LocalDate? = nil) -> String {
        var body = "<h1>\(escape(impact.title))</h1>\n"
        if !impact.headline.isEmpty {
            body += "<section class=\"headline\" aria-labelledby=\"en-bref\"><h2 id=\"en-bref\">\(escape(ReformImpact.headlineTitle))</h2>\n<ul>\n"
                + impact.headline.map { "<li>\(escape($0))</li>\n" }.joined() + "</ul></section>\n"
        }
        body += "<p>\(escape(impact.rationale))</p>\n"
        body += "<h2>\(escape(ReformImpact.overridesTitle))</h2>\n" + table(ReformImpact.overridesHeader, impact.overrides.map(\.cells))
        body += "<p>\(inline(impact.portfolio))</p>\n"
        for scheme in impact.changedSchemes { body += section(scheme) }
        let unchanged = impact.unchangedSchemes
        if !unchanged.isEmpty {
            body += "<h2>\(escape(ReformImpact.unchangedTitle))</h2>\n<ul>\n" + unchanged.map { "<li>\(escape($0.unchangedLine))</li>\n" }.joined() + "</ul>\n"
        }
        body += "<h2>\(escape(ReformImpact.methodTitle))</h2>\n<p>\(inline(impact.method))</p>\n"
        let footer = impact.title + (date.map { " — \($0.frenchLong)" } ?? "")
        return document(title: impact.title, footer: footer, body: body)
    }

    /// A whole page in French: `body` in its `main`, the style sheet with `extraStyle` after it,
    /// and `footer` printed at the bottom of each page.
    static func document(title: String, footer: String, extraStyle: String = "", body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="fr"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>
        \(style)\(extraStyle)\(pageRule(footer: footer))
        </style>
        </head><body><main>
        \(body)</main></body></html>

        """
    }

    /// The printed page: A4, `footer` at the bottom left, the page number at the bottom right.
    static func pageRule(footer: String) -> String {
        "@page{size:A4;margin:1.5cm 1.5cm 1.8cm;@bottom-left{content:\"\(cssString(footer))\";font:8pt sans-serif;color:#444}"
            + "@bottom-right{content:\"Page \" counter(page) \" sur \" counter(pages);font:8pt sans-serif;color:#444}}"
    }

    static let style = """
        body{font-family:Arial,"Liberation Sans",Helvetica,sans-serif;font-size:1rem;line-height:1.4;color:#1a1a1a;margin:0;padding:1rem}
        main{max-width:64rem;margin:0 auto}
        h1{font-size:1.6rem;line-height:1.25}h2{font-size:1.3rem;margin-top:2rem;border-bottom:2px solid #1f5fa8}h3{font-size:1.1rem;margin-top:1.5rem}h4{font-size:1rem;margin:1.2rem 0 .4rem}
        .headline{background:#eef3fa;border-left:.35rem solid #1f5fa8;padding:.2rem 1rem;margin:1rem 0}.headline h2{border:0;margin-top:.8rem}
        .headline li{margin:.3rem 0}.reasons li{margin:.4rem 0}
        .scroll{overflow-x:auto;max-width:100%}
        table{border-collapse:collapse;margin:.5rem 0 1rem}
        td,th{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#f0f0f0}td.num{text-align:right;white-space:nowrap}
        figure{margin:1rem 0}figcaption{font-style:italic;margin-bottom:.5rem}
        .pair{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1.5rem;align-items:start}
        .pair.stacked{grid-template-columns:minmax(0,1fr)}
        .legend{margin:0 0 .5rem;font-size:.9rem}.legend span{display:inline-block;margin-right:1rem;white-space:nowrap}
        .legend i{display:inline-block;width:.9rem;height:.9rem;margin-right:.3rem;vertical-align:-.1rem}
        .chart .row{margin:0 0 .7rem}.chart .label{font-weight:bold;font-size:.95rem}
        .bar{display:flex;align-items:center;gap:.4rem;font-size:.95rem;min-height:1.3rem}
        .bar .series{flex:none;width:7.5rem;color:#444;font-size:.85rem}
        .bar .track{flex:1;display:flex;align-items:center;gap:.4rem;min-width:0}
        .bar i{flex:none;display:block;height:.9rem;min-width:1px;width:calc(var(--share) * 55%)}
        .bar span.value{white-space:nowrap}
        .before{background:#8a8a8a}.after{background:#1f5fa8}.gain{background:#1b7a3d}.loss{background:#b3261e}.same{background:#8a8a8a}
        .bar.change span.value{font-weight:bold}
        @media (max-width:50rem){.pair{grid-template-columns:minmax(0,1fr)}.bar .series{width:5.6rem;font-size:.8rem}
        .bar i{width:calc(var(--share) * 40%)}}
        @media (max-width:40rem){table,tbody,tr,td{display:block}thead{display:none}table{border:0;width:100%}
        tr{border:1px solid #bbb;margin:0 0 .6rem}td{border:0;border-top:1px solid #e2e2e2;display:flex;gap:1rem;justify-content:space-between;text-align:right}
        td:first-child{border-top:0;background:#f0f0f0;font-weight:bold;text-align:left}td:first-child::before{display:none}td.num{white-space:normal}
        td[data-label]:not([data-label=""])::before{content:attr(data-label);font-weight:bold;text-align:left;flex:none;max-width:45%}
        td[data-label="Raison"]{flex-direction:column;gap:.2rem;text-align:left}}
        @media print{body{padding:0;font-size:10pt}main{max-width:none}h1,h2,h3,h4{break-after:avoid;break-inside:avoid}td.num{white-space:normal}figure,.headline,table.small,li{break-inside:avoid}
        .pair:not(.stacked){grid-template-columns:minmax(0,1fr) minmax(0,1fr)}.scroll{overflow:visible}a{color:inherit}
        .before,.after,.gain,.loss,.same,th,.headline{print-color-adjust:exact;-webkit-print-color-adjust:exact}}

        """

    private static func section(_ scheme: SchemeImpact) -> String {
        var body = "<section>\n<h2>\(escape(scheme.title))</h2>\n"
        let outcomes = scheme.outcomes.map { row in
            Row(label: row.outcome.rawValue, before: (Double(row.before), row.beforeText), after: (Double(row.after), row.afterText),
                change: (Double(row.change), FrenchFormat.signedCount(row.change)))
        }
        body += "<h3>\(escape(SchemeImpact.outcomesTitle))</h3>\n"
        body += figure("Nombre de demandes par issue, aujourd'hui et avec la réforme, et l'écart.",
                       chart: comparison(outcomes), table: table(SchemeImpact.outcomesHeader, scheme.outcomes.map(\.cells), small: true))
        var amounts = [Row(label: SchemeImpact.totalLabel, scheme.total)]
        var rows = [[SchemeImpact.totalLabel] + scheme.total.cells]
        for group in scheme.groups {
            let label = "\(group.label) (\(group.applications))"
            amounts.append(Row(label: label, group.amounts))
            rows.append([label] + group.amounts.cells)
        }
        body += "<h3>\(escape(SchemeImpact.amountsTitle))</h3>\n"
        // The question in the caption, so that printing keeps it with its chart.
        let amountsCaption = "Montants accordés, aujourd'hui et avec la réforme, et l'écart"
            + (scheme.breakdownQuestion.map { " : au total, puis selon la réponse à la question « \($0) »." } ?? ".")
        body += figure(amountsCaption, chart: comparison(amounts),
                       table: table(SchemeImpact.amountsHeader, rows, small: rows.count <= 12), stacked: true)
        body += communes(scheme)
        if !scheme.parts.isEmpty {
            body += "<h3>\(escape(SchemeImpact.partsTitle))</h3>\n" + table(SchemeImpact.partsHeader, scheme.partRows, small: true)
        }
        body += "<h3>\(escape(SchemeImpact.bandsTitle))</h3>\n"
        body += figure("Nombre de demandes selon l'écart entre leur montant avec la réforme et leur montant d'aujourd'hui.",
                       chart: bands(scheme.bands), table: table(SchemeImpact.bandsHeader, scheme.bands.map(\.cells), small: true))
        if !scheme.reasons.isEmpty {
            body += "<h3>\(escape(SchemeImpact.reasonsTitle))</h3>\n<p>\(escape(SchemeImpact.reasonsIntroduction))</p>\n<ul class=\"reasons\">\n"
                + scheme.reasons.map { "<li>\(escape($0.sentence))</li>\n" }.joined() + "</ul>\n"
        }
        body += "<h3>\(escape(SchemeImpact.winnersTitle))</h3>\n" + changes(scheme.winners)
        body += "<h3>\(escape(SchemeImpact.losersTitle))</h3>\n" + changes(scheme.losers)
        if let call = scheme.call {
            body += "<h3>\(escape(SchemeImpact.callTitle))</h3>\n" + call.notes.map { "<p>\(escape($0))</p>\n" }.joined()
                + table(SchemeImpact.callHeader, call.rows, small: true)
        } else if let envelope = scheme.envelope {
            body += "<h3>\(escape(SchemeImpact.envelopeTitle))</h3>\n" + table(SchemeImpact.envelopeHeader, envelope.rows, small: true)
        }
        return body + "</section>\n"
    }

    /// The amounts by the commune's population band and by its arrondissement, when joined:
    /// each a chart with its table, as the amounts above.
    private static func communes(_ scheme: SchemeImpact) -> String {
        guard let introduction = scheme.communesIntroduction else { return "" }
        var body = "<h3>\(escape(SchemeImpact.communesTitle))</h3>\n<p>\(escape(introduction))</p>\n"
        for (title, header, groups) in [(SchemeImpact.populationTitle, SchemeImpact.populationHeader, scheme.populationGroups),
                                        (SchemeImpact.territoryTitle, SchemeImpact.territoryHeader, scheme.territoryGroups)] {
            guard !groups.isEmpty else {
                body += "<h4>\(escape(title))</h4>\n<p>\(escape(SchemeImpact.hiddenBreakdown))</p>\n"
                continue
            }
            let rows = SchemeImpact.rows(groups)
            let caption = "Montants accordés, aujourd'hui et avec la réforme, et l'écart, \(title.prefix(1).lowercased() + title.dropFirst())."
            body += figure(caption, chart: comparison(zip(groups, rows).map { Row(label: $1[0], $0.amounts) }),
                           table: table(header, rows, small: rows.count <= 12), stacked: true, heading: title)
        }
        return body
    }

    /// One line of a comparison chart: two levels and their change, each with its French text.
    struct Row {
        let label: String
        let before: (Double, String)
        let after: (Double, String)
        let change: (Double, String)

        init(label: String, before: (Double, String), after: (Double, String), change: (Double, String)) {
            self.label = label
            self.before = before
            self.after = after
            self.change = change
        }

        init(label: String, _ amounts: SchemeImpact.Amounts) {
            self.init(label: label, before: (length(amounts.before), amounts.beforeText), after: (length(amounts.after), amounts.afterText),
                      change: (length(amounts.difference), FrenchFormat.signedMoney(amounts.difference)))
        }
    }

    /// A chart with its table beside it (under it on a phone, or when `stacked`), in a figure
    /// whose caption names both.
    /// `heading`, a title put inside the figure, so that printing keeps it with its chart.
    static func figure(_ caption: String, chart: (String) -> String, table: String, stacked: Bool = false, heading: String? = nil) -> String {
        let chart = chart("Graphique en barres. \(caption) Les chiffres sont dans le tableau qui l'accompagne.")
        return "<figure>\n" + (heading.map { "<h4>\(escape($0))</h4>\n" } ?? "") + "<figcaption>\(escape(caption))</figcaption>\n<div class=\"pair\(stacked ? " stacked" : "")\">\n\(chart)\(table)</div>\n</figure>\n"
    }

    /// For each label, today's bar, the reform's and the change's, each followed by its value.
    /// The levels share one scale; the changes another, so that a change of a few percent still
    /// shows. The longest bar takes about half the width, leaving the rest to its value.
    private static func comparison(_ rows: [Row]) -> (String) -> String { { name in comparison(rows, name: name) } }

    private static func comparison(_ rows: [Row], name: String) -> String {
        let levels = max(rows.flatMap { [$0.before.0, $0.after.0] }.max() ?? 0, 1)
        let changes = max(rows.map { abs($0.change.0) }.max() ?? 0, 1)
        var html = "<div class=\"chart\" role=\"img\" aria-label=\"\(escape(name))\">\n"
        html += "<p class=\"legend\" aria-hidden=\"true\"><span><i class=\"before\"></i>aujourd'hui</span><span><i class=\"after\"></i>avec la réforme</span>"
            + "<span><i class=\"gain\"></i>hausse</span><span><i class=\"loss\"></i>baisse</span></p>\n"
        for row in rows {
            let sign = row.change.0 > 0 ? "gain" : row.change.0 < 0 ? "loss" : "same"
            html += "<div class=\"row\"><div class=\"label\">\(escape(row.label))</div>\n"
            html += bar("aujourd'hui", "before", row.before.0 / levels, row.before.1)
            html += bar("avec la réforme", "after", row.after.0 / levels, row.after.1)
            html += bar("écart", sign, abs(row.change.0) / changes, row.change.1, change: true)
            html += "</div>\n"
        }
        return html + "</div>\n"
    }

    /// The bands of change, losses in red, gains in green.
    private static func bands(_ bands: [SchemeImpact.Band]) -> (String) -> String { { name in self.bands(bands, name: name) } }

    private static func bands(_ bands: [SchemeImpact.Band], name: String) -> String {
        let largest = max(Double(bands.map(\.count).max() ?? 0), 1)
        var html = "<div class=\"chart\" role=\"img\" aria-label=\"\(escape(name))\">\n"
        for (index, band) in bands.enumerated() {
            let middle = SimulationSummary.bands.count / 2
            let kind = index < middle ? "loss" : index > middle ? "gain" : "same"
            html += "<div class=\"row\"><div class=\"label\">\(escape(band.label))</div>\n"
                + bar(nil, kind, Double(band.count) / largest, band.countText) + "</div>\n"
        }
        return html + "</div>\n"
    }

    static func bar(_ series: String?, _ kind: String, _ share: Double, _ value: String, change: Bool = false) -> String {
        let share = String(format: "%.3f", max(0, min(1, share)))
        return "<div class=\"bar\(change ? " change" : "")\">" + (series.map { "<span class=\"series\">\(escape($0))</span>" } ?? "")
            + "<span class=\"track\"><i class=\"\(kind)\" style=\"--share:\(share)\"></i><span class=\"value\">\(escape(value))</span></span></div>\n"
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

    private static func changes(_ rows: [SchemeImpact.ChangeRow]) -> String {
        guard !rows.isEmpty else { return "<p>\(SchemeImpact.noChange)</p>\n" }
        return table(SchemeImpact.changesHeader, rows.map(\.cells), small: true)
    }

    /// A table, figures aligned right; on a phone each row becomes a card, every cell named by
    /// its column (`data-label`). A `small` one (a dozen rows at most) is kept on one page when
    /// printed; a longer one repeats its header on each page.
    static func table(_ header: [String], _ rows: [[String]], small: Bool = false) -> String {
        "<div class=\"scroll\"><table\(small ? " class=\"small\"" : "")><thead><tr>" + header.map { "<th scope=\"col\">\(escape($0))</th>" }.joined()
            + "</tr></thead>\n<tbody>\n"
            + rows.map { row in
                "<tr>" + row.enumerated().map { index, cell in
                    let name = index < header.count ? header[index] : ""
                    return "<td data-label=\"\(escape(name))\"\(isFigure(cell) ? " class=\"num\"" : "")>\(escape(cell))</td>"
                }.joined() + "</tr>\n"
            }.joined()
            + "</tbody></table></div>\n"
    }

    /// Whether a cell is only a figure ("+6 000,00 € (+15,2 %)"), to align it right.
    private static func isFigure(_ cell: String) -> Bool {
        cell.contains(where: \.isNumber) && cell.allSatisfy { $0.isNumber || " \u{00A0}\u{202F},+-€%()".contains($0) }
    }

    static func escape(_ text: String) -> String {
        text.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;").replacing("\"", with: "&quot;")
    }

    /// Text inside a CSS string: quotes and backslashes escaped, and `<` too, so that no
    /// `</style>` can end the sheet.
    static func cssString(_ text: String) -> String {
        text.unicodeScalars.map { scalar -> String in
            switch scalar {
            case "\\", "\"", "<", "\n", "\r": "\\" + String(scalar.value, radix: 16) + " "
            default: String(scalar)
            }
        }.joined()
    }
}
