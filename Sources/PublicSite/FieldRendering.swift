import Questionnaire
import SchemeLanguage

/// One question as form controls, by the type of its input: a text field (with its unit for an
/// amount or a rate, its format for a date), « Oui » and « Non » radios for a boolean, radios
/// showing the labels of an enumeration and sending its codes, checkboxes for a set. Values
/// shown are those the person typed, escaped.
enum FieldRendering {
    /// The id of the control a field's error links to: the field, or the first of its radios.
    static func fieldID(_ field: Field) -> String {
        switch field {
        case .applicantName: "champ-demandeur-nom"
        case .applicantKind: "champ-demandeur-nature"
        case .subject: "champ-demandeur-objet"
        case .fact(let id): "champ-" + id
        case .form: "contenu"
        }
    }

    static func question(_ question: Question, answers: Answers, problems: [FieldProblem], into html: inout HTML) {
        let input = question.input
        let name = FormNames.answer(input.id)
        let id = fieldID(.fact(input.id))
        let values = answers.facts[input.id] ?? []
        switch input.type {
        case .boolean:
            let checked = values.first.map { $0.lowercased() == "true" ? ["oui"] : $0.lowercased() == "false" ? ["non"] : [$0.lowercased()] } ?? []
            choices(name: name, id: id, legend: input.question, hint: input.help, options: [("oui", "Oui"), ("non", "Non")],
                    checked: checked, multiple: false, problems: problems, into: &html)
        case .enumeration(let domain):
            choices(name: name, id: id, legend: input.question, hint: input.help, options: domain.values.map { ($0, domain.label(of: $0)) },
                    checked: values, multiple: false, problems: problems, into: &html)
        case .set(let domain):
            choices(name: name, id: id, legend: input.question, hint: [input.help, "Cochez toutes les réponses qui conviennent, ou aucune."].compactMap { $0 }.joined(separator: " "),
                    options: domain.values.map { ($0, domain.label(of: $0)) }, checked: values, multiple: true, problems: problems, into: &html)
        default:
            let format = formatHint(input)
            text(name: name, id: id, label: input.question, hint: [input.help, format].compactMap { $0 }.joined(separator: " "),
                 value: values.first ?? "", problems: problems, unit: unit(input.type), short: input.type != .text, into: &html)
            if input.type == .money, input.exclusiveOfTax { taxBasis(input, answers: answers, into: &html) }
        }
    }

    /// What to type, for a field whose form is not obvious.
    private static func formatHint(_ input: InputDefinition) -> String? {
        switch input.type {
        case .money: input.exclusiveOfTax ? "Montant hors taxes, en euros (par exemple 60 000,00)." : "En euros (par exemple 60 000,00)."
        case .rate: "En pourcentage (par exemple 5,5)."
        case .date: "Au format JJ/MM/AAAA (par exemple 09/10/2020)."
        case .integer: "Un nombre entier."
        case .number: "Un nombre (par exemple 2,5)."
        default: input.perMonth ? "Le même pour chaque mois." : nil
        }
    }

    private static func unit(_ type: ValueType) -> String? {
        switch type {
        case .money: "€"
        case .rate: "%"
        default: nil
        }
    }

    /// A text field with its label, hint and error, tied by `aria-describedby`.
    static func text(name: String, id: String, label: String, hint: String?, value: String, problems: [FieldProblem],
                     unit: String? = nil, short: Bool = false, autocomplete: String? = nil, into html: inout HTML) {
        let hintID = hint.map { _ in "aide-" + id }
        let errorID = problems.isEmpty ? nil : "erreur-" + id
        html.raw(problems.isEmpty ? "<div class=\"field\">\n" : "<div class=\"field field-error\">\n")
        html.element("label", [("for", id)], label)
        if let hint, let hintID { html.element("p", [("class", "hint"), ("id", hintID)], hint) }
        errors(problems, id: errorID, into: &html)
        if unit != nil { html.raw("<div class=\"with-unit\">") }
        html.open("input", [("type", "text"), ("id", id), ("name", name), ("value", value),
                            ("class", short ? "short" : nil), ("inputmode", unit != nil ? "decimal" : nil),
                            ("autocomplete", autocomplete ?? (short ? "off" : nil)), ("spellcheck", short ? "false" : nil),
                            ("aria-describedby", described(hintID, errorID)), ("aria-invalid", errorID == nil ? nil : "true")])
        if let unit { html.element("span", [("aria-hidden", "true")], unit); html.raw("</div>") }
        html.raw("\n</div>\n")
    }

    /// Radios or checkboxes in a fieldset whose legend is the question. Checkboxes are preceded
    /// by an empty hidden value of the same name, so that « none checked » is still an answer.
    static func choices(name: String, id: String, legend: String, hint: String?, options: [(value: String, label: String)],
                        checked: [String], multiple: Bool, problems: [FieldProblem], into html: inout HTML) {
        let hintID = hint.map { _ in "aide-" + id }
        let errorID = problems.isEmpty ? nil : "erreur-" + id
        html.open("fieldset", [("class", problems.isEmpty ? "field" : "field field-error"), ("aria-describedby", described(hintID, errorID))])
        html.raw("\n")
        html.element("legend", [], legend)
        if let hint, let hintID { html.element("p", [("class", "hint"), ("id", hintID)], hint) }
        errors(problems, id: errorID, into: &html)
        if multiple { html.hidden(name, "") }
        for (position, option) in options.enumerated() {
            let optionID = position == 0 ? id : "\(id)-\(position + 1)"
            html.raw("<div class=\"choice\">")
            html.open("input", [("type", multiple ? "checkbox" : "radio"), ("id", optionID), ("name", name), ("value", option.value),
                                ("checked", checked.contains(option.value) ? "checked" : nil)])
            html.element("label", [("for", optionID)], option.label)
            html.raw("</div>\n")
        }
        html.close("fieldset")
    }

    /// For an amount the rules count HT: whether it was typed HT or TTC, and the VAT rate.
    private static func taxBasis(_ input: InputDefinition, answers: Answers, into html: inout HTML) {
        let id = fieldID(.fact(input.id))
        let rate = answers.taxRates[input.id]
        choices(name: FormNames.inclusive(input.id), id: id + "-base", legend: "Ce montant est", hint: nil,
                options: [("non", "hors taxes (HT)"), ("oui", "toutes taxes comprises (TTC)")],
                checked: [rate == nil ? "non" : "oui"], multiple: false, problems: [], into: &html)
        text(name: FormNames.taxRate(input.id), id: id + "-tva", label: "Taux de TVA, si le montant est TTC",
             hint: "Le montant hors taxes en est déduit, au centime.", value: rate ?? "", problems: [], unit: "%", short: true, into: &html)
    }

    private static func errors(_ problems: [FieldProblem], id: String?, into html: inout HTML) {
        guard let id, !problems.isEmpty else { return }
        html.open("p", [("class", "error-message"), ("id", id)])
        html.element("span", [("class", "visually-hidden")], "Erreur : ")
        html.text(problems.map(\.message).joined(separator: " "))
        html.raw("</p>\n")
    }

    private static func described(_ ids: String?...) -> String? {
        let present = ids.compactMap { $0 }
        return present.isEmpty ? nil : present.joined(separator: " ")
    }
}
