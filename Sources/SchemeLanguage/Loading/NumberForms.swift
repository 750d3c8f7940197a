import ExactDecimal

/// Explains why a number written in a file was refused, when the reason is not plain: a form
/// that reads in two ways (`60,000 €`) or a whole number too large for an integer.
///
/// Only runs once a value has been refused, so the accepted path stays as fast as it was.
enum NumberForms {
    static func problem(_ text: String, as type: ValueType) -> String? {
        let (body, unit, noun): (Substring, String, String)
        switch type {
        case .money: (body, unit, noun) = (ScalarParsing.strippingUnit(text, "€"), " €", "le montant")
        case .rate: (body, unit, noun) = (ScalarParsing.strippingUnit(text, "%"), " %", "le taux")
        case .integer, .number: (body, unit, noun) = (Substring(text), "", "le nombre")
        default: return nil
        }
        if type == .number || type == .rate, let readings = dotGroupReadings(body) {
            return ambiguity(text, readings: readings, unit: unit, noun: noun, dotGroups: false)
        }
        switch DecimalNumber.reading(body) {
        case .ambiguous(let readings):
            return ambiguity(text, readings: readings, unit: unit, noun: noun)
        case .number(let value) where type == .integer && value.isWhole && value.integerValue() == nil:
            return "le nombre entier \(ScalarParsing.quoted(text)) est trop grand : il doit être compris entre \(written(DecimalNumber(Int.min))) et \(written(DecimalNumber(Int.max)))"
        default:
            return nil
        }
    }

    /// For a plain number or a rate, `2.250` may be a French 2 250 or an English 2,25: the
    /// thousands reading that suits amounts in euros is not safe for ratios, thresholds and
    /// rates, which often carry decimals. Nil when the text does not have that form.
    static func dotGroupReadings(_ body: Substring) -> [DecimalNumber]? {
        // Cheap test first: this runs for every number of every application.
        guard body.utf8.contains(UInt8(ascii: ".")) else { return nil }
        let unsigned = body.first == "-" || body.first == "+" ? body.dropFirst() : body
        let parts = unsigned.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...3).contains(parts[0].count), parts[1].count == 3, parts[0].first != "0",
              (parts[0] + parts[1]).allSatisfy(\.isASCII), (parts[0] + parts[1]).allSatisfy(\.isNumber),
              let thousands = DecimalNumber(canonical: (body.first == "-" ? "-" : "") + parts[0] + parts[1]),
              let decimal = DecimalNumber(canonical: (body.first == "-" ? "-" : "") + parts[0] + "." + parts[1]) else { return nil }
        return [thousands, decimal]
    }

    /// « le montant « 60,000 € » est ambigu (60 000 € ou 60 € ?) : … par exemple « 60 000 € », « 60.000 € » ou « 60 € » »
    /// `dotGroups`: whether `60.000` may be suggested, as it may for amounts but not for plain
    /// numbers and rates, where it is itself ambiguous.
    private static func ambiguity(_ text: String, readings: [DecimalNumber], unit: String, noun: String, dotGroups: Bool = true) -> String {
        let meanings = readings.map { written($0) + unit }
        let question = meanings.count == 1 ? "\(meanings[0]) ?" : meanings.joined(separator: " ou ") + " ?"
        var examples: [String] = []
        for reading in readings {
            examples.append(written(reading) + unit)
            if dotGroups, reading.magnitudeAtLeastOneThousand { examples.append(written(reading, group: ".") + unit) }
        }
        let listed = examples.dropLast().map { "« \($0) »" }.joined(separator: ", ")
            + (examples.count > 1 ? " ou " : "") + "« \(examples.last!) »"
        let separators = dotGroups ? "séparez les milliers par une espace ou un point" : "séparez les milliers par une espace"
        return "\(noun) \(ScalarParsing.quoted(text)) est ambigu (\(question)) : \(separators), "
            + "et les décimales par une virgule ; écrivez par exemple \(listed)"
    }

    /// As a person would type it: thousands grouped with ordinary spaces (or `group`), decimal comma.
    static func written(_ value: DecimalNumber, group: String = " ") -> String {
        value.frenchFormatted().replacing("\u{202F}", with: group)
    }
}

private extension DecimalNumber {
    var isWhole: Bool { normalized.scale == 0 }

    var magnitudeAtLeastOneThousand: Bool {
        (isNegative ? negated() : self) >= DecimalNumber(1000)
    }
}
