import Testing
import PublicSite
import Foundation

/// Writes a few pages to a folder when GUICHET_WRITE_PAGES names one, to look at them.
@Suite struct RenderSamples {
    @Test func writePages() throws {
        guard let folder = ProcessInfo.processInfo.environment["GUICHET_WRITE_PAGES"] else { return }
        let driver = SiteDriver()
        let start = driver.get(SiteDriver.path)
        let first = driver.submit(start, to: SiteDriver.path, typed: SiteDriver.applicant)
        let second = driver.submit(first, to: SiteDriver.path, typed: SiteDriver.firstPage)
        let wrong = driver.submit(second, to: SiteDriver.path, typed: SiteDriver.secondPage(amount: "60 000,0O"))
        let result = driver.submit(wrong, to: SiteDriver.path, typed: SiteDriver.secondPage(amount: "60 000,00"))
        let pages = ["catalogue.html": driver.get("/"), "pdesi.html": driver.get("/dispositifs/pdesi"),
                     "etape1.html": start, "etape2.html": first, "etape3.html": second, "erreur.html": wrong, "resultat.html": result,
                     "guichet.css": driver.get("/static/guichet.css"), "404.html": driver.get("/nulle-part"),
                     "personne.html": driver.get("/?beneficiaire=personne")]
        for (name, page) in pages { try Data(page.body).write(to: URL(fileURLWithPath: "\(folder)/\(name)")) }
        for file in ["dossier.yaml", "simulation.html", "simulation.md"] {
            let download = driver.submit(result, to: SiteDriver.path + "/" + file, typed: [], button: nil)
            try Data(download.body).write(to: URL(fileURLWithPath: "\(folder)/telechargement-\(file)"))
        }
    }
}
