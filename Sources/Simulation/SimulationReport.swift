import Decisions
import ExactDecimal
import RuleSet
import SchemeLanguage

/// The comparison report of a simulation, in French: Markdown, and a self-contained HTML page
/// whose charts are inline SVG (nothing is fetched from the network).
public enum SimulationReport {
    public static func markdown(_ summary: SimulationSummary, catalog: SchemeCatalog) -> String {
        var lines: [String] = []
        lines.append("# Simulation : \(summary.reform.name)")
        lines.append("")
        lines.append(summary.reform.rationale)
        lines.append("")
        lines.append("## Paramètres modifiés")
        lines.append("")
        lines.append("| Dispositif | Paramètre | Aujourd'hui | Avec la réforme |")
        lines.append("|---|---|---|---|")
        for row in overrideRows(summary, catalog: catalog) { lines.append("| " + row.map(cell).joined(separator: " | ") + " |") }
        lines.append("")
        lines.append(portfolioLine(summary))
        lines.append("")
        for (scheme, totals) in sortedSchemes(summary, catalog: catalog) {
            lines += schemeSection(scheme, totals, breakdown: summary.reform.breakdown[scheme.id])
        }
        lines += ["## Méthode", "", method(summary)]
        return lines.joined(separator: "\n") + "\n"
    }

    static func overrideRows(_ summary: SimulationSummary, catalog: SchemeCatalog) -> [[String]] {
        summary.reform.overrides.map { override in
            let scheme = catalog.schemes[override.scheme]
            let parameter = scheme?.parameters.first { $0.id == override.parameter }
            let today = parameter.map { parameter in
                parameter.versions.map { version in
                    FrenchFormat.value(version.value, type: parameter.type) + (version.from.map { " (depuis le \($0.frenchLong))" } ?? "")
                }.joined(separator: " ; ")
            } ?? "—"
            let type = parameter?.type ?? .text
            let after = FrenchFormat.value(override.value, type: type) + (override.from.map { " à compter du \($0.frenchLong)" } ?? "")
            return [scheme?.title ?? override.scheme, parameter?.label ?? override.parameter, today, after]
        }
    }

    /// How to read the figures, for readers who did not run the simulation.
    static func method(_ summary: SimulationSummary) -> String {
        "Chaque demande du portefeuille est évaluée deux fois, selon les règles en vigueur "
            + "et selon la réforme, qui ne modifie que les paramètres indiqués ci-dessus : les critères, les formules "
            + "et les textes restent ceux de la délibération. Les plafonds qui portent sur plusieurs demandes (par "
            + "maître d'ouvrage et par an, par exemple) sont appliqués dans l'ordre de dépôt, chaque évaluation tenant "
            + "son propre registre ; le registre des décisions n'est pas modifié. Seules les décisions favorables comptent "
            + "dans les montants accordés. Réforme : `\(summary.reform.file)`."
    }

    static func portfolioLine(_ summary: SimulationSummary) -> String {
        var line = "Portefeuille : \(count(summary.applications, "demande")) \(summary.applications > 1 ? "évaluées" : "évaluée") selon les règles actuelles et selon la réforme, chacune des deux évaluations tenant son propre registre."
        if summary.errors > 0 { line += summary.errors == 1
                ? " 1 document n'a pu être simulé en tout ou partie (voir l'erreur signalée par la commande)."
                : " \(count(summary.errors, "document")) n'ont pu être simulés en tout ou partie (voir les erreurs signalées par la commande)." }
        if summary.outOfOrder > 0 {
            line += " **Attention** : \(count(summary.outOfOrder, "demande")) du portefeuille \(summary.outOfOrder > 1 ? "étaient déposées" : "était déposée") avant une demande déjà évaluée ; les plafonds communs à plusieurs demandes ont été appliqués dans l'ordre du portefeuille et non dans l'ordre de dépôt."
        }
        if summary.interrupted { line += " **Simulation interrompue** : les chiffres portent sur les demandes évaluées avant l'interruption." }
        return line
    }

    static func sortedSchemes(_ summary: SimulationSummary, catalog: SchemeCatalog) -> [(Scheme, SimulationSummary.SchemeTotals)] {
        summary.schemes.keys.sorted().compactMap { id in catalog.schemes[id].map { ($0, summary.schemes[id]!) } }
    }

