import ExactDecimal
import SchemeLanguage
import YAMLReader

/// An answer read against its input: its value, and how the application file writes it.
public struct ReadAnswer: Sendable, Equatable {
    public let value: Value
    /// The fact as the application file writes it (`FactWriting`): a YAML scalar or flow
    /// collection, every text in it quoted.
    public let yaml: String
}

/// Reads answers in the formats a French person types them — `JJ/MM/AAAA`, `60 000,00 €` with
/// spaces or no-break spaces between thousands and the « € » optional, `Oui`/`Non` — into values
/// of the input's type, or says in French what to write instead.
///
/// The value is then written in the application file's own forms (`FactWriting`) and read again
/// by the project's `ApplicationDecoder`, which stays the judge of what an application may hold
/// (the bounds of an input, a text on one line): this reading only turns French typing into
/// those forms and words its refusals for the person.
public enum AnswerReading {
    /// The answer to `input`, nil when it was not given (a blank field, an unchecked radio).
    public static func read(_ answers: Answers, input: InputDefinition) -> Result<ReadAnswer, FieldProblem>? {
        let values = answers.facts[input.id]
        let field = Field.fact(input.id)
        if case .set(let domain) = input.type {
            guard let values else { return nil }
            return choices(values.filter { !$0.isEmpty }, domain: domain, field: field)
        }
        guard let text = answers.text(input.id)?.trimmedSpaces else { return nil }
        if input.type == .money, input.exclusiveOfTax, let rate = answers.taxRates[input.id] {
            return taxInclusive(text, rate: rate, field: field)
        }
        return scalar(text, type: input.type, exclusiveOfTax: input.exclusiveOfTax, field: field)
    }

    static func scalar(_ text: String, type: ValueType, exclusiveOfTax: Bool = false, field: Field) -> Result<ReadAnswer, FieldProblem> {
        switch type {
        case .boolean:
            switch text.lowercased() {
            case "oui", "true": return .success(ReadAnswer(value: .boolean(true), yaml: FactWriting.quoted("true")))
            case "non", "false": return .success(ReadAnswer(value: .boolean(false), yaml: FactWriting.quoted("false")))
            default: return .failure(FieldProblem(field, "Répondez par oui ou par non."))
            }
        case .date:
            guard let date = frenchDate(text) else {
                return .failure(FieldProblem(field, "Indiquez une date existante au format JJ/MM/AAAA, par exemple 09/10/2020."))
            }
            return .success(ReadAnswer(value: .date(date), yaml: FactWriting.quoted(date.description)))
        case .text:
            return .success(ReadAnswer(value: .text(text), yaml: FactWriting.quoted(text)))
        case .enumeration(let domain):
            guard domain.contains(text) else { return .failure(FieldProblem(field, "Choisissez une des réponses proposées.")) }
            return .success(ReadAnswer(value: .enumeration(text), yaml: FactWriting.quoted(text)))
        case .integer, .number, .money, .rate:
            return number(text, type: type, exclusiveOfTax: exclusiveOfTax, field: field)
        case .set, .list:
            return .failure(FieldProblem(field, "Choisissez une ou plusieurs des réponses proposées."))
        }
    }

    private static func choices(_ codes: [String], domain: EnumDomain, field: Field) -> Result<ReadAnswer, FieldProblem> {
        guard codes.allSatisfy(domain.contains) else {
            return .failure(FieldProblem(field, "Choisissez parmi les réponses proposées."))
        }
        // In the order of the domain, each once, as the decoder keeps a set.
        let members = domain.values.filter(codes.contains)
        return .success(ReadAnswer(value: .set(members), yaml: "[" + members.map(FactWriting.quoted).joined(separator: ", ") + "]"))
    }

    /// `60 000,00 €`, `12,5`, `50 %`: the decimal readings of the scheme language, which accept
    /// French grouping and refuse what reads two ways (`60,000`).
    private static func number(_ typed: String, type: ValueType, exclusiveOfTax: Bool, field: Field) -> Result<ReadAnswer, FieldProblem> {
        var text = typed
        if exclusiveOfTax {
            if text.hasSuffix("TTC") {
                return .failure(FieldProblem(field, "Indiquez le montant hors taxes, ou choisissez « toutes taxes comprises » et donnez le taux de TVA."))
            }
            if text.hasSuffix("HT") { text = String(text.dropLast(2)).trimmedSpaces }
        }
        // The form shows « % » after a rate's field: a person types the figure alone.
        if type == .rate, !text.hasSuffix("%") { text += " %" }
        let node = YAMLNode(content: .scalar(text), mark: SourceMark(file: "réponse", line: 1, column: 1))
        guard case .success(let value) = ScalarParsing.value(node, as: type), let magnitude = value.decimal else {
            return .failure(FieldProblem(field, numberProblem(text, type: type)))
        }
        return .success(ReadAnswer(value: value, yaml: FactWriting.quoted(FactWriting.number(magnitude, type: type))))
    }

    /// What to write instead: the language's own explanation of a figure that reads two ways
    /// or is too large (already French), else an example in the input's type.
    private static func numberProblem(_ text: String, type: ValueType) -> String {
        let body = text.replacing("€", with: "").replacing("%", with: "").trimmedSpaces
        if case .ambiguous = DecimalNumber.reading(body) {
            let node = YAMLNode(content: .scalar(text), mark: SourceMark(file: "réponse", line: 1, column: 1))
            if case .failure(let problem) = ScalarParsing.value(node, as: type) {
                return FrenchGrammarLite.capitalized(problem.message) + "."
            }
        }
        switch type {
        case .integer: return "Indiquez un nombre entier, par exemple 12."
        case .money: return "Indiquez un montant en euros, par exemple 60 000,00 €."
        case .rate: return "Indiquez un taux en pourcentage, par exemple 20 ou 5,5."
        default: return "Indiquez un nombre, par exemple 2,5."
        }
    }

    /// An amount the rules count HT, given TTC with its VAT rate: the decoder derives the HT
    /// base to the cent and the documents show what was declared.
    private static func taxInclusive(_ amount: String, rate: String, field: Field) -> Result<ReadAnswer, FieldProblem> {
        let total = number(amount, type: .money, exclusiveOfTax: false, field: field)
        guard case .success(let ttc) = total else { return total }
        let rateText = rate.trimmedSpaces
        guard !rateText.isEmpty else {
            return .failure(FieldProblem(field, "Indiquez le taux de TVA du montant toutes taxes comprises, par exemple 20."))
        }
        guard case .success(let tva) = number(rateText, type: .rate, exclusiveOfTax: false, field: field) else {
            return .failure(FieldProblem(field, "Indiquez le taux de TVA en pourcentage, par exemple 20 ou 5,5."))
        }
        return .success(ReadAnswer(value: ttc.value, yaml: "{ttc: \(ttc.yaml), tva: \(tva.yaml)}"))
    }

    /// `09/10/2020`, `9/10/2020`, `09-10-2020`, `09.10.2020`, or `2020-10-09` as files write it.
    static func frenchDate(_ text: String) -> LocalDate? {
        if let iso = LocalDate(iso: text) { return iso }
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).map(String.init)
        guard parts.count == 3, parts[2].count == 4, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]) else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }
}

/// The little French grammar this module needs (`Decisions` has the rest, and is not a dependency).
enum FrenchGrammarLite {
    static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}

extension StringProtocol {
    /// Without the spaces, no-break spaces and line breaks around it.
    var trimmedSpaces: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let end = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(String.UnicodeScalarView(scalars[start...end]))
    }
}
