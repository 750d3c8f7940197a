import Batch
import Platform
import SchemeLanguage

/// The table printed after a batch: a row per entry, columns as wide as their widest cell,
/// then the counts. Written line by line, from two passes over the entries, so that a batch of
/// a million applications prints without building the whole table.
enum SummaryTable {
    /// - Parameter allocations: the schemes that compute an allocation rather than decide on an
    ///   application: their rows read « dotation calculée », not « favorable ».
    static func print(_ report: some BatchResults, stage: Stage, allocations: Set<String> = [], line: (String) -> Void) {
        let header = ["Demande", "Dispositif", stage == .simulation ? "Résultat simulé" : "Avis", "Montant", "Document"]
        var widths = header.prefix(4).map(\.count)
        var counts = Counts(allocations: allocations)
        func cells(_ entry: BatchEntry, withDocument: Bool = true) -> [String] {
            Self.cells(entry, withDocument: withDocument, allocation: entry.schemeID.map(allocations.contains) ?? false)
        }
        for entry in report.entries {
            let row = cells(entry, withDocument: false)
            for column in 0..<4 { widths[column] = max(widths[column], row[column].count) }
            counts.add(entry)
        }
        widths = widths.map { $0 + 2 }
        func render(_ row: [String]) -> String { (0..<4).map { Console.pad(row[$0], widths[$0]) }.joined() + row[4] }
        line(render(header))
        for entry in report.entries { line(render(cells(entry))) }
        line("")
        let what = stage == .simulation ? FrenchFormat.count(counts.entries, "simulation")
            : FrenchFormat.count(counts.entries, "demande instruite", "demandes instruites")
        line("\(what) : " + counts.description)
    }

    /// The row's cells, escaped; the last, never padded, only when it is printed.
    private static func cells(_ entry: BatchEntry, withDocument: Bool, allocation: Bool) -> [String] {
        let outcome = allocation && entry.outcome == .favorable ? "dotation calculée" : entry.outcome?.rawValue ?? "ERREUR"
        return [entry.id ?? "?", entry.schemeID ?? "?", outcome,
         entry.amount.map(FrenchFormat.money) ?? "", withDocument ? document(entry) : ""].map { TerminalText.escaped($0) }
    }

    private static func document(_ entry: BatchEntry) -> String {
        if let kept = entry.kept { return "inchangée (\(kept.frenchName) au registre)" }
        let shown = entry.decisionPath ?? "\(entry.mark)"
        return entry.unrecorded == nil ? shown : "\(shown) (non enregistrée au registre)"
    }

    /// The batch's counts, as `BatchResults` counts them (`count(of:)`, `failureCount`), in one pass.
    private struct Counts: CustomStringConvertible {
        let allocations: Set<String>
        var entries = 0
        var computed = 0
        var outcomes: [Outcome: Int] = [:]
        var kept = 0
        var failures = 0

        mutating func add(_ entry: BatchEntry) {
            entries += 1
            if let outcome = entry.outcome, entry.unrecorded == nil {
                if outcome == .favorable, let scheme = entry.schemeID, allocations.contains(scheme) {
                    computed += 1
                } else {
                    outcomes[outcome, default: 0] += 1
                }
            }
            if entry.kept != nil { kept += 1 }
            if !entry.diagnostics.isEmpty { failures += 1 }
        }

        var description: String {
            var counts = computed > 0 ? [FrenchFormat.count(computed, "dotation calculée", "dotations calculées")] : []
            counts += Outcome.allCases.compactMap { outcome in outcomes[outcome].map(outcome.counted) }
            if kept > 0 {
                let agreed = FrenchFormat.agreed(kept, "déjà proposée ou décidée, inchangée", "déjà proposées ou décidées, inchangées")
                counts.append("\(FrenchFormat.count(kept)) \(agreed)")
            }
            if failures > 0 { counts.append("\(FrenchFormat.count(failures)) en erreur") }
            return counts.isEmpty ? "aucune" : counts.joined(separator: ", ")
        }
    }
}
