import Decisions
import SchemeLanguage

/// `GET /dispositifs/{id}`: a scheme as `guichet explain` states it (`SchemeOutline`), laid out
/// for the public — who may apply and who decides, the criteria, the amount with its parameters
/// and caps, the questions and pieces, how the text is applied, and the texts quoted with their
/// references. Each rule has its own anchor (`#critere-porteur-habilite`,
/// `#parametre-plafond_inscrit`, `#etape-montant`, `#piece-devis`, `#texte-taux`), which a
/// result page and an interpretation link to.
struct SchemePage {
    let site: PublicSite
    let scheme: Scheme
    let day: LocalDate

    func render() -> SiteResponse {
        let outline = SchemeOutline(scheme)
        return Layout.page(title: "\(scheme.title) — Guichet", site: site.identity) { html in
            html.element("p", [("class", "eyebrow")], "\(FrenchText.capitalized(outline.kindName)) — \(outline.authority)")
            html.element("h1", [], outline.title)
            let status = PeriodStatus(scheme, on: day)
            html.element("p", [], content: { $0.element("span", [("class", status.cssClass)], status.text) })
            html.raw("<p>")
            html.link("/dispositifs/\(scheme.id)/simulation", "Simuler une demande")
            html.raw(" — le montant possible, sans rien enregistrer.</p>\n")
            contents(outline, into: &html)
            who(outline, into: &html)
            criteria(outline, into: &html)
            amount(outline, into: &html)
            questions(outline, into: &html)
            others(outline, into: &html)
            interpretations(outline, into: &html)
            texts(outline, into: &html)
            html.element("p", [("class", "citation")], "Règles : fichier \(outline.file), empreinte SHA-256 \(outline.rulesHash).")
        }
    }

    private func contents(_ outline: SchemeOutline, into html: inout HTML) {
        var entries = [("qui", "Qui peut demander, qui décide"), ("criteres", "Conditions d'éligibilité")]
        if !outline.steps.isEmpty || !outline.parameters.isEmpty { entries.append(("montant", "Montant de l'aide et plafonds")) }
        entries.append(("informations", "Informations et pièces demandées"))
        if !outline.interpretations.isEmpty { entries.append(("application", "Comment le texte est appliqué")) }
        entries.append(("textes", "Textes de référence"))
        html.raw("<nav aria-labelledby=\"sommaire\"><h2 id=\"sommaire\">Sommaire</h2><ul class=\"toc\">\n")
        for (anchor, title) in entries { html.element("li", [], content: { $0.link("#" + anchor, title) }) }
        html.raw("</ul></nav>\n")
    }

    private func who(_ outline: SchemeOutline, into html: inout HTML) {
        html.element("h2", [("id", "qui")], "Qui peut demander, qui décide")
        if scheme.beneficiaries.isEmpty {
            html.element("p", [], "Le dispositif ne précise pas, pour ce catalogue, quels demandeurs il vise : lisez ses conditions.")
        } else {
            html.element("p", [], "Le dispositif s'adresse aux demandeurs suivants : \(FrenchFormat.series(scheme.beneficiaries.map { $0.frenchLabel.lowercased() })). Chaque demande est examinée selon les conditions ci-dessous.")
        }
        if !scheme.themes.isEmpty { html.element("p", [], "Thèmes : " + scheme.themes.map(\.frenchLabel).joined(separator: ", ") + ".") }
        if let body = outline.decidingBody {
            html.element("p", [], "Décide des demandes : \(body).")
            passage(outline.decidingSource, into: &html)
        }
        if let period = outline.period {
            html.element("p", [], "Période de dépôt des demandes : \(period).")
            passage(outline.periodSource, into: &html)
        }
    }

    private func criteria(_ outline: SchemeOutline, into html: inout HTML) {
        html.element("h2", [("id", "criteres")], "Conditions d'éligibilité")
        html.element("p", [], "Une demande est examinée au regard de chacune de ces conditions ; une seule non remplie suffit à la rejeter.")
        for criterion in outline.criteria {
            html.open("section", [("class", "rule"), ("id", "critere-" + criterion.id), ("aria-labelledby", "titre-critere-" + criterion.id)])
            html.element("h3", [("id", "titre-critere-" + criterion.id)], "Condition n°\(criterion.number) : \(criterion.label)")
            if let applies = criterion.appliesWhen {
                html.element("p", [], content: { $0.text("S'applique seulement lorsque : "); $0.element("code", [], applies) })
            }
            if let condition = criterion.condition {
                html.element("p", [], content: { $0.text("Règle écrite : "); $0.element("code", [], condition) })
            } else {
                html.element("p", [], "Appréciée par l'instructeur, au vu du dossier.")
            }
            html.element("p", [], "Si elle n'est pas remplie : \(criterion.failure)")
            passage(criterion.passage, into: &html)
            html.close("section")
        }
    }

