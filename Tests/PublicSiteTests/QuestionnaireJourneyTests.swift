import Evaluator
import Foundation
import PublicSite
import RuleSet
import SchemeLanguage
import Testing
import TestSupport
import YAMLReader

/// The PDESI questionnaire driven through `PublicSite.respond` as a browser would, for the
/// Wimereux sample: a wrong amount comes back in French next to its field, then the result,
/// then the downloads, which the project's own evaluator and `guichet evaluate` read alike.
@Suite struct QuestionnaireJourneyTests {
    let driver = SiteDriver()
    let path = SiteDriver.path

    @Test func wimereuxFromTheFirstStepToTheResultWithAWrongAmountCorrected() throws {
        let start = driver.get(path)
        #expect(start.status == 200)
        #expect(SiteDriver.title(start.text) == "Étape 1 sur 4 — Simulation PDESI — Guichet")
        #expect(start.plain.contains("<legend>Nature du demandeur</legend>"))
        let first = driver.submit(start, to: path, typed: SiteDriver.applicant)
        #expect(SiteDriver.title(first.text) == "Étape 2 sur 4 — Simulation PDESI — Guichet")
        // The questions in the order the evaluator needs them, with the scheme's own words.
        let order = ["champ-porteur.habilite_pdesi\"", "champ-esi.categorie\"", "champ-projet.respect_normes\"",
                     "champ-projet.validation_proprietaire\"", "champ-projet.projet_animation\""].map { first.text.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order.map { $0! } == order.map { $0! }.sorted())
        #expect(first.plain.contains("<legend>Le porteur du projet est-il habilité à proposer l'inscription d'un E.S.I. au P.D.E.S.I. ?</legend>"))
        #expect(first.plain.contains("<label for=\"champ-esi.categorie\">E.S.I. inscrit au P.D.E.S.I. en 1re catégorie</label>"))
        let second = driver.submit(first, to: path, typed: SiteDriver.firstPage)
        #expect(SiteDriver.title(second.text) == "Étape 3 sur 4 — Simulation PDESI — Guichet")

        let wrong = driver.submit(second, to: path, typed: SiteDriver.secondPage(amount: "60 000,0O"))
        #expect(wrong.status == 200)
        #expect(SiteDriver.title(wrong.text) == "Erreur : Étape 3 sur 4 — Simulation PDESI — Guichet")
        let message = "Indiquez un montant en euros, par exemple 60 000,00 €."
        #expect(wrong.plain.contains("<li><a href=\"#champ-projet.depense_eligible_ht\">\(message)</a></li>"))
        #expect(wrong.plain.contains("<p class=\"error-message\" id=\"erreur-champ-projet.depense_eligible_ht\"><span class=\"visually-hidden\">Erreur : </span>\n\(message)</p>"))
        #expect(wrong.plain.contains("value=\"60 000,0O\""))
        #expect(wrong.plain.contains("aria-describedby=\"aide-champ-projet.depense_eligible_ht erreur-champ-projet.depense_eligible_ht\" aria-invalid=\"true\""))
        // The other answers of the page are kept as typed.
        #expect(wrong.plain.contains("value=\"216200001\""))

        let result = driver.submit(wrong, to: path, typed: SiteDriver.secondPage(amount: "60 000,00"))
        #expect(SiteDriver.title(result.text) == "Résultat — Simulation PDESI — Guichet")
        #expect(result.plain.contains("Simulation — ce document n'est pas une décision."))
        #expect(result.plain.contains("Aide possible : 30 000,00 €, sous réserve des vérifications de l'instructeur"))
        #expect(result.plain.contains("<h2 id=\"pieces\">Pièces à préparer</h2>"))
        #expect(result.plain.contains("<li>Devis estimatif et plan de financement hors taxes du projet</li>"))
        #expect(result.plain.contains("<h2 id=\"verifications\">Ce que l'instructeur vérifiera</h2>"))
        #expect(result.plain.contains("Rempli sous réserve de confirmation"))
        #expect(result.plain.contains("<a href=\"/dispositifs/pdesi#texte-porteurs\">"))
    }

