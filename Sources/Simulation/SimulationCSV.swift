import Evaluator
import ExactDecimal
import Imports
import Register
import SchemeLanguage

/// Each application before and after the reform, one line each, in either of two forms: for
/// the people who open it in a spreadsheet (the default), or for software.
public enum SimulationCSV {
    public enum Format: String, CaseIterable, Sendable {
        /// What LibreOffice and Excel open as they are set up in France: `;` between fields,
        /// decimal commas, French headers, UTF-8 with a byte order mark so that accents read right.
        case spreadsheet = "tableur"
        /// RFC 4180: commas, decimal points, English headers, no byte order mark.
        case rfc4180
    }

    public static let byteOrderMark = "\u{FEFF}"

    /// What the file starts with: the byte order mark, if any, then the header.
    public static func start(_ format: Format) -> String {
        switch format {
        case .spreadsheet: byteOrderMark + header(format)
        case .rfc4180: header(format)
        }
    }

    public static func header(_ format: Format) -> String {
        switch format {
        case .spreadsheet:
            ["Demande", "Dispositif", "Issue aujourd'hui", "Montant aujourd'hui (€)", "Issue avec la réforme",
             "Montant avec la réforme (€)", "Écart (€)", "Raison", "Ventilation", "Population de la commune",
             "Arrondissement"].map(spreadsheetField).joined(separator: ";")
        case .rfc4180: "application,scheme,outcome_before,amount_before,outcome_after,amount_after,difference,reason,"
            + "breakdown,population_band,arrondissement"
        }
    }

    /// What the commune columns hold for an application of no commune of the reference.
    static let unattached = "non rattachée au référentiel"

    /// One application's line; `reason`, in French, says why it changes (empty when it does not).
    /// The last columns are the reform's breakdowns: the value of its breakdown input, and the
    /// population band and arrondissement of the commune `communes` finds; empty when it has none.
    static func line(_ item: SimulationSummary.Item, _ change: SimulationSummary.Change, reason: String,
                     communes: CommuneReference? = nil, format: Format) -> String {
        var band = "", territory = ""
        if let index = item.commune, let communes {
            if Int(index) < communes.communes.count {
                let commune = communes.communes[Int(index)]
                band = CommuneReference.bands[Int(commune.band)]
                territory = communes.arrondissements[Int(commune.territory)]
            } else {
                (band, territory) = (unattached, unattached)
            }
        }
        let fields = [change.application, item.scheme, outcome(item.outcomeBefore, item.placementBefore), amount(change.before, format),
                      outcome(item.outcomeAfter, item.placementAfter), amount(change.after, format),
                      amount(change.difference, format), reason, item.group ?? "", band, territory]
        switch format {
        case .spreadsheet: return fields.map(spreadsheetField).joined(separator: ";")
        case .rfc4180: return fields.map(CSV.field).joined(separator: ",")
        }
    }

    /// The outcome, and for a call's admissible project its place: "favorable (retenue)",
    /// "favorable (liste d'attente)", "favorable (non retenue)".
    static func outcome(_ outcome: Outcome, _ placement: Placement?) -> String {
        switch placement {
        case nil: outcome.rawValue
        case .retained?: "\(outcome.rawValue) (retenue)"
        case .waitingList?: "\(outcome.rawValue) (liste d'attente)"
        case .notRetained?: "\(outcome.rawValue) (non retenue)"
        }
    }

    /// "1380.00" for software; "1380,00" for a spreadsheet, with no thousands separator, which
    /// would make it text.
    static func amount(_ value: DecimalNumber, _ format: Format) -> String {
        let canonical = FrenchFormat.moneyCanonical(value)
        return format == .spreadsheet ? canonical.replacing(".", with: ",") : canonical
    }

    /// The field as is, or quoted (quotes doubled) when it holds a semicolon, a quote or a line break.
    public static func spreadsheetField(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x3B || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }
}
