import Batch
import Evaluator
import Foundation
import Platform
import RuleSet
import SchemeLanguage
import TestSupport
import Testing

/// A household's file gets decisions only for the aids it requests; the others of its family
/// only inform its orientation, and a refusal orients the applicant where the text opens a way.
@Suite struct HouseholdRequestTests {
    let housing = HousingFixture()

    func household(requests: String) -> String {
        """
        family: logement
        \(requests)
        id: MEN-T
        filed: 2020-10-26
        applicant: {name: Test, kind: jeune majeur}
        facts:
          menage: {composition: personne_seule, ressources_perennes: true, public_pdalhpd: false}
          acces: {nouveau_logement: true, mobilier_demande: true}
          jeune: {identifiant: ASE-T, date_naissance: 1998-04-02, parcours_ase_62: true, contrat_jeune_majeur: false, insertion_professionnelle: true}
          accompagnement: {necessaire: true, adhesion: true}
          fsl: {intervention: impossible}
          demande: {premier_mois: 2020-11-01, nombre_mois: 6}
          logement: {type: ordinaire, loyer: 480 €, charges: 45 €, apl: 285 €}
          dette: {montant: 0 €}
        pieces: [justificatifs-ressources, bail, piece-identite, quittance, attestation-caf, decision-fsl-loyer]
        confirmed: all
        findings: {ressources-insuffisantes: {satisfied: true}}
        """
    }

    @Test func onlyTheRequestedAidsGetADocument() throws {
        let temporary = try TemporaryFolder("household")
        let output = try OutputFolder(directory: temporary.file("out"))
        let file = temporary.file("menage.yaml")
        try household(requests: "requests: [fsl-acces]").write(toFile: file, atomically: true, encoding: .utf8)
        let report = BatchRunner(catalog: housing.catalog, referenceDate: DecisionDay.samples, output: output).run(paths: [file])
        #expect(report.entries.map(\.schemeID) == ["fsl-acces"], "no document for the aids not requested")
        let names = try FileManager.default.contentsOfDirectory(atPath: temporary.file("out")).filter { $0.hasSuffix(".md") }.sorted()
        #expect(names == ["MEN-T.fsl-acces.md", "MEN-T.orientation.md"])
        let orientation = try String(contentsOfFile: temporary.file("out/MEN-T.orientation.md"), encoding: .utf8)
        #expect(orientation.contains("## Autres aides que le ménage pourrait demander"))
        #expect(orientation.contains("requests: [fonds-solvabilisation]"), "the solvency fund is shown as one to request")
        #expect(!orientation.contains("fonds de soutien aux dettes de loyer"), "an aid it does not meet and did not ask for is not mentioned")
    }

    @Test(arguments: [
        ("", "champ « requests » manquant"),
        ("requests: []", "requests est vide"),
        ("requests: [fsl-acess]", "« fsl-acess » n'est pas une aide de la famille logement : demandez parmi"),
    ])
    func aHouseholdSaysWhichAidsItRequests(header: String, message: String) throws {
        let entries = try housing.evaluate(household(requests: header))
        let diagnostics = entries.flatMap(\.diagnostics)
        #expect(diagnostics.contains { $0.message.contains(message) }, "\(diagnostics)")
    }

    /// A young person under a contrat jeune majeur is refused by the solvency fund, and pointed to
    /// the FSL access aid the fiche action 2020-22 opens to them (lines 12121 to 12127).
    @Test func aRefusalUnderAContratJeuneMajeurPointsToTheFSLAccessAid() throws {
        let refused = try housing.evaluate(housing.solvency(months: 6).replacing("contrat_jeune_majeur: false", with: "contrat_jeune_majeur: true"))
        guard case .decided(let evaluation) = refused.first?.result else { Issue.record("not evaluated: \(refused)"); return }
        #expect(evaluation.outcome == .unfavorable)
        #expect(evaluation.notices.map { evaluation.scheme.notices[$0].id } == ["orientation-fsl-acces"])
        let granted = try housing.evaluate(housing.solvency(months: 6))
        guard case .decided(let favourable) = granted.first?.result else { Issue.record("not evaluated"); return }
        #expect(favourable.outcome == .favorable)
        #expect(!favourable.notices.map { favourable.scheme.notices[$0].id }.contains("orientation-fsl-acces"))
    }

    @Test func aNoticeSaysOnWhichDecisionsItGoes() throws {
        let notice = "notices:\n  - id: ailleurs\n    on: rejet\n    text: Une autre aide existe.\n"
        #expect(throws: (any Error).self) { try Load.scheme(DemoScheme.text() + "\n" + notice) }
        let scheme = try Load.scheme(DemoScheme.text() + "\n" + notice.replacing("rejet", with: "refusal"))
        #expect(scheme.notices.map(\.occasion) == [.refusal])
    }
}
