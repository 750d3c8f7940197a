import Decisions
import Documents
import Evaluator
import Questionnaire
import SchemeLanguage

/// The result of a simulation: the outcome in French, what the instructor will verify, the
/// pieces to prepare, the amount step by step, each criterion with its verdict, the facts it
/// rests on and the text it comes from, what is missing; the answers, each step with a button to
/// change it; and the downloads — the dossier (YAML) and the simulation (HTML, Markdown) — as
/// buttons of the same form, which posts the answers. It says at its top and at its end that it
/// is a simulation, not a decision.
struct ResultPage {
    let pages: SimulationPages
    let interview: Interview
    let dossier: Dossier

    static let label = "Simulation — ce document n'est pas une décision"

    func render() -> SiteResponse {
        let record = pages.record(dossier)
        return Layout.page(title: "Résultat — Simulation \(pages.shortName) — Guichet", site: pages.site.identity) { html in
            html.raw("<aside class=\"notice\"><p>\(Self.label).</p></aside>\n")
            html.element("p", [("class", "eyebrow")], "Simulation — \(pages.scheme.title)")
            html.element("h1", [], "Résultat de la simulation")
            html.element("p", [("class", "outcome outcome-\(cssName(record.outcome))")], headline(record))
            for paragraph in SimulationDocument.verdict(record) { html.element("p", [], content: { $0.prose(paragraph) }) }
            toVerify(record, into: &html)
            piecesToPrepare(record, into: &html)
            missing(record, into: &html)
            amount(record, into: &html)
            criteria(record, into: &html)
            notices(record, into: &html)
            html.open("form", [("method", "post"), ("action", pages.path)])
            html.raw("\n")
            html.hidden(SimulationPages.stepField, String(interview.pages.count + 1))
            for (name, value) in interview.answers.formFields() { html.hidden(name, value) }
            html.element("h2", [("id", "reponses")], "Vos réponses")
            AnswerList.render(steps: Array(0...interview.pages.count), pages: pages, interview: interview, answers: interview.answers, into: &html)
            downloads(into: &html)
            html.close("form")
            html.raw("<aside class=\"notice\"><p>\(Self.label).</p></aside>\n")
        }
    }

    private func cssName(_ outcome: Outcome) -> String {
        switch outcome {
        case .favorable: "favorable"
        case .unfavorable: "unfavorable"
        case .incomplete: "incomplete"
        case .toExamine: "toexamine"
        }
    }

    /// The outcome in a few words, with the amount when there is one.
    private func headline(_ record: DecisionRecord) -> String {
        let amount = record.amount.map(FrenchFormat.money)
        switch record.outcome {
        case .favorable: return amount.map { "Aide possible : \($0)" } ?? "Candidature recevable"
        case .toExamine:
            return amount.map { "Aide possible : \($0), sous réserve des vérifications de l'instructeur" } ?? "Candidature recevable sous réserve des vérifications de l'instructeur"
        case .unfavorable: return record.failed.isEmpty ? "Aucune aide : le montant calculé est nul" : "Les conditions ne paraissent pas remplies"
        case .incomplete: return "Les informations données ne permettent pas de conclure"
        }
    }

    private func toVerify(_ record: DecisionRecord, into html: inout HTML) {
        let pending = record.criteria.filter { $0.verdict == .pending }.map { "Appréciation de la condition : \($0.label)" }
        let declared = record.awaitingConfirmation.map(\.statement)
        guard !pending.isEmpty || !declared.isEmpty else { return }
        html.element("h2", [("id", "verifications")], "Ce que l'instructeur vérifiera")
        if !declared.isEmpty {
            html.element("p", [], "Vous avez déclaré ces faits ; les règles du dispositif demandent que l'instructeur les confirme, au vu des pièces :")
        }
        list(declared + pending, into: &html)
    }

    private func piecesToPrepare(_ record: DecisionRecord, into html: inout HTML) {
        guard !dossier.pieces.isEmpty, record.outcome != .unfavorable else { return }
        html.element("h2", [("id", "pieces")], "Pièces à préparer")
        html.element("p", [], "La simulation les suppose fournies : joignez-les au dossier de demande.")
        list(dossier.pieces.map(\.label), into: &html)
    }

    private func missing(_ record: DecisionRecord, into html: inout HTML) {
        guard !record.missing.isEmpty, record.outcome == .incomplete else { return }
        html.element("h2", [("id", "manque")], "Ce qui manque pour conclure")
        list(record.missing.map { row in row.text + (row.help.map { " " + $0 } ?? "") }, into: &html)
    }

