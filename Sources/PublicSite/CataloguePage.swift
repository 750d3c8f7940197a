import SchemeLanguage

/// Whether a scheme receives applications on a day, from its period of application (`in_force`).
struct PeriodStatus {
    enum State { case open, closed, coming }
    let state: State
    /// « Ouvert — demandes déposées à compter du 9 octobre 2020 ».
    let text: String

    init(_ scheme: Scheme, on day: LocalDate) {
        guard let window = scheme.inForce else {
            (state, text) = (.open, "Ouvert — le texte ne fixe pas de période de dépôt")
            return
        }
        let closing = Self.closingDay(scheme, window, on: day)
        let deadline = closing.map { " ; date de clôture : \($0.frenchLong)" } ?? ""
        if let from = window.from, day < from {
            (state, text) = (.coming, "À venir — demandes déposées \(window.span)\(deadline)")
        } else if let until = window.until, until < day {
            (state, text) = (.closed, "Clos — demandes déposées \(window.span)")
        } else if let closing, closing < day {
            (state, text) = (.closed, "Clos — date de clôture : \(closing.frenchLong)")
        } else if let closing, closing == day {
            (state, text) = (.open, "Clôture ce jour — date de clôture : \(closing.frenchLong)")
        } else {
            (state, text) = (.open, "Ouvert — demandes déposées \(window.span)\(deadline)")
        }
    }

    /// The call's closing day on `day`, from the parameter its period names (`deadline`).
    private static func closingDay(_ scheme: Scheme, _ window: ValidityWindow, on day: LocalDate) -> LocalDate? {
        guard let id = window.deadline, case .date(let closing)? = scheme.parameters.first(where: { $0.id == id })?.value(on: day) else { return nil }
        return closing
    }

    var cssClass: String {
        switch state {
        case .open: "status status-open"
        case .closed: "status status-closed"
        case .coming: "status status-coming"
        }
    }
}

/// `GET /`: the schemes and calls, filtered by who applies (`beneficiaire`) and by theme
/// (`theme`) with a form of two selects sent by GET, as Aides-territoires does; open schemes
/// first. An unknown filter value is ignored, as if « all » were chosen.
struct CataloguePage {
    let site: PublicSite
    let day: LocalDate

    func render(query: [(String, String)]) -> SiteResponse {
        let beneficiary = query.last { $0.0 == "beneficiaire" }.flatMap { BeneficiaryCategory(rawValue: $0.1) }
        let theme = query.last { $0.0 == "theme" }.flatMap { SchemeTheme(rawValue: $0.1) }
        // An allocation (`kind: allocation`) has no applicants: it is no aid to simulate.
        let schemes = site.catalog.sorted.filter { scheme in
            scheme.kind != .allocation && (beneficiary.map(scheme.beneficiaries.contains) ?? true) && (theme.map(scheme.themes.contains) ?? true)
        }.sorted { left, right in
            let (l, r) = (PeriodStatus(left, on: day).state == .open, PeriodStatus(right, on: day).state == .open)
            return l != r ? l : left.title < right.title
        }
        let filtered = beneficiary != nil || theme != nil
        return Layout.page(title: "Aides et appels à projets" + (filtered ? " (filtrés)" : "") + " — Guichet", site: site.identity) { html in
            html.element("h1", [], "Aides et appels à projets")
            html.element("p", [("class", "lead")], "Trouvez les aides auxquelles vous pouvez prétendre, lisez leurs conditions et simulez votre demande : le montant possible, calculé pas à pas selon les textes.")
            filters(beneficiary: beneficiary, theme: theme, into: &html)
            let count = schemes.count
            html.element("p", [("role", "status")], count == 0 ? "Aucun dispositif ne correspond à ces critères." : "\(count) dispositif\(count > 1 ? "s" : "") \(filtered ? "correspond\(count > 1 ? "ent" : "") à ces critères" : "au total").")
            guard !schemes.isEmpty else { return }
            html.raw("<ul class=\"cards\">\n")
            for scheme in schemes { card(scheme, into: &html) }
            html.raw("</ul>\n")
        }
    }

    private func filters(beneficiary: BeneficiaryCategory?, theme: SchemeTheme?, into html: inout HTML) {
        html.raw("<form class=\"filters\" method=\"get\" action=\"/\" role=\"search\" aria-label=\"Filtrer les aides\">\n")
        select(name: "beneficiaire", label: "Vous êtes", all: "Tous les demandeurs",
               options: BeneficiaryCategory.allCases.map { ($0.rawValue, $0.frenchLabel) }, selected: beneficiary?.rawValue, into: &html)
        select(name: "theme", label: "Thème", all: "Tous les thèmes",
               options: SchemeTheme.allCases.map { ($0.rawValue, $0.frenchLabel) }, selected: theme?.rawValue, into: &html)
        html.raw("<button type=\"submit\">Afficher les aides</button>\n</form>\n")
    }

    private func select(name: String, label: String, all: String, options: [(String, String)], selected: String?, into html: inout HTML) {
        html.raw("<div class=\"field\">")
        html.element("label", [("for", "filtre-" + name)], label)
        html.open("select", [("id", "filtre-" + name), ("name", name)])
        html.element("option", [("value", "")], all)
        for (value, text) in options {
            html.element("option", [("value", value), ("selected", value == selected ? "selected" : nil)], text)
        }
        html.raw("</select></div>\n")
    }

    private func card(_ scheme: Scheme, into html: inout HTML) {
        let status = PeriodStatus(scheme, on: day)
        html.raw("<li class=\"card\">\n")
        html.element("h2", [], content: { $0.link("/dispositifs/\(scheme.id)", scheme.title) })
        html.element("p", [("class", "meta")], "\(FrenchText.capitalized(scheme.kind.frenchName)) — \(scheme.authority.name)")
        html.element("p", [], content: { $0.element("span", [("class", status.cssClass)], status.text) })
        if !scheme.beneficiaries.isEmpty {
            html.element("p", [], "Pour : " + scheme.beneficiaries.map(\.frenchLabel).joined(separator: ", "))
        }
        if !scheme.themes.isEmpty {
            html.element("p", [], "Thèmes : " + scheme.themes.map(\.frenchLabel).joined(separator: ", "))
        }
        html.raw("<p>")
        html.link("/dispositifs/\(scheme.id)/simulation", "Simuler une demande", [("aria-label", "Simuler une demande : \(scheme.title)")])
        html.raw("</p>\n</li>\n")
    }
}

/// Small French helpers for the site's own words.
enum FrenchText {
    static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// A sentence read after « En substance : », its first letter lowered unless it begins an
    /// acronym (« La délibération… » but « P.D.E.S.I. »).
    static func phrase(_ text: String) -> String {
        let letters = text.prefix(2)
        guard letters.count == 2, letters.last!.isLowercase || letters.last == " " || letters.last == "'" else { return text }
        return text.prefix(1).lowercased() + text.dropFirst()
    }

}
