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
    func guichet(_ arguments: [String], expect status: Int32 = 0) throws -> (output: String, errors: String) {
        let run = try CommandLine.run(arguments, in: folder, timeout: 120)
        #expect(run.status == status, "guichet \(arguments.prefix(2).joined(separator: " ")): \(run.stderr)")
        return (plain(run.stdout), plain(run.stderr))
    }

    /// Reads the no-break spaces (thousands, « n° ») as spaces.
    func plain(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{A0}", with: " ")
    }

    func text(_ name: String) throws -> String {
        plain(try String(contentsOfFile: "\(folder)/decisions/\(name)", encoding: .utf8))
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
        #expect(output.contains("11 dotations proposées à la séance CD-2020-10-26, pour 602 380,40 €"))
        for format in ["md", "html", "odt"] { #expect(exists("proposition-dotations-colleges.\(format)"), "\(format)") }
        let report = try text("proposition-dotations-colleges.md")
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
        #expect(act.contains("J'ai l'honneur de vous notifier les dotations que le Conseil départemental, par sa délibération n° 2020-412 du 26 octobre 2020, a allouées au Collège des Tilleuls (fictif) : **71 086,00 €**"))
        #expect(act.contains("| Dotation éducative volontariste | 20 196,00 € |"))
        #expect(act.contains("Claire EXEMPLE"))
        #expect(act.contains("### Voies et délais de recours"))
        #expect(act.contains("finalité de calculer les dotations de l'établissement"))
        #expect(act.contains("## Annexe — Calcul des dotations DGF-2021-001"))
        #expect(!act.contains("demande déposée"))
        let notified = try guichet(["notify", "dotations-colleges", "--date", "2020-10-28"] + rules + parameters).output
        #expect(notified.contains("11 actes notifiés."))
    }

    @Test func anAidOfTheCommissionPermanenteIsProposedInFilingOrderThenDecided() throws {
        try initialise()
        try guichet(["evaluate", cycleRoutes, "--date", "2020-11-30"] + rules)
        let proposed = try guichet(["select", "itineraires-cyclables-colleges", cycleRoutes, "--seance", "CP20201207", "--date", "2020-12-07"] + rules).output
        #expect(proposed.contains("3 demandes proposées à la séance CP20201207, pour 102 506,00 €"))
        let report = try text("proposition-itineraires-cyclables-colleges.md")
        #expect(report.contains("d'attribuer les aides figurant à l'annexe 1, à 3 bénéficiaires, pour un montant total de 102 506,00 €."))
        let annex2 = try #require(report.components(separatedBy: "Annexe 2").last)
        #expect(annex2.contains("ICC-2020-004") && annex2.contains("Conditions non remplies."))
        #expect(annex2.contains("ICC-2020-007") && !annex2.contains("?."))
        let decided = try guichet(["decide", "itineraires-cyclables-colleges", cycleRoutes, "--seance", "CP20201207",
                                   "--acte", "CP20201207-31", "--date", "2020-12-07"] + rules).output
        #expect(decided.contains("3 décisions enregistrées au registre."))
        #expect(try text("ICC-2019-003.decision.md").contains("27 506,00 €"))
    }

    @Test func aSchemeTheChairDecidesOnFichesIsNotProposedToASitting() throws {
        try initialise()
        let refused = try guichet(["select", "fsl-acces", Repository.path("Applications/logement"), "--seance", "S1", "--date", "2020-12-07"] + rules,
                                  expect: 1)
        #expect(refused.errors.contains("n'est ni un appel ni un dispositif voté en séance"))
    }
}
