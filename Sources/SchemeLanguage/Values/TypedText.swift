import ExactDecimal

/// Reads values from the cells of an export (a spreadsheet, a platform's API), where one column
/// may hold figures typed by people (`12 500,50 €`) and figures printed by programs (`12500.5`).
///
/// Stricter than application files: a single `.` followed by three digits (`12.500`) is refused
/// as ambiguous whatever the type, since a program's decimal point and a person's thousands
/// separator look alike there, and an amount must never change silently. Messages are French.
public enum TypedText {
    /// The value of `text` as `type`, or why it cannot be read. Booleans are `true` and `false`,
    /// dates `YYYY-MM-DD`, enumeration values their codes: other vocabularies are the caller's.
    public static func read(_ text: String, as type: ValueType) -> Result<Value, ValueProblem> {
        switch type {
        case .integer, .number, .money, .rate:
            return number(text, as: type)
        case .boolean, .date, .text, .enumeration:
            if let value = ScalarParsing.value(text, as: type) { return .success(value) }
            return .failure(ValueProblem("« \(ScalarParsing.truncated(text)) » n'est pas \(expected(type))"))
        case .set, .list:
            return .failure(ValueProblem("une liste se lit valeur par valeur"))
        }
    }

    private static func number(_ text: String, as type: ValueType) -> Result<Value, ValueProblem> {
        let (body, unit, noun) = parts(text, type)
        if let readings = NumberForms.dotGroupReadings(body) {
            return .failure(ambiguity(text, readings: readings, unit: unit, noun: noun, separator: "un point suivi"))
        }
        if case .ambiguous(let readings) = DecimalNumber.reading(body) {
            return .failure(ambiguity(text, readings: readings, unit: unit, noun: noun, separator: "une virgule suivie"))
        }
        if let value = ScalarParsing.value(text, as: type) { return .success(value) }
        if let problem = NumberForms.problem(text, as: type) { return .failure(ValueProblem(problem)) }
        return .failure(ValueProblem("« \(ScalarParsing.truncated(text)) » n'est pas \(expected(type))"))
    }

    /// « le montant « 12,500 € » est ambigu (12 500 € ou 12,5 € ?) : … écrivez « 12 500 € » ou « 12,5 € » »:
    /// only forms an export reads one way are suggested (never `12.500 €`).
    private static func ambiguity(_ text: String, readings: [DecimalNumber], unit: String, noun: String, separator: String) -> ValueProblem {
        let meanings = readings.map { NumberForms.written($0) + unit }
        let suggested = meanings.map { "« \($0) »" }.joined(separator: " ou ")
        return ValueProblem("\(noun) « \(ScalarParsing.truncated(text)) » est ambigu (\(meanings.joined(separator: " ou ")) ?) : "
            + "\(separator) de trois chiffres peut séparer les milliers ou les décimales ; écrivez \(suggested)")
    }

    private static func parts(_ text: String, _ type: ValueType) -> (Substring, String, String) {
        switch type {
        case .money: (ScalarParsing.strippingUnit(text, "€"), " €", "le montant")
        case .rate: (ScalarParsing.strippingUnit(text, "%"), " %", "le taux")
        default: (Substring(text), "", "le nombre")
        }
    }

    /// What a value of the type looks like, after « n'est pas ».
    public static func expected(_ type: ValueType) -> String {
        switch type {
        case .boolean: "une réponse oui ou non"
        case .integer: "un nombre entier (par exemple 12 ou 1 200)"
        case .number: "un nombre (par exemple 2,5 ou 1 234,5)"
        case .money: "un montant en euros (par exemple 12 500,50 €)"
        case .rate: "un taux suivi de % (par exemple 12,5 %)"
        case .date: "une date (AAAA-MM-JJ)"
        case .text: "un texte"
        case .enumeration(let domain): "un des codes \(domain.values.joined(separator: ", "))"
        case .set(let domain): "une liste de codes parmi \(domain.values.joined(separator: ", "))"
        case .list: "une liste"
        }
    }

    /// A value as an application file writes it, read back as the same value by `ScalarParsing`:
    /// `12 500,5 €`, `12,5 %`, `2020-10-12`, `true`, a code; nil for a set or a list.
    public static func written(_ value: Value) -> String? {
        switch value {
        case .boolean(let flag): return flag ? "true" : "false"
        case .integer(let integer): return String(integer)
        case .number(let number): return figure(number, unit: "", as: .number, value)
        case .money(let amount): return figure(amount, unit: " €", as: .money, value)
        case .rate(let proportion):
            guard let percent = try? proportion.multipliedByHundred() else { return nil }
            return figure(percent, unit: " %", as: .rate, value)
        case .date(let date): return date.description
        case .text(let text), .enumeration(let text): return text
        case .set, .list: return nil
        }
    }

    /// French figures with ordinary spaces, as a person types them (`12 500,5`), unless that
    /// would read otherwise (`12,125` is ambiguous): then the canonical `12.1250`.
    private static func figure(_ number: DecimalNumber, unit: String, as type: ValueType, _ value: Value) -> String {
        let french = number.frenchFormatted().replacing("\u{202F}", with: " ") + unit
        if ScalarParsing.value(french, as: type) == value { return french }
        return number.unambiguousDescription + unit
    }
}
