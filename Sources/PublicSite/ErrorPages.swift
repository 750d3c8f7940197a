/// The pages that say, in French, why a request gets nothing else.
extension PublicSite {
    /// 404: an unknown path or scheme.
    func notFound() -> SiteResponse {
        Layout.page(title: "Page introuvable — Guichet", site: identity, status: 404) { html in
            html.element("h1", [], "Page introuvable")
            html.element("p", [], "L'adresse demandée ne correspond à aucune page ni à aucun dispositif de ce site. Elle a pu être mal recopiée, ou le dispositif retiré.")
            html.raw("<p>")
            html.link("/", "Voir toutes les aides et tous les appels à projets")
            html.raw("</p>\n")
        }
    }

    /// 405: a known path asked with another method; `allow` lists the methods it answers.
    func methodNotAllowed(allow: String) -> SiteResponse {
        let page = Layout.page(title: "Méthode non permise — Guichet", site: identity, status: 405) { html in
            html.element("h1", [], "Cette page ne s'obtient pas ainsi")
            html.element("p", [], "Cette adresse existe, mais elle ne répond pas à ce type de requête (méthodes acceptées : \(allow)). Les téléchargements d'une simulation s'obtiennent depuis la page de son résultat.")
            html.raw("<p>")
            html.link("/", "Revenir à la liste des aides")
            html.raw("</p>\n")
        }
        return SiteResponse(status: 405, contentType: page.contentType, body: page.body, headers: [("Allow", allow)])
    }

    /// 400: a query string, a form or a path that cannot be decoded.
    public func badRequest(_ error: FormDecodingError) -> SiteResponse {
        let reason = switch error {
        case .badPercentEscape: "un caractère y est mal encodé (un « % » qui n'est pas suivi de deux chiffres hexadécimaux)"
        case .notUTF8: "son texte n'est pas encodé en UTF-8"
        case .tooManyFields: "il contient bien plus de champs qu'aucun formulaire de ce site n'en envoie"
        }
        return Layout.page(title: "Requête illisible — Guichet", site: identity, status: 400) { html in
            html.element("h1", [], "Requête illisible")
            html.element("p", [], "Le site n'a pas pu lire l'adresse ou le formulaire envoyé : \(reason). Rien n'a été enregistré.")
            html.raw("<p>")
            html.link("/", "Revenir à la liste des aides")
            html.raw("</p>\n")
        }
    }
}
