import Questionnaire
import SchemeLanguage

/// The questionnaire's pages as HTML forms: the applicant's step, then the scheme's questions.
/// Each label is tied to its field, each help and error to it by `aria-describedby`; radios and
/// checkboxes stand in a `fieldset` whose `legend` is the question; errors are said in French
/// next to their field and listed at the top with links to the fields; the page's title names
/// its step (« Étape 2 sur 4 — Simulation PDESI — Guichet »).
struct QuestionForm {
    let pages: SimulationPages
    let answers: Answers
    let interview: Interview

    /// The applicant's step, the pages reached, those the evaluator still expects, the result.
    var totalSteps: Int {
        let size = pages.site.pageSize
        return 1 + interview.pages.count + (interview.laterQuestions + size - 1) / size + 1
    }

    func applicant(problems: [FieldProblem]) -> SiteResponse {
        page(step: 0, heading: "Qui présente la demande ?", problems: problems, carried: answers.formFields(includingApplicant: false)) { html in
            var intro = "Ces informations figurent en tête du dossier de demande et de la simulation."
            if !pages.scheme.beneficiaries.isEmpty {
                intro += " Ce dispositif s'adresse aux \(FrenchFormat.series(pages.scheme.beneficiaries.map(\.plural)))."
            }
            html.element("p", [], intro)
            FieldRendering.text(name: FormNames.applicantName, id: "champ-demandeur-nom", label: "Nom du demandeur",
                                hint: "Par exemple : Commune de Wimereux.", value: answers.applicantName ?? "",
                                problems: problems.filter { $0.field == .applicantName }, autocomplete: "organization", into: &html)
            FieldRendering.choices(name: FormNames.applicantKind, id: "champ-demandeur-nature", legend: "Nature du demandeur", hint: nil,
                                   options: BeneficiaryCategory.allCases.map { ($0.rawValue, $0.singular) },
                                   checked: answers.applicantKind.map { [$0] } ?? [], multiple: false,
                                   problems: problems.filter { $0.field == .applicantKind }, into: &html)
            FieldRendering.text(name: FormNames.subject, id: "champ-demandeur-objet", label: "Objet de la demande",
                                hint: "En une ligne : ce que l'aide doit financer.", value: answers.subject ?? "",
                                problems: problems.filter { $0.field == .subject }, into: &html)
        }
    }

    func questions(_ questionPage: InterviewPage, problems: [FieldProblem]) -> SiteResponse {
        let shown = Set(questionPage.questions.map(\.id))
        return page(step: questionPage.number, heading: "Questions sur la demande", problems: problems,
                    carried: answers.formFields(except: shown)) { html in
            for question in questionPage.questions {
                FieldRendering.question(question, answers: answers, problems: problems.filter { $0.field == .fact(question.id) }, into: &html)
            }
        }
    }

    /// The rules cannot be applied to these answers: nothing to correct, said plainly.
    func cannotSimulate(_ failures: [String]) -> SiteResponse {
        Layout.page(title: "Simulation impossible — Simulation \(pages.shortName) — Guichet", site: pages.site.identity) { html in
            html.element("h1", [], "La simulation ne peut pas aboutir")
            html.element("p", [], "Les règles du dispositif ne peuvent pas être appliquées en ligne à ces réponses. Adressez-vous au service instructeur.")
            html.raw("<ul>\n")
            for failure in failures { html.element("li", [], failure) }
            html.raw("</ul>\n<p>")
            html.link("/dispositifs/\(pages.scheme.id)", "Revenir au dispositif")
            html.raw("</p>\n")
        }
    }

    /// A step's page: its title, the error summary, the form with the answers carried, the
    /// buttons, and the answers of the steps before with a way to change them.
    private func page(step: Int, heading: String, problems: [FieldProblem], carried: [(String, String)],
                      fields: (inout HTML) -> Void) -> SiteResponse {
        let position = "Étape \(step + 1) sur \(max(totalSteps, step + 2))"
        let title = (problems.isEmpty ? "" : "Erreur : ") + "\(position) — Simulation \(pages.shortName) — Guichet"
        return Layout.page(title: title, site: pages.site.identity) { html in
            html.element("p", [("class", "eyebrow")], "Simulation — \(pages.scheme.title)")
            html.element("p", [("class", "eyebrow")], position)
            html.element("h1", [], heading)
            ErrorSummary.render(problems, into: &html)
            html.open("form", [("method", "post"), ("action", pages.path), ("novalidate", "novalidate")])
            html.raw("\n")
            html.hidden(SimulationPages.stepField, String(step))
            for (name, value) in carried { html.hidden(name, value) }
            fields(&html)
            html.raw("<div class=\"actions\">\n")
            html.raw("<button type=\"submit\" name=\"\(SimulationPages.actionField)\" value=\"suivant\">Continuer</button>\n")
            if step > 0 {
                html.raw("<button type=\"submit\" name=\"\(SimulationPages.actionField)\" value=\"precedent\" class=\"secondary previous\">Précédent</button>\n")
            }
            html.raw("</div>\n")
            let earlier = (0..<step).map { $0 }
            if !earlier.isEmpty {
                html.raw("<details>\n<summary>Réponses déjà données</summary>\n")
                AnswerList.render(steps: earlier, pages: pages, interview: interview, answers: answers, into: &html)
                html.raw("</details>\n")
            }
            html.close("form")
            if step == 0 {
                html.raw("<p>")
                html.link("/dispositifs/\(pages.scheme.id)", "Lire d'abord les conditions du dispositif")
                html.raw("</p>\n")
            }
        }
    }
}

/// The list of a page's errors at its top, each a link to its field.
enum ErrorSummary {
    static func render(_ problems: [FieldProblem], into html: inout HTML) {
        guard !problems.isEmpty else { return }
        html.raw("<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"resume-erreurs\">\n")
        html.element("h2", [("id", "resume-erreurs")], problems.count == 1 ? "Une réponse est à corriger" : "\(problems.count) réponses sont à corriger")
        html.raw("<ul>\n")
        for problem in problems {
            html.element("li", [], content: { $0.link("#" + FieldRendering.fieldID(problem.field), problem.message) })
        }
        html.raw("</ul>\n</div>\n")
    }
}

extension BeneficiaryCategory {
    /// As the applicant's step offers it: « Commune », « Particulier (personne physique) ».
    var singular: String {
        switch self {
        case .commune: "Commune"
        case .epci: "Intercommunalité (EPCI)"
        case .association: "Association"
        case .personne: "Particulier (personne physique)"
        case .entreprise: "Entreprise"
        case .etablissementPublic: "Établissement public"
        }
    }

    /// Within a sentence: « communes », « intercommunalités (EPCI) ».
    var plural: String {
        switch self {
        case .epci: "intercommunalités (EPCI)"
        case .etablissementPublic: "établissements publics"
        default: frenchLabel.lowercased()
        }
    }
}