    @Test func theDossierReadsBackToTheSameOutcomeAndAmountAndTheMarkdownIsGuichetEvaluatesOwn() throws {
        let result = driver.wimereuxResult()
        let dossier = driver.submit(result, to: path + "/dossier.yaml", typed: [], button: nil)
        #expect(dossier.status == 200)
        #expect(dossier.contentType == "application/yaml; charset=utf-8")
        let disposition = try #require(dossier.headers.first { $0.0 == "Content-Disposition" }?.1)
        #expect(disposition.hasPrefix("attachment; filename=\"PDESI-20201012-") && disposition.hasSuffix(".yaml\""))

        // The project's evaluator, as a batch reads a file.
        let document = try YAMLDocumentReader.singleDocument(text: dossier.text, file: "dossier.yaml")
        let evaluator = DocumentEvaluator(catalog: SiteDriver.catalog)
        let decoded = evaluator.decode(document, schemes: ["pdesi"], context: "pdesi", header: .scheme)
        let evaluation = try #require(evaluator.evaluate(decoded, referenceDate: SiteDriver.day, register: EmptyRegister()).evaluation("pdesi"))
        #expect(evaluation.outcome == .toExamine)
        #expect(evaluation.amount?.final.map(FrenchFormat.money)?.plain == "30 000,00 €")
        #expect(result.plain.contains(FrenchFormat.money(try #require(evaluation.amount?.final)).plain))

        // `guichet evaluate` on the downloaded file: the same outcome, amount and Markdown.
        guard CommandLine.executable != nil else { return }
        let folder = try TemporaryFolder()
        try Data(dossier.body).write(to: URL(fileURLWithPath: folder.path + "/dossier.yaml"))
        let run = try CommandLine.run(["evaluate", "dossier.yaml", "--rules", Repository.path("Rules"), "--date", "2020-10-12", "--out", "out"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        let summary = try String(contentsOfFile: folder.path + "/out/summary.jsonl", encoding: .utf8)
        #expect(summary.contains("\"outcome\":\"à instruire\""), "\(summary)")
        #expect(summary.contains("\"amount\":\"30000.00\""), "\(summary)")
        let markdown = driver.submit(result, to: path + "/simulation.md", typed: [], button: nil)
        let id = String(disposition.dropFirst("attachment; filename=\"".count).dropLast(".yaml\"".count))
        let written = try Data(contentsOf: URL(fileURLWithPath: "\(folder.path)/out/\(id).md"))
        #expect(Array(written) == markdown.body)
    }

    @Test func theSimulationDocumentsSayTheyAreNotDecisions() {
        let result = driver.wimereuxResult()
        let html = driver.submit(result, to: path + "/simulation.html", typed: [], button: nil)
        #expect(html.status == 200 && html.contentType == "text/html; charset=utf-8")
        #expect(html.plain.contains("Simulation — ce document n'est pas une décision"))
        #expect(html.plain.contains("<strong>30 000,00 €</strong>"))
        #expect(html.headers.contains { $0.0 == "Content-Disposition" && $0.1.hasSuffix(".simulation.html\"") })
        let markdown = driver.submit(result, to: path + "/simulation.md", typed: [], button: nil)
        #expect(markdown.contentType == "text/markdown; charset=utf-8")
        #expect(markdown.text.hasPrefix("> **Simulation — ce document n'est pas une décision.**"))
    }

    @Test func previousGoesBackWithTheAnswersGivenAndAnyStepCanBeChanged() {
        let start = driver.get(path)
        let first = driver.submit(start, to: path, typed: SiteDriver.applicant)
        let second = driver.submit(first, to: path, typed: SiteDriver.firstPage)
        let back = driver.submit(second, to: path, typed: [], button: "precedent")
        #expect(SiteDriver.title(back.text) == "Étape 2 sur 4 — Simulation PDESI — Guichet")
        #expect(back.plain.contains("id=\"champ-esi.categorie\" name=\"reponse.esi.categorie\" value=\"inscrit_1\" checked=\"checked\""))
        let result = driver.wimereuxResult()
        let applicant = driver.submit(result, to: path, typed: [], button: "modifier-0")
        #expect(SiteDriver.title(applicant.text) == "Étape 1 sur 4 — Simulation PDESI — Guichet")
        #expect(applicant.plain.contains("value=\"Commune de Wimereux\""))
        // Changing the applicant only and going on leads straight back to the result.
        let again = driver.submit(applicant, to: path, typed: [("demandeur.nom", "Commune de Wimille")])
        #expect(SiteDriver.title(again.text) == "Résultat — Simulation PDESI — Guichet")
        #expect(again.plain.contains("par la Commune de Wimille"))
    }

    @Test func aQuestionThatBecomesIrrelevantDisappearsWithItsAnswer() {
        let result = driver.wimereuxResult()
        #expect(result.plain.contains("name=\"reponse.porteur.siren\" value=\"216200001\""))
        let page1 = driver.submit(result, to: path, typed: [], button: "modifier-1")
        // A classified site: no annual cap per maître d'ouvrage, so no SIREN; its identifier instead.
        let page2 = driver.submit(page1, to: path, typed: [("reponse.esi.categorie", "classe")])
        #expect(page2.plain.contains("id=\"champ-esi.identifiant\""))
        #expect(!page2.plain.contains("id=\"champ-porteur.siren\""))
        let final = driver.submit(page2, to: path, typed: [("reponse.esi.identifiant", "ESI-62-0101")])
        #expect(SiteDriver.title(final.text) == "Résultat — Simulation PDESI — Guichet")
        #expect(!final.plain.contains("reponse.porteur.siren"))
        #expect(final.plain.contains("Aide possible : 40 000,00 €"))
        let dossier = driver.submit(final, to: path + "/dossier.yaml", typed: [], button: nil)
        #expect(!dossier.plain.contains("porteur.siren") && dossier.plain.contains("\"esi.identifiant\": \"ESI-62-0101\""))
    }

    @Test func aRefusalStopsAtTheFailedConditionAndSaysWhy() {
        let start = driver.get(path)
        let first = driver.submit(start, to: path, typed: SiteDriver.applicant)
        var answers = SiteDriver.firstPage
        answers[0] = ("reponse.porteur.habilite_pdesi", "non")
        let result = driver.submit(first, to: path, typed: answers)
        #expect(SiteDriver.title(result.text) == "Résultat — Simulation PDESI — Guichet")
        #expect(result.plain.contains("Les conditions ne paraissent pas remplies"))
        #expect(result.plain.contains("Motif : Le porteur du projet n'est pas habilité"))
        #expect(!result.plain.contains("Pièces à préparer"))
    }

    @Test func anUnansweredQuestionIsAskedAgain() {
        let start = driver.get(path)
        let first = driver.submit(start, to: path, typed: SiteDriver.applicant)
        let again = driver.submit(first, to: path, typed: Array(SiteDriver.firstPage.dropFirst()))
        #expect(again.plain.contains("<li><a href=\"#champ-porteur.habilite_pdesi\">Répondez à cette question.</a></li>"))
        #expect(SiteDriver.title(again.text)?.hasPrefix("Erreur : Étape 2 sur") == true)
    }

    @Test func anAmountGivenTTCWithItsRateGivesItsHTBase() {
        let start = driver.get(path)
        let first = driver.submit(start, to: path, typed: SiteDriver.applicant)
        let second = driver.submit(first, to: path, typed: SiteDriver.firstPage)
        var typed = SiteDriver.secondPage(amount: "72 000")
        typed.removeAll { $0.0.hasPrefix("ttc.") || $0.0.hasPrefix("tva.") }
        typed += [("ttc.projet.depense_eligible_ht", "oui"), ("tva.projet.depense_eligible_ht", "20")]
        let result = driver.submit(second, to: path, typed: typed)
        #expect(result.plain.contains("60 000,00 € HT (déclaré 72 000,00 € TTC, TVA 20 %)"))
        #expect(result.plain.contains("Aide possible : 30 000,00 €"))
    }
}
