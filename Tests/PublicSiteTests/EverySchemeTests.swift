import PublicSite
import RuleSet
import SchemeLanguage
import Testing
import TestSupport

/// Every scheme of the rules folder can be simulated to its result: each page is answered
/// with a plausible value of its type, and every page the site gives on the way is a page.
@Suite struct EverySchemeTests {
    static let day = LocalDate(year: 2020, month: 11, day: 2)!

    /// A value of each type, as a person types it.
    static func answer(_ input: InputDefinition) -> [String] {
        switch input.type {
        case .boolean: ["oui"]
        case .enumeration(let domain): [domain.values[0]]
        case .set(let domain): ["", domain.values[0]]
        case .money: ["450,00"]
        case .rate: ["10"]
        case .integer: ["3"]
        case .number: ["3,5"]
        case .date: input.id.contains("naissance") ? ["02/04/2001"] : ["02/11/2020"]
        default: ["ABC-123"]
        }
    }

    @Test(arguments: ["pdesi", "medecins-salaries", "fsl-acces", "fonds-solvabilisation", "fonds-dettes-loyer", "itineraires-cyclables-colleges"])
    func aSchemeIsSimulatedToItsResult(id: String) throws {
        let catalog = SiteDriver.catalog
        let scheme = try #require(catalog.schemes[id])
        let site = PublicSite(catalog: catalog, today: { Self.day })
        let path = "/dispositifs/\(id)/simulation"
        var page = site.respond(to: SiteRequest(method: "GET", path: path))
        var form = [("demandeur.nom", "Demandeur d'essai"), ("demandeur.nature", scheme.beneficiaries.first?.rawValue ?? "commune"),
                    ("demandeur.objet", "Essai")]
        var reached = false
        for _ in 0..<12 {
            #expect(page.status == 200, "\(id): \(page.plain.prefix(300))")
            #expect(page.plain.contains("<html lang=\"fr\">"))
            if SiteDriver.title(page.text)?.hasPrefix("Résultat") == true {
                reached = true
                break
            }
            for input in scheme.inputs where !form.contains(where: { $0.0 == "reponse." + input.id }) {
                form += Self.answer(input).map { ("reponse." + input.id, $0) }
            }
            let step = SiteDriver.formFields(page.text).first { $0.0 == "etape" }?.1 ?? "0"
            page = site.respond(to: SiteRequest(method: "POST", path: path, form: form + [("etape", step), ("aller", "suivant")]))
        }
        #expect(reached, "\(id) never reached its result: \(SiteDriver.title(page.text) ?? "")")
        #expect(page.plain.contains("Simulation — ce document n'est pas une décision."))
        for file in ["dossier.yaml", "simulation.html", "simulation.md"] {
            let download = site.respond(to: SiteRequest(method: "POST", path: path + "/" + file, form: form))
            #expect(download.status == 200, "\(id) \(file)")
        }
    }
}

/// An allocation (`kind: allocation`) has no applicants: the public site neither lists it nor
/// offers to simulate it.
@Suite struct AllocationOffTheSiteTests {
    @Test func theCollegesAllocationIsNeitherListedNorSimulated() throws {
        let catalog = SiteDriver.catalog
        #expect(catalog.schemes["dotations-colleges"]?.kind == .allocation)
        let driver = SiteDriver()
        let home = driver.get("/")
        #expect(home.status == 200 && home.plain.contains("dispositifs/pdesi"))
        #expect(!home.plain.contains("dispositifs/dotations-colleges"))
        #expect(driver.get("/dispositifs/dotations-colleges").status == 404)
        #expect(driver.get("/dispositifs/dotations-colleges/simulation").status == 404)
    }
}
