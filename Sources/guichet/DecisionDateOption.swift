import ArgumentParser
import Foundation
import SchemeLanguage

/// `--date AAAA-MM-JJ`, the decision date of the commands that decide (evaluate, select).
///
/// The only place that reads the clock: every module below takes the date it is given.
struct DecisionDateOption: ParsableArguments {
    @Option(name: .customLong("date"), help: ArgumentHelp("""
        Date de la décision (ou de l'instruction) : les paramètres datés prennent la valeur en vigueur ce jour-là ; \
        par défaut, aujourd'hui.
        """, valueName: "AAAA-MM-JJ"))
    var text: String?

    func validate() throws {
        if let text, LocalDate(iso: text) == nil {
            throw ValidationError("--date attend une date au format AAAA-MM-JJ, par exemple --date 2020-11-02 (reçu : \(text))")
        }
    }

    /// The date given, or today's date on this machine's clock.
    var value: LocalDate {
        text.flatMap { LocalDate(iso: $0) } ?? Self.today()
    }

    /// Today's civil date in the machine's time zone, read once per command.
    static func today() -> LocalDate {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        guard let year = parts.year, let month = parts.month, let day = parts.day,
              let date = LocalDate(year: year, month: month, day: day) else {
            // The clock always gives a valid day; should it not, fail loudly rather than decide on a made-up one.
            fatalError("the system clock gave no valid date")
        }
        return date
    }
}
