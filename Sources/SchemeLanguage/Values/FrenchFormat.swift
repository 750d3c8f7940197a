import ExactDecimal

/// How values read in French, wherever the tool writes for people (decisions, selection reports,
/// scheme explanations, simulation reports, the selection's reasons): "40 000,00 €", "50 %",
/// "15 octobre 2020", "oui", "3 demandes". Dates themselves are `LocalDate.frenchLong`.
public enum FrenchFormat {
    public static func money(_ amount: DecimalNumber) -> String {
        amount.frenchFormatted(minimumFractionDigits: 2) + "\u{00A0}€"
    }

    /// A count with its thousands grouped: "1 000 000".
    public static func count(_ value: Int) -> String {
        DecimalNumber(value).frenchFormatted()
    }

    /// A count and its noun, agreed: "0 demande", "1 demande", "7 demandes".
    public static func count(_ value: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(count(value)) \(agreed(value, singular, plural))"
    }

    /// The singular or plural form for a count; French takes the singular for 0 and 1.
    public static func agreed(_ value: Int, _ singular: String, _ plural: String? = nil) -> String {
        value > 1 ? plural ?? singular + "s" : singular
    }

    /// A series in running text: « a », « a et b », « a, b et c ».
    public static func series(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " et " + items[items.count - 1]
    }

    /// A change, its sign always shown when it is a rise: "+3", "-2", "0".
    public static func signedCount(_ value: Int) -> String {
        value > 0 ? "+" + count(value) : count(value)
    }

    /// "+6 000,00 €", "-250,00 €", "0,00 €".
    public static func signedMoney(_ amount: DecimalNumber) -> String {
        amount > .zero ? "+" + money(amount) : money(amount)
    }

    /// A number of percent as given (the caller has rounded it), padded to
    /// `minimumFractionDigits`: (13, 1) gives "13,0 %".
    public static func percent(_ value: DecimalNumber, minimumFractionDigits: Int = 0) -> String {
        value.frenchFormatted(minimumFractionDigits: minimumFractionDigits) + "\u{00A0}%"
    }

    /// "+13,0 %", "-1,2 %".
    public static func signedPercent(_ value: DecimalNumber, minimumFractionDigits: Int = 0) -> String {
        (value > .zero ? "+" : "") + percent(value, minimumFractionDigits: minimumFractionDigits)
    }

    /// A proportion as a percentage: 0.5 gives "50 %".
    public static func rate(_ proportion: DecimalNumber) -> String {
        do throws(DecimalError) {
            return percent(try proportion.multipliedByHundred())
        } catch {
            // A percentage beyond 38 digits: said as the proportion it is, never misprinted.
            return proportion.frenchFormatted() + " (proportion)"
        }
    }

    /// A value as the decision prints it; enumeration values by their French labels.
    public static func value(_ value: Value, type: ValueType) -> String {
        switch value {
        case .boolean(let flag): return flag ? "oui" : "non"
        case .integer(let integer): return DecimalNumber(integer).frenchFormatted()
        case .number(let number): return number.frenchFormatted()
        case .money(let amount): return money(amount)
        case .rate(let proportion): return rate(proportion)
        case .date(let date): return date.frenchLong
        case .text(let text): return text
        case .enumeration(let item):
            if case .enumeration(let domain) = type { return domain.label(of: item) }
            return item
        case .set(let members):
            guard !members.isEmpty else { return "aucun" }
            if case .set(let domain) = type { return members.map(domain.label(of:)).joined(separator: " ; ") }
            return members.joined(separator: " ; ")
        case .list(let items): return items.map { self.value($0, type: .text) }.joined(separator: ", ")
        }
    }

    /// A parameter's values with their dates: "40 000,00 € ; 50 000,00 € à compter du 1er janvier 2021".
    public static func versions(of parameter: Parameter) -> String {
        guard !parameter.isUnset else { return unset }
        return parameter.versions.map { version in
            dated(version.value, type: parameter.type, from: version.from) + (version.fictitious ? " \(fictitious)" : "")
        }.joined(separator: " ; ")
    }

    /// After a value made up to try the rules, wherever it is shown.
    public static let fictitious = "(valeur fictive, pour les essais)"

    /// In place of the value of a parameter the text leaves unset, and nothing has set.
    public static let unset = "non fixée : le texte ne la donne pas (à fixer dans guichet.yaml, parameters)"

    /// A value and the date it applies from: "60 % à compter du 1er janvier 2020".
    public static func dated(_ value: Value, type: ValueType, from: LocalDate?) -> String {
        self.value(value, type: type) + (from.map { " à compter du \($0.frenchLong)" } ?? "")
    }

    /// The canonical, locale-free form used in JSON: "60000.00" is "60000", 50 % is "0.5".
    public static func canonical(_ value: Value) -> String {
        switch value {
        case .boolean(let flag): return flag ? "true" : "false"
        case .integer(let integer): return String(integer)
        case .number(let number), .rate(let number): return number.description
        case .money(let amount): return moneyCanonical(amount)
        case .date(let date): return date.description
        case .text(let text), .enumeration(let text): return text
        case .set(let members): return members.joined(separator: ",")
        case .list(let items): return items.map(canonical).joined(separator: ",")
        }
    }

    /// Amounts in JSON keep at least two decimals ("30000.00"), as accounting software expects.
    public static func moneyCanonical(_ amount: DecimalNumber) -> String {
        let text = amount.normalized.description
        guard let dot = text.firstIndex(of: ".") else { return text + ".00" }
        let decimals = text.distance(from: dot, to: text.endIndex) - 1
        return decimals >= 2 ? text : text + String(repeating: "0", count: 2 - decimals)
    }

    public static func rounding(_ rounding: Rounding) -> String {
        let step = rounding.step == DecimalNumber(significand: 1, scale: 2) ? "au centime" : "à \(money(rounding.step))"
        let rule: String = switch rounding.rule {
        case .halfUp: "le plus proche, la moitié étant arrondie à la valeur supérieure"
        case .halfEven: "le plus proche, la moitié étant arrondie à la valeur paire"
        case .down, .floor: "inférieur"
        case .up, .ceiling: "supérieur"
        }
        return "Arrondi \(step) \(rule)"
    }
}
