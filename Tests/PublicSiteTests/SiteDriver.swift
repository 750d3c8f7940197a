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

    /// Posts what a browser would send from the page — its hidden fields, its text fields as
    /// filled, its checked radios and boxes — with `typed` in place of the fields of the same
    /// names, and the button `aller`.
    func submit(_ page: SiteResponse, to path: String, typed: [(String, String)], button: String? = "suivant") -> SiteResponse {
        let replaced = Set(typed.map(\.0))
        var form = Self.formFields(page.text).filter { !replaced.contains($0.0) } + typed
        if let button { form.append(("aller", button)) }
        return site.respond(to: SiteRequest(method: "POST", path: path, form: form))
    }

    /// The fields a browser submits from a page's `<input>`s, unescaped, in order.
    static func formFields(_ html: String) -> [(String, String)] {
        var fields: [(String, String)] = []
        var rest = Substring(html)
        while let start = rest.range(of: "<input ") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: ">") else { break }
            let attributes = attributes(String(rest[..<end]))
            rest = rest[end...]
            guard let name = attributes["name"] else { continue }
            switch attributes["type"] {
            case "hidden", "text": fields.append((name, attributes["value"] ?? ""))
            case "radio", "checkbox":
                if attributes["checked"] != nil { fields.append((name, attributes["value"] ?? "on")) }
            default: continue
            }
        }
        return fields
    }

    private static func attributes(_ tag: String) -> [String: String] {
        var result: [String: String] = [:]
        var rest = Substring(tag)
        while let equals = rest.range(of: "=\"") {
            let name = rest[..<equals.lowerBound].split(separator: " ").last.map(String.init) ?? ""
            rest = rest[equals.upperBound...]
            guard let close = rest.firstIndex(of: "\"") else { break }
            result[name] = unescape(String(rest[..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return result
    }

    static func unescape(_ text: String) -> String {
        text.replacing("&quot;", with: "\"").replacing("&lt;", with: "<").replacing("&gt;", with: ">").replacing("&amp;", with: "&")
    }

    /// The content of the page's `<title>`, its no-break spaces as spaces.
    static func title(_ html: String) -> String? {
        guard let start = html.range(of: "<title>"), let end = html.range(of: "</title>") else { return nil }
        return unescape(String(html[start.upperBound..<end.lowerBound])).plain
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

extension String {
    /// With its no-break spaces as spaces: what a test compares, whatever the typography.
    var plain: String { replacing("\u{00A0}", with: " ").replacing("\u{202F}", with: " ") }
}

extension SiteResponse {
    /// The body as text, its no-break spaces as spaces.
    var plain: String { text.plain }
}
