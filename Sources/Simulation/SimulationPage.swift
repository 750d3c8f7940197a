import Decisions
import ExactDecimal
import Foundation
import RuleSet
import SchemeLanguage

/// The simulation report as one HTML page, charts in inline SVG, for elected members.
public enum SimulationPage {
    public static func html(_ summary: SimulationSummary, catalog: SchemeCatalog) -> String {
        var body = "<h1>Simulation : \(escape(summary.reform.name))</h1>\n<p>\(escape(summary.reform.rationale))</p>\n"
        body += "<h2>Paramètres modifiés</h2>\n" + table(["Dispositif", "Paramètre", "Aujourd'hui", "Avec la réforme"],
                                                         SimulationReport.overrideRows(summary, catalog: catalog))
        body += "<p>\(escape(SimulationReport.portfolioLine(summary).replacing("**", with: "")))</p>\n"
        for (scheme, totals) in SimulationReport.sortedSchemes(summary, catalog: catalog) {
            body += "<h2>\(escape(scheme.title))</h2>\n"
            let outcomes = Outcome.allCases.map { ($0.rawValue, totals.outcomesBefore[$0] ?? 0, totals.outcomesAfter[$0] ?? 0) }
            body += "<h3>Issues des demandes</h3>\n" + counts(outcomes)
            let difference = totals.difference
            body += "<h3>Montants accordés</h3>\n" + table(["", "Aujourd'hui", "Avec la réforme", "Écart"], [[
                "Total", FrenchFormat.money(totals.amountBefore), FrenchFormat.money(totals.amountAfter),
                SimulationReport.signedMoney(difference) + SimulationReport.percent(difference, of: totals.amountBefore)]])
            if let input = summary.reform.breakdown[scheme.id], !totals.byGroup.isEmpty {
                let groups = SimulationReport.groups(totals, of: scheme, input: input).map { group in
                    let entry = totals.byGroup[group.key]!
                    return ("\(input) = \(group.label) (\(SimulationReport.count(entry.count, "demande")))", entry.before, entry.after)
                }
                body += "<p>Montants selon <code>\(escape(input))</code> :</p>\n" + amounts(groups)
            }
            let bands = SimulationSummary.bands.enumerated().map { ($1, [(Double(totals.distribution[$0]), FrenchFormat.count(totals.distribution[$0]))]) }
            body += "<h3>Nombre de demandes par écart de montant</h3>\n" + chart(bands, series: [(name: "demandes", colour: "#2a6ebb")])
            body += "<h3>Demandes qui gagnent le plus</h3>\n" + changes(totals.winners)
            body += "<h3>Demandes qui perdent le plus</h3>\n" + changes(totals.losers)
            if let envelope = totals.envelopeBefore, let reformed = totals.envelopeAfter {
                body += "<h3>Enveloppe</h3>\n" + table(["", "Aujourd'hui", "Avec la réforme"], [
                    ["Enveloppe", FrenchFormat.money(envelope), FrenchFormat.money(reformed)],
                    ["Aides accordées", FrenchFormat.money(totals.amountBefore), FrenchFormat.money(totals.amountAfter)],
                    ["Utilisation de l'enveloppe", SimulationReport.percentOf(totals.amountBefore, envelope),
                     SimulationReport.percentOf(totals.amountAfter, reformed)]])
            }
        }
        body += "<h2>Méthode</h2>\n<p>\(escape(SimulationReport.method(summary).replacing("`", with: "")))</p>\n"
        return """
            <!DOCTYPE html>
            <html lang="fr"><head><meta charset="utf-8"><title>Simulation : \(escape(summary.reform.name))</title>
            <style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;color:#222}table{border-collapse:collapse;margin:1rem 0}
            td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}th{background:#f3f3f3}.legend span{display:inline-block;width:1rem;height:1rem;margin:0 .3rem 0 1rem;vertical-align:middle}</style>
            </head><body>
            \(body)</body></html>

            """
    }

    private static func double(_ value: DecimalNumber) -> Double {
        Double(value.rounded(scale: 2, rule: .halfUp).description) ?? 0
    }

    /// One bar per series for each label: today in grey, the reform in blue. Each value comes
    /// with its French text, so the chart reads like the tables.
    private static func chart(_ rows: [(label: String, values: [(Double, String)])], series: [(name: String, colour: String)]) -> String {
        let maximum = max(1, rows.flatMap { $0.values.map(\.0) }.max() ?? 1)
        let barHeight = 12, rowHeight = series.count * (barHeight + 1) + 10, width = 720, labelWidth = 220
        let barWidth = Double(width - labelWidth - 130)
        var svg = "<div class=\"legend\">" + series.map { "<span style=\"background:\($0.colour)\"></span>\(escape($0.name))" }.joined() + "</div>\n"
        svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(rows.count * rowHeight + 10)\" role=\"img\">\n"
        for (index, row) in rows.enumerated() {
            let y = index * rowHeight + 5
            svg += "<text x=\"0\" y=\"\(y + 12)\" font-size=\"12\">\(escape(row.label))</text>\n"
            for (offset, (value, shown)) in row.values.enumerated() {
                let length = Int(value / maximum * barWidth)
                let top = y + offset * (barHeight + 1)
                svg += "<rect x=\"\(labelWidth)\" y=\"\(top)\" width=\"\(length)\" height=\"\(barHeight)\" fill=\"\(series[offset].colour)\"/>"
                svg += "<text x=\"\(labelWidth + length + 4)\" y=\"\(top + 10)\" font-size=\"10\">\(escape(shown))</text>\n"
            }
        }
        return svg + "</svg>\n"
    }

    private static let beforeAndAfter = [(name: "aujourd'hui", colour: "#999"), (name: "avec la réforme", colour: "#2a6ebb")]

    private static func counts(_ rows: [(String, Int, Int)]) -> String {
        chart(rows.map { ($0.0, [(Double($0.1), FrenchFormat.count($0.1)), (Double($0.2), FrenchFormat.count($0.2))]) }, series: beforeAndAfter)
    }

    private static func amounts(_ rows: [(String, DecimalNumber, DecimalNumber)]) -> String {
        chart(rows.map { ($0.0, [(double($0.1), FrenchFormat.money($0.1)), (double($0.2), FrenchFormat.money($0.2))]) }, series: beforeAndAfter)
    }

    private static func changes(_ list: [SimulationSummary.Change]) -> String {
        guard !list.isEmpty else { return "<p>Aucune.</p>\n" }
        return table(["Demande", "Demandeur", "Aujourd'hui", "Avec la réforme", "Écart"], list.map {
            [$0.application, $0.applicant, FrenchFormat.money($0.before), FrenchFormat.money($0.after), SimulationReport.signedMoney($0.difference)]
        })
    }

    private static func table(_ header: [String], _ rows: [[String]]) -> String {
        "<table><tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr>\n"
            + rows.map { "<tr>" + $0.map { "<td>\(escape($0))</td>" }.joined() + "</tr>\n" }.joined() + "</table>\n"
    }

    static func escape(_ text: String) -> String {
        text.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;").replacing("\"", with: "&quot;")
    }
}