    private func amount(_ outline: SchemeOutline, into html: inout HTML) {
        guard !outline.steps.isEmpty || !outline.parameters.isEmpty else { return }
        html.element("h2", [("id", "montant")], "Montant de l'aide et plafonds")
        if !outline.steps.isEmpty {
            html.element("p", [], "Le montant est calculé pas à pas :")
            html.raw("<ol>\n")
            for step in outline.steps {
                html.open("li", [("id", "etape-" + step.id), ("class", "rule")])
                html.element("strong", [], step.label)
                if let wording = step.wording { html.text(" — " + wording) }
                html.raw(" ")
                html.element("code", [], step.formula)
                html.close("li")
            }
            html.raw("</ol>\n")
            if let result = outline.result, let rounding = outline.rounding {
                html.element("p", [], "Le montant de l'aide est l'étape « \(result) ». \(rounding).")
            }
        }
        if !outline.parameters.isEmpty {
            html.element("h3", [], "Paramètres : taux, plafonds, forfaits")
            for parameter in outline.parameters {
                html.open("section", [("class", "rule"), ("id", "parametre-" + parameter.id)])
                html.element("p", [], content: { $0.element("strong", [], parameter.label); $0.text(" : " + parameter.values) })
                passage(parameter.passage, into: &html)
                html.close("section")
            }
        }
        for limit in outline.limits {
            html.open("section", [("class", "rule"), ("id", "limite-" + limit.id)])
            html.element("p", [], "Plafond tenant compte des aides déjà décidées : \(limit.label). Le simulateur ne connaît pas ces décisions ; l'instructeur les vérifie au registre.")
            passage(limit.passage, into: &html)
            html.close("section")
        }
    }

    private func questions(_ outline: SchemeOutline, into html: inout HTML) {
        html.element("h2", [("id", "informations")], "Informations et pièces demandées")
        html.raw("<dl class=\"answers\">\n")
        for question in outline.questions {
            html.element("dt", [("id", "information-" + question.id)], question.question)
            var detail = "Réponse : \(question.answer)."
            if let piece = question.piece { detail += " Justifiée par : \(piece)." }
            if question.confirmed { detail += " Déclaration vérifiée par l'instructeur." }
            html.element("dd", [], content: { dd in
                if let help = question.help { dd.text(help + " ") }
                dd.text(detail)
            })
        }
        html.raw("</dl>\n")
        guard !outline.pieces.isEmpty else { return }
        html.element("h3", [], "Pièces justificatives")
        html.raw("<ul>\n")
        for piece in outline.pieces {
            html.element("li", [("id", "piece-" + piece.id)], content: { li in
                li.text(piece.label)
                if let passage = piece.passage { li.raw(" ("); li.link("#texte-" + passage.id, "texte"); li.raw(")") }
            })
        }
        html.raw("</ul>\n")
    }

    private func others(_ outline: SchemeOutline, into html: inout HTML) {
        if !outline.notices.isEmpty {
            html.element("h3", [], "Suites prévues en cas d'attribution")
            html.raw("<ul>\n")
            for notice in outline.notices { html.element("li", [("id", "suite-" + notice.id)], notice.label) }
            html.raw("</ul>\n")
        }
        if !outline.selection.isEmpty {
            html.element("h3", [], "Sélection des candidatures")
            html.raw("<ul>\n")
            for line in outline.selection { html.element("li", [], line) }
            html.raw("</ul>\n")
        }
    }

    private func interpretations(_ outline: SchemeOutline, into html: inout HTML) {
        guard !outline.interpretations.isEmpty else { return }
        html.element("h2", [("id", "application")], "Comment le texte est appliqué")
        html.element("p", [], "Là où le texte laisse un choix, voici la lecture retenue :")
        for item in outline.interpretations {
            html.open("section", [("class", "rule"), ("id", "interpretation-" + item.id)])
            html.element("h3", [], item.question)
            html.element("p", [], item.choice)
            html.element("p", [("class", "citation")], content: { p in
                p.text("S'applique à : ")
                guard !item.targets.isEmpty else { p.text("tout le dispositif."); return }
                for (index, target) in item.targets.enumerated() {
                    if index > 0 { p.text(", ") }
                    let (prefix, noun) = anchor(target.kind)
                    p.link("#\(prefix)-\(target.id)", "\(noun) « \(target.id) »")
                }
                p.text(".")
            })
            html.close("section")
        }
    }

    private func anchor(_ kind: Interpretation.Target.Kind) -> (String, String) {
        switch kind {
        case .criterion: ("critere", "condition")
        case .parameter: ("parametre", "paramètre")
        case .limit: ("limite", "plafond")
        case .step: ("etape", "étape")
        }
    }

    private func texts(_ outline: SchemeOutline, into html: inout HTML) {
        html.element("h2", [("id", "textes")], "Textes de référence")
        for passage in outline.passages {
            html.open("section", [("class", "rule"), ("id", "texte-" + passage.id)])
            html.element("p", [], content: { $0.element("strong", [], passage.citation) })
            if passage.context { html.element("p", [], "Texte de contexte : il décrit les règles, mais ne fonde pas les décisions.") }
            quote(passage, into: &html)
            html.close("section")
        }
    }

    /// A rule's text, quoted, with a link to it among the texts of reference.
    private func passage(_ passage: SchemeOutline.Passage?, into html: inout HTML) {
        guard let passage else { return }
        quote(passage, into: &html)
        html.element("p", [("class", "citation")], content: { p in
            p.text("Source : ")
            p.link("#texte-" + passage.id, passage.citation)
        })
    }

    private func quote(_ passage: SchemeOutline.Passage, into html: inout HTML) {
        if let quote = passage.quote {
            html.element("blockquote", [], content: { $0.element("p", [], "« \(quote) »") })
        }
        if let summary = passage.summary { html.element("p", [], "En substance : \(summary)") }
    }
}