    private func amount(_ record: DecisionRecord, into html: inout HTML) {
        guard record.steps.contains(where: { $0.value != nil }), let definition = record.scheme.amount else { return }
        html.element("h2", [("id", "montant")], "Calcul du montant, pas à pas")
        html.raw("<table class=\"steps\">\n<thead><tr><th scope=\"col\">Étape</th><th scope=\"col\">Calcul</th><th scope=\"col\">Montant</th></tr></thead>\n<tbody>\n")
        for step in record.steps {
            html.raw("<tr>")
            html.element("th", [("scope", "row")], step.label)
            html.element("td", [], step.wording ?? "—")
            html.element("td", [("class", "amount")], step.value ?? "non calculable")
            html.raw("</tr>\n")
        }
        if let final = record.amount {
            html.raw("<tr>")
            html.element("th", [("scope", "row")], "Montant retenu")
            html.element("td", [], FrenchFormat.rounding(definition.rounding))
            html.element("td", [("class", "amount")], content: { $0.element("strong", [], FrenchFormat.money(final)) })
            html.raw("</tr>\n")
        }
        html.raw("</tbody>\n</table>\n")
        if !record.scheme.limits.isEmpty {
            html.element("p", [], "Le simulateur ne connaît pas les aides déjà décidées : les plafonds qui en tiennent compte (\(record.scheme.limits.map { record.filled($0.label).lowercasedFirst }.joined(separator: " ; "))) sont calculés comme si aucune n'avait été accordée. L'instructeur les vérifie au registre des décisions ; le montant réel peut être moindre.")
        }
    }

    private func criteria(_ record: DecisionRecord, into html: inout HTML) {
        html.element("h2", [("id", "conditions")], "Les conditions, une à une")
        for row in record.criteria {
            html.open("section", [("class", "rule"), ("aria-labelledby", "condition-\(row.id)")])
            html.element("h3", [("id", "condition-\(row.id)")], "\(row.number). \(row.label)")
            let tone = row.verdict == .satisfied ? "verdict-satisfied" : row.verdict == .failed ? "verdict-failed" : "verdict-other"
            html.element("p", [], content: { $0.element("span", [("class", "verdict \(tone)")], row.verdict.frenchLabel) })
            if row.verdict == .failed { html.element("p", [], "Motif : \(row.failure)") }
            let facts = row.facts.map(\.statement) + row.missing.map { "Élément manquant : \($0)" }
            if !facts.isEmpty { html.element("p", [], "Faits retenus : " + facts.joined(separator: " ")) }
            if let source = row.source { passage(source, into: &html) }
            html.close("section")
        }
    }

    /// The text a criterion comes from: its words, or what it says in substance, with a link to
    /// the passage on the scheme's page.
    private func passage(_ source: SourceReference, into html: inout HTML) {
        if let quote = source.quote { html.element("blockquote", [], content: { $0.element("p", [], "« \(quote) »") }) }
        if let summary = source.summary { html.element("p", [], "En substance : \(FrenchText.phrase(summary))") }
        html.element("p", [("class", "citation")], content: { p in
            p.text("Texte : ")
            p.link("/dispositifs/\(pages.scheme.id)#texte-\(source.id)", source.citation)
        })
    }

    private func notices(_ record: DecisionRecord, into html: inout HTML) {
        guard !record.notices.isEmpty else { return }
        html.element("h2", [("id", "suites")], record.outcome == .unfavorable ? "Orientation" : "Suites prévues en cas d'attribution")
        list(record.notices.map(\.text), into: &html)
    }

    private func downloads(into html: inout HTML) {
        html.element("h2", [("id", "telecharger")], "Télécharger")
        html.element("p", [], "Le dossier de demande reprend vos réponses dans le format que lit le service instructeur ; la simulation, ce résultat en un document à imprimer ou à transmettre. Rien n'est conservé sur ce site.")
        html.raw("<div class=\"downloads\">\n")
        for (file, label) in [(Download.dossier, "Dossier de demande (YAML)"), (.html, "Simulation (page HTML)"), (.markdown, "Simulation (texte Markdown)")] {
            html.raw("<button type=\"submit\" class=\"secondary\" formaction=\"\(pages.path)/\(file.rawValue)\">")
            html.text(label)
            html.raw("</button>\n")
        }
        html.raw("</div>\n")
    }

    private func list(_ items: [String], into html: inout HTML) {
        html.raw("<ul>\n")
        for item in items { html.element("li", [], item) }
        html.raw("</ul>\n")
    }
}

extension String {
    /// The first letter in lower case, as a label read within a sentence.
    var lowercasedFirst: String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
