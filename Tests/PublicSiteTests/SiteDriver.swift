import PublicSite
import RuleSet
import SchemeLanguage
import TestSupport

/// Drives the public site as a browser would: reads the hidden fields of the page it got,
/// adds what a person types, and posts the form with the button pressed.
struct SiteDriver {
    static let catalog = SchemeCatalog.load(directory: Repository.path("Rules"))
    static let day = LocalDate(year: 2020, month: 10, day: 12)!

    let site = PublicSite(catalog: SiteDriver.catalog, today: { SiteDriver.day })

    func get(_ target: String) -> SiteResponse {
        site.respond(method: "GET", target: target)
    }

    /// Posts the page's hidden fields, then `typed` (which replace hidden fields of the same
    /// names), then the button `aller`.
    func submit(_ page: SiteResponse, to path: String, typed: [(String, String)], button: String? = "suivant") -> SiteResponse {
        let replaced = Set(typed.map(\.0))
        var form = Self.hiddenFields(page.text).filter { !replaced.contains($0.0) } + typed
        if let button { form.append(("aller", button)) }
        return site.respond(to: SiteRequest(method: "POST", path: path, form: form))
    }

    /// The `<input type="hidden" name="…" value="…">` of a page, unescaped, in order.
    static func hiddenFields(_ html: String) -> [(String, String)] {
        var fields: [(String, String)] = []
        var rest = Substring(html)
        while let start = rest.range(of: "<input type=\"hidden\" name=\"") {
            rest = rest[start.upperBound...]
            guard let nameEnd = rest.firstIndex(of: "\"") else { break }
            let name = String(rest[..<nameEnd])
            rest = rest[nameEnd...]
            guard let valueStart = rest.range(of: "value=\"") else { break }
            rest = rest[valueStart.upperBound...]
            guard let valueEnd = rest.firstIndex(of: "\"") else { break }
            fields.append((unescape(name), unescape(String(rest[..<valueEnd]))))
            rest = rest[valueEnd...]
        }
        return fields
    }

    static func unescape(_ text: String) -> String {
        text.replacing("&quot;", with: "\"").replacing("&lt;", with: "<").replacing("&gt;", with: ">").replacing("&amp;", with: "&")
    }

    /// The content of the page's `<title>`.
    static func title(_ html: String) -> String? {
        guard let start = html.range(of: "<title>"), let end = html.range(of: "</title>") else { return nil }
        return unescape(String(html[start.upperBound..<end.lowerBound]))
    }

    static let applicant: [(String, String)] = [
        ("demandeur.nom", "Commune de Wimereux"), ("demandeur.nature", "commune"),
        ("demandeur.objet", "Sécurisation et balisage du sentier du littoral de la pointe aux Oies"),
    ]

    static let firstPage: [(String, String)] = [
        ("reponse.porteur.habilite_pdesi", "oui"), ("reponse.esi.categorie", "inscrit_1"), ("reponse.projet.respect_normes", "oui"),
        ("reponse.projet.validation_proprietaire", "oui"), ("reponse.projet.projet_animation", "oui"),
    ]

    static func secondPage(amount: String) -> [(String, String)] {
        [("reponse.projet.enjeux", ""), ("reponse.projet.enjeux", "perennisation_acces"), ("reponse.projet.enjeux", "developpement_touristique"),
         ("reponse.projet.depense_eligible_ht", amount), ("ttc.projet.depense_eligible_ht", "non"), ("tva.projet.depense_eligible_ht", ""),
         ("reponse.porteur.siren", "216200001")]
    }

    static let path = "/dispositifs/pdesi/simulation"

    /// The Wimereux sample answered from the first step to the result.
    func wimereuxResult() -> SiteResponse {
        let start = get(Self.path)
        let first = submit(start, to: Self.path, typed: Self.applicant)
        let second = submit(first, to: Self.path, typed: Self.firstPage)
        return submit(second, to: Self.path, typed: Self.secondPage(amount: "60 000,00"))
    }
}
