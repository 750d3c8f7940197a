import Decisions
import Evaluator
import ExactDecimal
import SchemeLanguage
import TestSupport
import Testing

/// The draft report to the Commission permanente: what is proposed, against the envelope,
/// and why the others are not.
@Suite struct ProposalReportTests {
    let pdesi: SelectionResult
    let report: String

    init() throws {
        pdesi = try StageFixture.selection("pdesi", scheme: "pdesi")
        report = ProposalReport.markdown(pdesi, sitting: StageFixture.sitting, deployment: StageFixture.deployment)
    }

    static func money(_ amount: DecimalNumber) -> String { FrenchFormat.money(amount) }

    @Test func itIsADraftForTheSittingNotAnAct() throws {
        let notice = "**Projet — soumis au vote de la Commission permanente du Conseil départemental ; ce document n'est pas une décision.**"
        // At the top, under the letterhead and before the title; and again at the end.
        let top = try #require(report.range(of: "\n> \(notice)\n"))
        let title = try #require(report.range(of: "\n## Projet de rapport à la Commission permanente du Conseil départemental\n\n**Aide à l'aménagement des Espaces, Sites et Itinéraires inscrits ou classés au P.D.E.S.I.**\n"))
        #expect(top.lowerBound < title.lowerBound)
        #expect(report.hasSuffix("\n\(notice)\n\nÉtabli par Guichet \(DecisionRecord.currentEngineVersion) à partir des règles « pdesi », empreinte SHA-256 \(pdesi.scheme.rulesHash).\n\n"), "repeated at the end")
        #expect(report.contains("| Séance | 30 novembre 2020 |\n| Référence | CP20201130-15 |"))
        #expect(report.contains("repose sur la délibération n°2020-309 du Conseil départemental du 28 septembre 2020 et le rapport n°12 au Conseil départemental du 28 septembre 2020."))
        for words in ["(signature)", "Voies et délais", "Fait à ", "est attribuée", "a décidé"] { #expect(!report.contains(words), "\(words)") }
    }

    @Test func theAnnexShowsTheEligibleExpenseTheRateAndTheAmountOfEachAidProposed() throws {
        #expect(report.contains("| Rang au classement | Référence | Bénéficiaire | Projet | Dépense éligible hors taxes | Taux de participation | Montant proposé |"))
        #expect(report.contains("| 1 | PDESI-2020-001 | Commune de Wimereux | Sécurisation et balisage du sentier du littoral de la pointe aux Oies | \(Self.money(DecimalNumber(60_000))) HT | 50\u{00A0}% | \(Self.money(DecimalNumber(30_000))) |"))
        #expect(pdesi.retained.count == 4)
        for candidate in pdesi.retained {
            let amount = try #require(candidate.amount)
            #expect(report.contains("| \(candidate.rank) | \(candidate.evaluation.application.id) | \(candidate.evaluation.application.applicant.name) |"))
            #expect(report.contains("| \(Self.money(amount)) |\n"), "\(candidate.evaluation.application.id)")
        }
    }

    @Test func theTotalIsTheSumOfTheAidsProposedWithinTheEnvelope() throws {
        var sum = DecimalNumber.zero
        for candidate in pdesi.retained { sum = try sum.adding(try #require(candidate.amount)) }
        #expect(sum == DecimalNumber(significand: 14_999_999, scale: 2))
        #expect(pdesi.used == sum)
        let envelope = try #require(pdesi.envelope)
        #expect(sum <= envelope)
        #expect(report.contains("| **Total** | | | | | | **\(Self.money(sum))** |"))
        #expect(report.contains("| Enveloppe de l'appel à projets 2020 | Total proposé | Reste disponible |\n|---|---|---|\n| \(Self.money(envelope)) (valeur fictive, pour les essais) | \(Self.money(sum)) | \(Self.money(DecimalNumber(significand: 1, scale: 2))) |"))
        #expect(report.contains("- d'attribuer les aides figurant à l'annexe 1, à 4 bénéficiaires, pour un montant total de \(Self.money(sum)) ;"))
    }

    @Test func theWaitingListAndTheOthersSayWhy() throws {
        #expect(report.contains("| 5 | PDESI-2020-015 | Communauté d'agglomération des Deux Baies en Montreuillois |"))
        #expect(report.contains("Inscrite en liste d'attente, au rang 1 : l'enveloppe restante"))
        #expect(report.contains("| PDESI-2020-005 | Association Les Randonneurs de l'Audomarois | Balisage d'une boucle de randonnée autour du marais audomarois | Candidature non admissible : rejet proposé. Le porteur du projet n'est pas habilité à proposer l'inscription d'un E.S.I. au P.D.E.S.I. |"))
        #expect(report.contains("- de rejeter les candidatures non admissibles figurant à l'annexe 3, pour les motifs qui y sont indiqués"))
        // An incomplete file waits for its pieces: it is not put to the sitting.
        let pending = try #require(report.components(separatedBy: "\n### Candidatures en cours d'instruction, non soumises à la présente séance\n").last)
        #expect(pending.contains("| PDESI-2020-012 | Commune de Montreuil-sur-Mer | Aménagement du chemin de ronde des remparts | Dossier incomplet. Éléments manquants : "))
        #expect(pending.contains("| PDESI-2020-013 | Commune d'Audruicq |"))
        #expect(!pending.contains("PDESI-2020-005"))
    }

    /// The annex shows the steps that are a fact of the file or a rate: for PDESI the eligible
    /// expense and the rate, not the computations between them and the result.
    @Test func theAnnexStepsAreTheFactsOfTheFileAndTheRates() throws {
        let scheme = try #require(StageFixture.catalog.schemes["pdesi"])
        #expect(ProposalReport.annexSteps(scheme).map { scheme.amount!.steps[$0].id } == ["base", "taux"])
        let medecins = try #require(StageFixture.catalog.schemes["medecins-salaries"])
        #expect(ProposalReport.annexSteps(medecins).isEmpty)
    }

    /// A report made before any sitting, to check the selection, says on its first and last
    /// lines that it is a simulation, and puts nothing to anyone.
    @Test func aSimulatedReportSaysSoInsteadOfThePutToTheBody() {
        let simulated = ProposalReport.markdown(pdesi, sitting: StageFixture.sitting, deployment: StageFixture.deployment, simulation: true)
        let notice = "**Simulation — ce document n'est pas une décision.**"
        #expect(simulated.contains("\n> \(notice)\n"))
        #expect(simulated.contains("\n---\n\n\(notice)\n"), "repeated at the end")
        #expect(!simulated.contains("Projet — soumis"))
    }

    /// The selection proposes; nothing is committed before the competent body decides.
    @Test func theEnvelopeShowsWhatIsProposedNotCommitted() throws {
        let minutes = SelectionReport.markdown(pdesi)
        #expect(minutes.contains("\n### Enveloppe\n\n| Enveloppe de l'appel à projets 2020 | Total proposé | Reste disponible |\n"))
        #expect(!minutes.contains("Engagée"))
    }

    /// The GP call's laureates go to the President, who decides alone: no vote.
    @Test func aReportToThePresidentIsPutToHisDecision() throws {
        let result = try StageFixture.selection("medecins", scheme: "medecins-salaries")
        let report = ProposalReport.markdown(result, sitting: StageFixture.committee)
        let notice = "**Projet — soumis à la décision du Président du Conseil départemental ; ce document n'est pas une décision.**"
        #expect(report.contains("\n> \(notice)\n") && report.contains("\n\(notice)\n\nÉtabli par"))
        #expect(report.contains("\n## Projet de rapport au Président du Conseil départemental\n"))
        #expect(report.contains("Il est proposé au Président du Conseil départemental :"))
        #expect(!report.contains("soumis au vote"))
    }

    @Test func aCallWithoutAmountsProposesCandidaturesByCategory() throws {
        let result = try StageFixture.selection("medecins", scheme: "medecins-salaries")
        let report = ProposalReport.markdown(result, sitting: StageFixture.committee)
        #expect(report.contains("- de retenir les 3 candidatures figurant à l'annexe 1 ;"))
        #expect(report.contains("| Rang au classement | Référence | Bénéficiaire | Catégorie | Projet |\n"))
        #expect(!report.contains("Montant proposé") && !report.contains("Enveloppe"))
        #expect(!report.contains("Service instructeur"), "no service given")
    }
}
