import Evaluator
import PublicSite
import RuleSet
import SchemeLanguage
import Testing
import TestSupport
import YAMLReader

/// The site's routes, its catalogue, what it does with hostile input, and what every page
/// promises the server's Content-Security-Policy.
@Suite struct SiteTests {
    let driver = SiteDriver()

    @Test func theCatalogueFiltersByBeneficiaryAndTheme() {
        let all = driver.get("/")
        #expect(all.status == 200)
        for id in ["pdesi", "medecins-salaries", "fsl-acces", "fonds-solvabilisation", "fonds-dettes-loyer", "itineraires-cyclables-colleges"] {
            #expect(all.plain.contains("href=\"/dispositifs/\(id)\""), "\(id)")
        }
        let commune = driver.get("/?beneficiaire=commune&theme=")
        #expect(commune.plain.contains("href=\"/dispositifs/pdesi\"") && commune.plain.contains("href=\"/dispositifs/medecins-salaries\""))
        #expect(!commune.plain.contains("href=\"/dispositifs/fsl-acces\""))
        #expect(commune.plain.contains("<option value=\"commune\" selected=\"selected\">Communes</option>"))
        let person = driver.get("/?beneficiaire=personne")
        for id in ["fsl-acces", "fonds-solvabilisation", "fonds-dettes-loyer"] { #expect(person.plain.contains("href=\"/dispositifs/\(id)\"")) }
        #expect(!person.plain.contains("href=\"/dispositifs/pdesi\""))
        let health = driver.get("/?beneficiaire=commune&theme=sante")
        #expect(health.plain.contains("href=\"/dispositifs/medecins-salaries\"") && !health.plain.contains("href=\"/dispositifs/pdesi\""))
        #expect(health.plain.contains("1 dispositif correspond à ces critères."))
        let none = driver.get("/?beneficiaire=entreprise")
        #expect(none.plain.contains("Aucun dispositif ne correspond à ces critères."))
        // An unknown value filters nothing, as « all ».
        #expect(driver.get("/?beneficiaire=martien").plain.contains("href=\"/dispositifs/pdesi\""))
    }

    @Test func theCatalogueShowsEachPeriodOnTheDay() {
        let late = PublicSite(catalog: SiteDriver.catalog, today: { LocalDate(year: 2022, month: 3, day: 1)! })
        let page = late.respond(to: SiteRequest(method: "GET", path: "/", query: [("beneficiaire", "personne")]))
        #expect(page.plain.contains("Clos — demandes déposées du 1er janvier 2020 au 31 décembre 2021"))
        #expect(page.plain.contains("Ouvert — le texte ne fixe pas de période de dépôt"))
        #expect(driver.get("/?beneficiaire=commune").plain.contains("Ouvert — demandes déposées à compter du 9 octobre 2020"))
    }

    /// The GP call closes on its parameter's day, which its criteria judge: the catalogue shows it
    /// open before, closing on the day, closed after.
    @Test(arguments: [(10, 20, "Ouvert — demandes déposées à compter du 5 octobre 2020 ; date de clôture : 6 novembre 2020"),
                      (11, 6, "Clôture ce jour — date de clôture : 6 novembre 2020"),
                      (11, 7, "Clos — date de clôture : 6 novembre 2020")])
    func aCallClosesOnItsDeadline(month: Int, day: Int, shown: String) {
        let site = PublicSite(catalog: SiteDriver.catalog, today: { LocalDate(year: 2020, month: month, day: day)! })
        let page = site.respond(to: SiteRequest(method: "GET", path: "/", query: [("theme", "sante")]))
        #expect(page.plain.contains(shown), "\(page.plain)")
    }

    @Test func theSchemePageGivesEachRuleItsAnchorAndQuotesItsText() {
        let page = driver.get("/dispositifs/pdesi")
        #expect(page.status == 200)
        for anchor in ["critere-porteur-habilite", "critere-periode-application", "parametre-plafond_inscrit", "parametre-taux_classe",
                       "etape-montant", "piece-devis", "texte-taux", "limite-aides_annee", "interpretation-plafond-annuel"] {
            #expect(page.plain.contains("id=\"\(anchor)\""), "\(anchor)")
        }
        #expect(page.plain.contains("40 000,00 €") || page.plain.contains("40 000,00 €"))
        #expect(page.plain.contains("« Dans un souci de cohérence, les porteurs de projets éligibles"))
        #expect(page.plain.contains("<a href=\"#critere-plafond-annuel-disponible\">"))
        #expect(page.plain.contains("Communes") || page.plain.contains("communes"))
        #expect(page.plain.contains("Décide des demandes : Commission permanente du Conseil départemental."))
    }

    @Test func unknownPathsAndSchemesAre404AndOtherMethods405() {
        for path in ["/nulle-part", "/dispositifs/inconnu", "/dispositifs/inconnu/simulation", "/dispositifs/pdesi/autre", "/static/autre.css"] {
            let page = driver.get(path)
            #expect(page.status == 404, "\(path)")
            #expect(page.plain.contains("<h1>Page introuvable</h1>"))
        }
        let post = driver.site.respond(to: SiteRequest(method: "POST", path: "/"))
        #expect(post.status == 405 && post.headers.contains { $0 == ("Allow", "GET, HEAD") })
        let download = driver.get("/dispositifs/pdesi/simulation/dossier.yaml")
        #expect(download.status == 405 && download.headers.contains { $0 == ("Allow", "POST") })
        #expect(driver.site.respond(to: SiteRequest(method: "DELETE", path: "/dispositifs/pdesi/simulation")).status == 405)
        let css = driver.get("/static/guichet.css")
        #expect(css.status == 200 && css.contentType == "text/css; charset=utf-8" && css.plain.contains(":focus-visible"))
        #expect(driver.get("/dispositifs/pdesi/").status == 200)
    }

    @Test func malformedEncodingIsA400InFrenchNotACrash() {
        for body in ["a=%ZZ", "a=%", "a=%4", "reponse.x=%C3%28", "%FF=1"] {
            let page = driver.site.respond(method: "POST", target: "/dispositifs/pdesi/simulation", body: Array(body.utf8))
            #expect(page.status == 400, "\(body)")
            #expect(page.plain.contains("<h1>Requête illisible</h1>"))
        }
        #expect(driver.site.respond(method: "GET", target: "/?beneficiaire=%E9").status == 400)
        #expect(driver.site.respond(method: "GET", target: "/dispositifs/pd%ZZsi").status == 400)
        #expect(driver.site.respond(method: "GET", target: "/dispositifs/pd%65si").status == 200)
        let many = Array(repeating: "a=b", count: FormDecoding.maximumFields + 1).joined(separator: "&")
        #expect(driver.site.respond(method: "POST", target: "/dispositifs/pdesi/simulation", body: Array(many.utf8)).status == 400)
    }

    @Test func formDecodingReadsPlusPercentAndRepeatedNames() throws {
        let pairs = try FormDecoding.pairs("a=1+2&b=%C3%A9t%C3%A9&a=3&vide=&seul&=x").get()
        #expect(pairs.map(\.0) == ["a", "b", "a", "vide", "seul", ""])
        #expect(pairs.map(\.1) == ["1 2", "été", "3", "", "", "x"])
        #expect(FormDecoding.pairs("x=%2B%26%3D").map { $0.map(\.1) } == .success(["+&="]))
    }

    @Test func hostileTextIsEscapedInPagesAndQuotedInTheDossier() throws {
        let name = "Commune <script>alert(\"x\")</script> d'Été : {a: b} & \"c\""
        let path = SiteDriver.path
        let start = driver.get(path)
        var applicant = SiteDriver.applicant
        applicant[0] = ("demandeur.nom", name)
        let first = driver.submit(start, to: path, typed: applicant)
        let second = driver.submit(first, to: path, typed: SiteDriver.firstPage)
        var page = SiteDriver.secondPage(amount: "60 000")
        page[page.count - 1] = ("reponse.porteur.siren", "\"><script>x</script>\n- pieces: [devis]")
        let result = driver.submit(second, to: path, typed: page)
        #expect(SiteDriver.title(result.text) == "Résultat — Simulation PDESI — Guichet")
        #expect(!result.plain.contains("<script"))
        #expect(result.plain.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
        let dossier = driver.submit(result, to: path + "/dossier.yaml", typed: [], button: nil)
        let document = try YAMLDocumentReader.singleDocument(text: dossier.text, file: "dossier.yaml")
        let applicantNode = document.mapping?.first { $0.key.scalar == "applicant" }?.value
        #expect(applicantNode?.mapping?.first { $0.key.scalar == "name" }?.value.scalar == name)
        let facts = document.mapping?.first { $0.key.scalar == "facts" }?.value.mapping
        #expect(facts?.first { $0.key.scalar == "porteur.siren" }?.value.scalar == "\"><script>x</script>\n- pieces: [devis]")
        #expect(document.mapping?.map { $0.key.scalar } == ["scheme", "id", "filed", "applicant", "subject", "facts", "pieces"])
    }

    @Test func aLineBreakInANameIsRefusedByTheDecoderNextToTheField() {
        let start = driver.get(SiteDriver.path)
        var applicant = SiteDriver.applicant
        applicant[0] = ("demandeur.nom", "Commune de\nWimereux")
        let page = driver.submit(start, to: SiteDriver.path, typed: applicant)
        #expect(SiteDriver.title(page.text) == "Erreur : Étape 1 sur 4 — Simulation PDESI — Guichet")
        #expect(page.plain.contains("<li><a href=\"#champ-demandeur-nom\">Ce texte doit tenir sur une seule ligne : retirez le saut de ligne.</a></li>")
                || page.plain.contains("<li><a href=\"#champ-demandeur-nom\">Ce texte doit tenir sur une seule ligne : retirez le saut de ligne.</a></li>"))
        #expect(page.plain.contains("id=\"erreur-champ-demandeur-nom\""))
    }

    @Test func everyPageIsFrenchHTMLWithoutInlineScriptOrStyle() {
        let result = driver.wimereuxResult()
        let pages = [driver.get("/"), driver.get("/dispositifs/pdesi"), driver.get("/dispositifs/fonds-solvabilisation"),
                     driver.get(SiteDriver.path), driver.get("/dispositifs/fsl-acces/simulation"), result, driver.get("/inconnu")]
        for page in pages {
            #expect(page.contentType == "text/html; charset=utf-8")
            #expect(page.text.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr\">"))
            #expect(page.plain.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
            #expect(page.plain.contains("<link rel=\"stylesheet\" href=\"/static/guichet.css\">"))
            #expect(!page.plain.contains("<script") && !page.plain.contains(" style=") && !page.plain.contains("<style"))
        }
    }
}
