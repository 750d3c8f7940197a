import ExactDecimal
import SchemeLanguage

/// How values read in a French decision: "40 000,00 €", "50 %", "15 octobre 2020", "oui".
public enum FrenchFormat {
    public static func money(_ amount: DecimalNumber) -> String {
        amount.frenchFormatted(minimumFractionDigits: 2) + "\u{00A0}€"
    }

    /// A count with its thousands grouped: "1 000 000".
    public static func count(_ value: Int) -> String {
        DecimalNumber(value).frenchFormatted()
    }

    public static func rate(_ proportion: DecimalNumber) -> String {
        do throws(DecimalError) {
            return try proportion.multipliedByHundred().frenchFormatted() + "\u{00A0}%"
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
