import Foundation
import TestSupport
import Testing

/// Schemes voted in a sitting that are no call, as an instructor runs them: the collèges'
/// allocations (the Conseil départemental) and the cycle-routes aid (the Commission
/// permanente). Each is instructed, proposed to the sitting, decided and notified.
@Suite(.serialized) struct SittingLifecycleCommandTests {
    let temporary: TemporaryFolder
    var folder: String { temporary.path }
    let rules = ["--rules", Repository.path("Rules")]
    let parameters = ["--parametres", Repository.path("Applications/parametres-fictifs.yaml")]
    let colleges = Repository.path("Applications/colleges")
    let cycleRoutes = Repository.path("Applications/itineraires-cyclables-colleges")

    init() throws {
        temporary = try TemporaryFolder("sitting-lifecycle")
    }

    @discardableResult
    func guichet(_ arguments: [String], expect status: Int32 = 0, sourceLocation: SourceLocation = #_sourceLocation) throws -> (output: String, errors: String) {
        let run = try CommandLine.expecting(status, arguments, in: folder, sourceLocation: sourceLocation)
        return (run.output.withPlainSpaces, run.errors.withPlainSpaces)
    }

    func text(_ name: String) throws -> String {
        try String(contentsOfFile: "\(folder)/decisions/\(name)", encoding: .utf8).withPlainSpaces
    }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: "\(folder)/decisions/\(name)") }

    func initialise() throws {
        try guichet(["init", "--authority", "cd62", "--signataire-prenom", "Claire", "--signataire-nom", "EXEMPLE",
                     "--signataire-qualite", "Présidente du Conseil départemental", "--service", "Direction de l'éducation"])
    }

    func proposeTheAllocations() throws -> String {
        try initialise()
        try guichet(["evaluate", colleges, "--date", "2020-10-20"] + rules + parameters)
        return try guichet(["select", "dotations-colleges", colleges, "--seance", "CD-2020-10-26", "--date", "2020-10-26"] + rules + parameters).output
    }

    @Test func theAllocationsComputedAreProposedAndOneWithANegativePartIsHeldBack() throws {
        let output = try proposeTheAllocations()
        // Before the vote, the fiche states what is computed; nothing is notified yet.
        let fiche = try text("DGF-2021-001.md")
        #expect(fiche.contains("## Dotations calculées\n\nEn application de la délibération n°2020-308"))
        #expect(!fiche.contains("notifiées"))
        #expect(output.contains("11 dotations proposées (602 380,40 €) à la séance CD-2020-10-26 ;"))
        for format in ["md", "html", "odt"] { #expect(exists("proposition-dotations-colleges-CD-2020-10-26.\(format)"), "\(format)") }
        let report = try text("proposition-dotations-colleges-CD-2020-10-26.md")
        #expect(report.contains("d'arrêter les dotations des 11 établissements figurant à l'annexe 1, pour un montant total de 602 380,40 €."))
        // The summary shows the allocations the total reads, not the components they come from.
        let header = try #require(report.split(separator: "\n").first { $0.hasPrefix("| Référence | Établissement |") })
        #expect(header.contains("Dotation globale de fonctionnement") && header.contains("Dotation éducative volontariste"))
        #expect(!header.contains("Composante viabilisation"))
        // Le Beffroi's DGF is negative: the text does not say how to settle it, so it is not put to the vote.
        let annex2 = try #require(report.components(separatedBy: "Annexe 2").last)
        #expect(annex2.contains("DGF-2021-004") && annex2.contains("est négative (-12 238,24 €)"))
        #expect(report.contains("Valeurs fictives, pour les essais"))
    }

    @Test func theVoteIsNotifiedToEachCollegeAsAnAct() throws {
        _ = try proposeTheAllocations()
        let decided = try guichet(["decide", "dotations-colleges", colleges, "--seance", "CD-2020-10-26", "--acte", "2020-412",
                                   "--date", "2020-10-26"] + rules + parameters).output
        #expect(decided.contains("11 décisions enregistrées au registre."))
        for format in ["md", "html", "odt", "json"] { #expect(exists("DGF-2021-001.decision.\(format)"), "\(format)") }
        #expect(!exists("DGF-2021-004.decision.md"))
        let act = try text("DGF-2021-001.decision.md")
        #expect(act.contains("J'ai l'honneur de vous notifier les dotations que le Conseil départemental, par sa délibération n° 2020-412 du 26 octobre 2020, a allouées au Collège des Tilleuls (fictif), pour un montant total de **71 086,00 €**, réparti comme suit."))
        // The letter lists the allocations that make the total; their components are in the annex.
        let letter = try #require(act.components(separatedBy: "## Annexe").first)
        #expect(letter.contains("| Dotation globale de fonctionnement | 50 890,00 € |") && letter.contains("| Dotation éducative volontariste | 20 196,00 € |"))
        #expect(!letter.contains("| Composante viabilisation |"))
        #expect(act.contains("Claire EXEMPLE"))
        #expect(act.contains("### Voies et délais de recours"))
        #expect(act.contains("finalité de calculer les dotations de l'établissement"))
        #expect(act.contains("## Annexe — Calcul des dotations DGF-2021-001"))
        #expect(!act.contains("demande déposée"))
        let notified = try guichet(["notify", "dotations-colleges", "--date", "2020-10-28"] + rules + parameters)
        #expect(notified.output.contains("11 actes notifiés."))
        // Before the 1st of November: on time, so no warning.
        #expect(!decided.contains("en retard") && !notified.errors.contains("en retard"))
        // An allocation is owed to the establishment, not a subsidy: the open data of subsidies leaves it out.
        let configuration = try String(contentsOfFile: "\(folder)/guichet.yaml", encoding: .utf8)
        try (configuration + "siret: \"00000000000000\"\n").write(toFile: "\(folder)/guichet.yaml", atomically: true, encoding: .utf8)
        let scdl = try guichet(["register", "export", "--format", "scdl", "--conditions-versement", "unique", "--periode-versement",
                                "2020-10-28/2021-12-31", "--notification-ue", "non"] + rules)
        #expect(!scdl.output.contains("DGF-2021") && scdl.output.hasPrefix("nomAttribuant,"))
        #expect(!scdl.errors.contains("subvention non exportée"))
    }

    /// The D.G.F. is notified before the 1st of November of the year (lines 4478-4481): a
    /// notification on that day or after is made all the same, and the instructor is warned.
    @Test func anAllocationNotifiedFromTheFirstOfNovemberIsSaidLate() throws {
        _ = try proposeTheAllocations()
        try guichet(["decide", "dotations-colleges", colleges, "--seance", "CD-2020-10-26", "--acte", "2020-412",
                     "--date", "2020-10-26"] + rules + parameters)
        let late = try guichet(["notify", "dotations-colleges", "--date", "2020-11-01", "--demande", "DGF-2021-001",
                                "--demande", "DGF-2021-002"] + rules + parameters)
        #expect(late.output.contains("2 actes notifiés."))
        #expect(late.errors.contains("avertissement : 2 actes notifiés en retard (DGF-2021-001, DGF-2021-002) : le texte prévoit leur notification avant le 1er novembre 2020 ("), "\(late.errors)")
        #expect(late.errors.contains(", lignes 4478-4481)"), "\(late.errors)")
        let one = try guichet(["notify", "dotations-colleges", "--date", "2021-01-18", "--demande", "DGF-2021-003"] + rules + parameters)
        #expect(one.errors.contains("avertissement : 1 acte notifié en retard (DGF-2021-003) : le texte prévoit sa notification avant le 1er novembre 2020"), "\(one.errors)")
    }

    /// A vote taken on or after the deadline can only be notified late: said when deciding,
    /// even in January of the next year (the deadline is that of the year the data were filed).
    @Test func anAllocationVotedAfterTheDeadlineIsSaidToBeNotifiedLate() throws {
        try initialise()
        try guichet(["evaluate", colleges, "--date", "2021-01-11"] + rules + parameters)
        try guichet(["select", "dotations-colleges", colleges, "--seance", "CD-2021-01-18", "--date", "2021-01-18"] + rules + parameters)
        let decided = try guichet(["decide", "dotations-colleges", colleges, "--seance", "CD-2021-01-18", "--acte", "2021-12",
                                   "--date", "2021-01-18"] + rules + parameters)
        #expect(decided.errors.contains("avertissement : 11 actes décidés le 18 janvier 2021 ne pourront être notifiés qu'en retard : le texte prévoit leur notification avant le 1er novembre 2020 ("), "\(decided.errors)")
    }

    @Test func anAidOfTheCommissionPermanenteIsProposedInFilingOrderThenDecided() throws {
        try initialise()
        try guichet(["evaluate", cycleRoutes, "--date", "2020-11-30"] + rules)
        let proposed = try guichet(["select", "itineraires-cyclables-colleges", cycleRoutes, "--seance", "CP20201207", "--date", "2020-12-07"] + rules).output
        #expect(proposed.contains("3 aides proposées (102 506,00 €) et 2 rejets proposés à la séance CP20201207 ;"))
        let report = try text("proposition-itineraires-cyclables-colleges-CP20201207.md")
        #expect(report.contains("d'attribuer les aides figurant à l'annexe 1, à 3 bénéficiaires, pour un montant total de 102 506,00 € ;"))
        #expect(report.contains("de rejeter les demandes figurant à l'annexe 2, pour les motifs qui y sont indiqués."))
        let parts = report.components(separatedBy: "### Annexe ")
        try #require(parts.count == 4)
        #expect(parts[2].hasPrefix("2 — Rejets proposés") && parts[2].contains("ICC-2020-004") && parts[2].contains("ICC-2020-006"))
        #expect(parts[3].hasPrefix("3 — Demandes non soumises à la séance"))
        #expect(parts[3].contains("ICC-2020-005") && parts[3].contains("ICC-2020-007") && !parts[3].contains("?."))
        #expect(!parts[3].contains("ICC-2020-004"))
        let decided = try guichet(["decide", "itineraires-cyclables-colleges", cycleRoutes, "--seance", "CP20201207",
                                   "--acte", "CP20201207-31", "--date", "2020-12-07"] + rules).output
        #expect(decided.contains("5 décisions enregistrées au registre."))
        #expect(try text("ICC-2019-003.decision.md").contains("27 506,00 €"))
        // Its financing plan asked more than the rules allow: the act says so, with both amounts.
        #expect(try text("ICC-2019-001.decision.md").contains("Le plan de financement présenté sollicitait une aide de 44 800,00 € ; le montant attribué, 40 000,00 €, est celui que permettent les règles du dispositif"))
        #expect(!(try text("ICC-2019-002.decision.md").contains("sollicitait")))
        let refusal = try text("ICC-2020-004.decision.md")
        #expect(refusal.contains("par laquelle la Commission permanente du Conseil départemental a décidé de **rejeter** la demande"))
        #expect(refusal.contains("Elle repose sur les motifs de droit et de fait suivants."))
        #expect(!exists("ICC-2020-005.decision.md") && !exists("ICC-2020-007.decision.md"))
    }

    /// Each sitting keeps its own draft report and procès-verbal: a second sitting proposed from
    /// the same folder does not write over the report the first one was given.
    @Test func eachSittingKeepsItsOwnDraftReport() throws {
        try initialise()
        try guichet(["evaluate", cycleRoutes, "--date", "2020-11-30"] + rules)
        try guichet(["select", "itineraires-cyclables-colleges", cycleRoutes, "--seance", "CP20201207", "--date", "2020-12-07"] + rules)
        let first = try text("proposition-itineraires-cyclables-colleges-CP20201207.md")
        // A reference that cannot be a file name as it is written is refused, before anything is written.
        for wrong in ["CP 2021/01", "", "séance-1", ".CP"] {
            let refused = try guichet(["select", "itineraires-cyclables-colleges", cycleRoutes, "--seance", wrong, "--date", "2021-01-11"] + rules, expect: 64)
            #expect(refused.errors.contains("ne peut nommer les documents de la séance"), "\(wrong): \(refused.errors)")
        }
        let second = try guichet(["select", "itineraires-cyclables-colleges", cycleRoutes, "--seance", "CP-2021-01", "--date", "2021-01-11"] + rules).output
        #expect(second.contains("projet de rapport : decisions/proposition-itineraires-cyclables-colleges-CP-2021-01.md"), "\(second)")
        #expect(exists("proposition-itineraires-cyclables-colleges-CP-2021-01.html"))
        #expect(try text("proposition-itineraires-cyclables-colleges-CP20201207.md") == first)
        #expect(!exists("proposition-itineraires-cyclables-colleges.md"))
    }

    /// An allocation is voted part by part: its total alone cannot be amended. And the acts that
    /// read a value made up for trials are said to rest on it.
    @Test func anAllocationIsNotAmendedAndFictitiousValuesAreSaid() throws {
        _ = try proposeTheAllocations()
        let amended = try guichet(["decide", "dotations-colleges", colleges, "--seance", "CD-2020-10-26", "--acte", "2020-412",
                                   "--date", "2020-10-26", "--montant", "DGF-2021-001=60 000 €"] + rules + parameters, expect: 1)
        #expect(amended.errors.contains("DGF-2021-001 : une dotation se vote part par part"))
        #expect(!exists("DGF-2021-002.decision.md"))
        let decided = try guichet(["decide", "dotations-colleges", colleges, "--seance", "CD-2020-10-26", "--acte", "2020-412",
                                   "--date", "2020-10-26"] + rules + parameters)
        #expect(decided.errors.contains("11 actes reposent sur des valeurs fictives, pour les essais"))
        #expect(decided.errors.contains("« Coefficient d'actualisation sur l'indice INSEE de l'inflation »"))
    }

    /// A refusal is decided on the grounds the sitting was given: when the rules changed since
    /// the proposal, it is left for a new one.
    @Test func aRefusalWhoseRulesChangedSinceTheSittingIsNotDecided() throws {
        try initialise()
        try guichet(["select", "itineraires-cyclables-colleges", cycleRoutes, "--seance", "CP20201207", "--date", "2020-12-07"] + rules)
        let changed = "\(folder)/regles"
        try FileManager.default.copyItem(atPath: Repository.path("Rules"), toPath: changed)
        let file = "\(changed)/itineraires-cyclables-colleges.yaml"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try (text + "\n# modifié après la séance\n").write(toFile: file, atomically: true, encoding: .utf8)
        let decided = try guichet(["decide", "itineraires-cyclables-colleges", cycleRoutes, "--seance", "CP20201207",
                                   "--acte", "CP20201207-31", "--date", "2020-12-07", "--rules", changed])
        #expect(decided.errors.contains("ICC-2020-004 non décidée : les règles du dispositif ont changé depuis que son rejet a été proposé"))
        #expect(!exists("ICC-2020-004.decision.md") && exists("ICC-2019-001.decision.md"))
    }

    /// A refusal put to the vote has no amount: an amendment of it stops the vote before anything is recorded.
    @Test func aRefusalProposedCannotBeAmended() throws {
        try initialise()
        try guichet(["select", "itineraires-cyclables-colleges", cycleRoutes, "--seance", "CP20201207", "--date", "2020-12-07"] + rules)
        let refused = try guichet(["decide", "itineraires-cyclables-colleges", cycleRoutes, "--seance", "CP20201207",
                                   "--acte", "CP20201207-31", "--date", "2020-12-07", "--montant", "ICC-2020-004=10 000 €"] + rules, expect: 1)
        #expect(refused.errors.contains("ICC-2020-004 est proposée au rejet"))
        #expect(!exists("ICC-2019-001.decision.md"))
    }

    @Test func aSchemeTheChairDecidesOnFichesIsNotProposedToASitting() throws {
        try initialise()
        let refused = try guichet(["select", "fsl-acces", Repository.path("Applications/logement"), "--seance", "S1", "--date", "2020-12-07"] + rules,
                                  expect: 1)
        #expect(refused.errors.contains("n'est ni un appel ni un dispositif voté en séance"))
    }
}
