/// What a person answered, as the form sent it: the applicant (name, kind, subject) and the
/// answer to each question by the id of its input (`porteur.habilite_pdesi`). Nothing here is
/// trusted or typed yet: `AnswerReading` reads each answer against its input, in French formats.
///
/// Answers are all the state a simulation has. Nothing is stored anywhere: they travel in the
/// pages' forms as hidden fields (`formFields`) and come back with the next request
/// (`init(form:)`), so that the server keeps no session, sets no cookie and logs nothing.
public struct Answers: Sendable, Equatable {
    /// The applicant's name (« Commune de Wimereux »).
    public var applicantName: String?
    /// The applicant's kind, a word of `BeneficiaryCategory` (`commune`).
    public var applicantKind: String?
    /// What the application is for.
    public var subject: String?
    /// By input id, the values sent, as sent: one for a text, a number, a date, a radio
    /// button; for a set, an empty placeholder (sent before the boxes, so that a question whose
    /// boxes are all unchecked still says it was answered: « none ») then the codes checked.
    public var facts: [String: [String]]
    /// By input id, the VAT rate of an amount the rules count HT and the person gave TTC.
    public var taxRates: [String: String]

    public init(applicantName: String? = nil, applicantKind: String? = nil, subject: String? = nil,
                facts: [String: [String]] = [:], taxRates: [String: String] = [:]) {
        self.applicantName = applicantName
        self.applicantKind = applicantKind
        self.subject = subject
        self.facts = facts
        self.taxRates = taxRates
    }

    /// The answer to one question as a single text, if it was given and is not blank.
    public func text(_ id: String) -> String? {
        guard let text = facts[id]?.first, !text.allSatisfy(\.isWhitespace) else { return nil }
        return text
    }

    /// The same answers with only the facts of `ids` kept: the others' questions are no longer
    /// asked, and their stale answers must not reach the dossier.
    public func keeping(facts ids: Set<String>) -> Answers {
        var kept = self
        kept.facts = facts.filter { ids.contains($0.key) }
        kept.taxRates = taxRates.filter { ids.contains($0.key) }
        return kept
    }
}

/// How answers are named in a page's form: stable, since a person may come back to a page
/// the browser kept.
public enum FormNames {
    public static let applicantName = "demandeur.nom"
    public static let applicantKind = "demandeur.nature"
    public static let subject = "demandeur.objet"
    /// `reponse.porteur.habilite_pdesi`: the answer to a question, repeated for each box checked.
    public static let answerPrefix = "reponse."
    /// `tva.projet.depense_eligible_ht`: the VAT rate of an amount given TTC; its presence says TTC.
    public static let taxRatePrefix = "tva."
    /// `ttc.projet.depense_eligible_ht`: « oui » when the amount is given TTC.
    public static let inclusivePrefix = "ttc."

    public static func answer(_ id: String) -> String { answerPrefix + id }
    public static func taxRate(_ id: String) -> String { taxRatePrefix + id }
    public static func inclusive(_ id: String) -> String { inclusivePrefix + id }
}

extension Answers {
    /// The answers a form sent: the fields named by `FormNames`; any other field is the page's
    /// own (its step, the button pressed) and left to it. Values are kept as sent, blank ones
    /// too: only the input's type tells a blank text (no answer) from a set's placeholder.
    public init(form: [(String, String)]) {
        self.init()
        var inclusive: Set<String> = []
        var rates: [String: String] = [:]
        for (name, value) in form {
            switch name {
            case FormNames.applicantName: applicantName = value
            case FormNames.applicantKind: applicantKind = value
            case FormNames.subject: subject = value
            default:
                if let id = Self.suffix(of: name, after: FormNames.answerPrefix) {
                    facts[id, default: []].append(value)
                } else if let id = Self.suffix(of: name, after: FormNames.taxRatePrefix) {
                    rates[id] = value
                } else if let id = Self.suffix(of: name, after: FormNames.inclusivePrefix), value == "oui" {
                    inclusive.insert(id)
                }
            }
        }
        // A rate counts only with « TTC » chosen: a rate typed and then « HT » chosen is dropped.
        taxRates = rates.filter { inclusive.contains($0.key) }
    }

    private static func suffix(of name: String, after prefix: String) -> String? {
        guard name.hasPrefix(prefix), name.count > prefix.count else { return nil }
        return String(name.dropFirst(prefix.count))
    }

    /// The answers as form fields, to carry them as hidden fields of the next page: every
    /// answer but those of `except` (the questions the page shows, which carry their own).
    /// In a stable order, so that the same answers always give the same page.
    public func formFields(except shown: Set<String> = [], includingApplicant: Bool = true) -> [(String, String)] {
        var fields: [(String, String)] = []
        if includingApplicant {
            if let applicantName { fields.append((FormNames.applicantName, applicantName)) }
            if let applicantKind { fields.append((FormNames.applicantKind, applicantKind)) }
            if let subject { fields.append((FormNames.subject, subject)) }
        }
        for id in facts.keys.sorted() where !shown.contains(id) {
            for value in facts[id] ?? [] { fields.append((FormNames.answer(id), value)) }
            if let rate = taxRates[id] {
                fields.append((FormNames.inclusive(id), "oui"))
                fields.append((FormNames.taxRate(id), rate))
            }
        }
        return fields
    }
}
