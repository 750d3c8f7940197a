import Questionnaire
import SchemeLanguage

/// The answers of some steps, as the person gave them and in French forms — « Oui »,
/// « 60 000,00 € », « 9 octobre 2020 », the labels of the choices — each step with a button to
/// go back and change it. Inside the page's form, whose hidden fields carry every answer.
enum AnswerList {
    static func render(steps: [Int], pages: SimulationPages, interview: Interview, answers: Answers, into html: inout HTML) {
        for step in steps {
            html.raw("<div class=\"answer-step\">\n")
            html.element("h3", [], step == 0 ? "Le demandeur" : "Questions, page \(step)")
            html.raw("<dl class=\"answers\">\n")
            for (question, answer) in rows(step: step, interview: interview, answers: answers) {
                html.element("dt", [], question)
                html.element("dd", [], answer)
            }
            html.raw("</dl>\n")
            html.raw("<button type=\"submit\" class=\"secondary\" formaction=\"\(pages.path)\" name=\"\(SimulationPages.actionField)\" value=\"modifier-\(step)\">")
            html.text(step == 0 ? "Modifier le demandeur" : "Modifier les réponses de la page \(step)")
            html.raw("</button>\n</div>\n")
        }
    }

    private static func rows(step: Int, interview: Interview, answers: Answers) -> [(String, String)] {
        if step == 0 {
            let kind = answers.applicantKind.flatMap(BeneficiaryCategory.init(rawValue:))?.singular
            return [("Nom du demandeur", answers.applicantName ?? "—"), ("Nature du demandeur", kind ?? "—"),
                    ("Objet de la demande", answers.subject ?? "—")]
        }
        guard step <= interview.pages.count else { return [] }
        return interview.pages[step - 1].questions.map { question in
            (question.input.question, shown(question.input, answers: answers))
        }
    }

    /// An answer in French, or « — » when there is none yet, or what was typed when it cannot be read.
    static func shown(_ input: InputDefinition, answers: Answers) -> String {
        switch AnswerReading.read(answers, input: input) {
        case nil: return "—"
        case .failure?: return (answers.facts[input.id] ?? []).filter { !$0.isEmpty }.joined(separator: ", ")
        case .success(let read)?:
            switch read.value {
            case .boolean(let flag): return flag ? "Oui" : "Non"
            case .set(let members) where members.isEmpty: return "Aucune"
            case .money(let amount) where answers.taxRates[input.id] != nil:
                let rate = (answers.taxRates[input.id] ?? "").replacing("%", with: "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
                return "\(FrenchFormat.money(amount)) TTC, TVA \(rate) %"
            case .money(let amount) where input.exclusiveOfTax: return FrenchFormat.money(amount) + " HT"
            default: return FrenchFormat.value(read.value, type: input.type)
            }
        }
    }
}