    private static func schemeSection(_ scheme: Scheme, _ totals: SimulationSummary.SchemeTotals, breakdown: String?) -> [String] {
        var lines = ["## \(scheme.title)", "", "### Issues des demandes", "", "| Issue | Aujourd'hui | Avec la réforme | Écart |", "|---|---|---|---|"]
        for outcome in Outcome.allCases {
            let before = totals.outcomesBefore[outcome] ?? 0, after = totals.outcomesAfter[outcome] ?? 0
            lines.append("| \(outcome.rawValue) | \(FrenchFormat.count(before)) | \(FrenchFormat.count(after)) | \(signed(after - before)) |")
        }
        let difference = totals.difference
        lines += ["", "### Montants accordés", "", "| | Aujourd'hui | Avec la réforme | Écart |", "|---|---|---|---|",
                  "| Total | \(FrenchFormat.money(totals.amountBefore)) | \(FrenchFormat.money(totals.amountAfter)) | \(signedMoney(difference))\(percent(difference, of: totals.amountBefore)) |"]
        for group in groups(totals, of: scheme, input: breakdown) {
            let entry = totals.byGroup[group.key]!
            let change = entry.difference
            lines.append("| dont `\(breakdown ?? "")` = \(cell(group.label)) (\(count(entry.count, "demande"))) | \(FrenchFormat.money(entry.before)) | \(FrenchFormat.money(entry.after)) | \(signedMoney(change)) |")
        }
        lines += ["", "### Écart par demande", "", "| Écart | Demandes |", "|---|---|"]
        for (index, band) in SimulationSummary.bands.enumerated() { lines.append("| \(band) | \(FrenchFormat.count(totals.distribution[index])) |") }
        lines += ["", "### Demandes qui gagnent le plus", ""] + changes(totals.winners)
        lines += ["", "### Demandes qui perdent le plus", ""] + changes(totals.losers)
        if let before = totals.envelopeBefore, let after = totals.envelopeAfter {
            lines += ["", "### Enveloppe", "", "| | Aujourd'hui | Avec la réforme |", "|---|---|---|",
                      "| Enveloppe | \(FrenchFormat.money(before)) | \(FrenchFormat.money(after)) |",
                      "| Aides accordées | \(FrenchFormat.money(totals.amountBefore)) | \(FrenchFormat.money(totals.amountAfter)) |",
                      "| Utilisation | \(percentOf(totals.amountBefore, before)) | \(percentOf(totals.amountAfter, after)) |"]
        }
        lines.append("")
        return lines
    }

    private static func changes(_ list: [SimulationSummary.Change]) -> [String] {
        guard !list.isEmpty else { return ["Aucune."] }
        return ["| Demande | Demandeur | Aujourd'hui | Avec la réforme | Écart |", "|---|---|---|---|---|"]
            + list.map { "| \(cell($0.application)) | \(cell($0.applicant)) | \(FrenchFormat.money($0.before)) | \(FrenchFormat.money($0.after)) | \(signedMoney($0.difference)) |" }
    }

    /// Text from the files, made safe inside a Markdown table cell.
    /// The breakdown's groups, each with what the report prints: for an input with named values
    /// (`inscrit_1`), their French labels in the order the scheme lists them; otherwise the
    /// values as written, sorted.
    static func groups(_ totals: SimulationSummary.SchemeTotals, of scheme: Scheme, input: String?) -> [(key: String, label: String)] {
        let keys = totals.byGroup.keys.sorted()
        guard let input, let index = scheme.inputIndex(input), case .enumeration(let domain) = scheme.inputs[index].type else {
            return keys.map { ($0, $0) }
        }
        // A group that is no value ("non renseigné") comes after the values.
        let rank = { (key: String) in domain.values.firstIndex(of: key) ?? domain.values.count }
        return keys.sorted { (rank($0), $0) < (rank($1), $1) }.map { ($0, domain.label(of: $0)) }
    }

    static func cell(_ text: String) -> String {
        text.replacing("|", with: "\\|").replacing("\n", with: " ").replacing("\r", with: " ")
    }

    /// "1 demande", "7 demandes".
    static func count(_ value: Int, _ noun: String) -> String {
        "\(FrenchFormat.count(value)) \(noun)\(value > 1 ? "s" : "")"
    }

    /// A ratio always shown with one decimal, "182,0 %", so that columns read alike.
    static func oneDecimal(_ ratio: DecimalNumber) -> String {
        ratio.frenchFormatted(minimumFractionDigits: 1)
    }

    static func signed(_ value: Int) -> String { value > 0 ? "+" + FrenchFormat.count(value) : FrenchFormat.count(value) }

    static func signedMoney(_ value: DecimalNumber) -> String {
        value > .zero ? "+" + FrenchFormat.money(value) : FrenchFormat.money(value)
    }

    static func percent(_ change: DecimalNumber, of base: DecimalNumber) -> String {
        guard !base.isZero, let ratio = try? change.multiplied(by: DecimalNumber(100)).divided(by: base, scale: 1, rounding: .halfUp) else { return "" }
        return " (\(ratio > .zero ? "+" : "")\(oneDecimal(ratio))\u{00A0}%)"
    }

    static func percentOf(_ part: DecimalNumber, _ whole: DecimalNumber) -> String {
        guard !whole.isZero, let ratio = try? part.multiplied(by: DecimalNumber(100)).divided(by: whole, scale: 1, rounding: .halfUp) else { return "—" }
        return "\(oneDecimal(ratio))\u{00A0}%"
    }
}
