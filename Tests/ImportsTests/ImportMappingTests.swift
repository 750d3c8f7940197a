import Foundation
import Imports
import Platform
import SchemeLanguage
import TestSupport
import Testing
import YAMLReader

/// A mapping is checked against its scheme before any dossier is read: located errors, in French.
@Suite struct ImportMappingTests {
    let scheme: Scheme
    let folder: TemporaryFolder

    init() throws {
        scheme = try Load.pdesi()
        folder = try TemporaryFolder("mapping")
    }

    func diagnostics(_ text: String) throws -> [Diagnostic] {
        let path = folder.file("mapping.yaml")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        switch ImportMappingLoader.load(path: path, scheme: scheme) {
        case .success: return []
        case .failure(let list): return list.diagnostics
        }
    }

    static let minimal = """
        scheme: pdesi
        dossier: ID
        id: {column: ID, template: "DS-{value}"}
        filed: Déposé le
        applicant: {name: Entreprise raison sociale}

        """

    @Test func theSampleMappingLoads() throws {
        let mapping = try ImportMappingLoader.load(path: SampleExport.mappingPath, scheme: scheme).get()
        #expect(mapping.rules.count == 25)
        #expect(mapping.states?.accepted == ["En construction", "En instruction"])
    }

    @Test func anUnknownInputIsLocatedWithItsPathAndTheClosestName() throws {
        let found = try diagnostics(Self.minimal + """
            facts:
              projet.depense_eligibl: Montant
            """)
        #expect(found.map(\.description) == [
            "\(folder.file("mapping.yaml")):7:3: erreur : « projet.depense_eligibl » n'est pas une information du dispositif pdesi ; "
                + "vouliez-vous dire « projet.depense_eligible_ht » ? [facts.projet.depense_eligibl]",
        ])
    }

    @Test func aLabelMappedToNoCodeOfTheInputIsRefused() throws {
        let found = try diagnostics(Self.minimal + """
            facts:
              esi.categorie:
                column: Catégorie
                values: {Catégorie 1: inscrit_1, Catégorie 9: neuvieme}
              porteur.habilite_pdesi: {column: Habilité, values: {Oui: oui}}
            """)
        #expect(found.count == 2)
        #expect(found[0].message == "« neuvieme » n'est pas un des codes inscrit_1, inscrit_2, classe, non_inscrit")
        #expect(found[0].path == "facts.esi.categorie.values.Catégorie 9")
        #expect(found[1].message == "« oui » n'est pas une réponse oui ou non")
    }

    @Test func piecesAndConfirmationsAreTheSchemes() throws {
        let found = try diagnostics(Self.minimal + """
            pieces: {devi: Devis}
            confirmed: {porteur.siren: Vérifié}
            """)
        #expect(found.map(\.message) == [
            "« devi » n'est pas une pièce du dispositif pdesi ; vouliez-vous dire « devis » ?",
            "« porteur.siren » n'est pas une information à confirmer (confirm: true) du dispositif pdesi ; « guichet explain pdesi » les énumère",
        ])
    }

    @Test func aMappingForAnotherSchemeOrWithAMisspeltFieldIsRefused() throws {
        let found = try diagnostics(Self.minimal.replacing("scheme: pdesi", with: "scheme: fsl-acces") + "subjet: Intitulé\n")
        #expect(found.map(\.message) == [
            "cette correspondance est écrite pour le dispositif « fsl-acces », pas pour « pdesi » : donnez la correspondance de pdesi, ou --scheme fsl-acces",
            "champ « subjet » inconnu ; vouliez-vous dire « subject » ?",
        ])
    }

    @Test func aTemplateNeedsItsValue() throws {
        let found = try diagnostics(Self.minimal.replacing("\"DS-{value}\"", with: "\"DS-\""))
        #expect(found.first?.message.hasPrefix("le modèle doit contenir « {value} » une fois") == true)
        #expect(found.first?.path == "id.template")
    }
}

/// Files written by an import: new ones owner-only, the same content left alone, another
/// content kept unless replacing is asked.
@Suite struct ImportFilesTests {
    @Test func aFileIsNeverReplacedSilently() throws {
        let temporary = try TemporaryFolder("import-files")
        let folder = try OutputFolder(directory: temporary.file("demandes"))
        func application(_ text: String) -> ImportedApplication {
            ImportedApplication(dossier: "1", id: "DS-1", fileName: "dossier-1.yaml", text: text, mark: SourceMark(file: "x", line: 2, column: 1))
        }
        #expect(try ImportFiles.write(application("a\n"), to: folder, replacing: false) == .created)
        var status = stat()
        #expect(stat(folder.path("dossier-1.yaml"), &status) == 0)
        #expect(status.st_mode & 0o777 == 0o600)
        #expect(try ImportFiles.write(application("a\n"), to: folder, replacing: false) == .unchanged)
        #expect(try ImportFiles.write(application("b\n"), to: folder, replacing: false) == .kept)
        #expect(try String(contentsOfFile: folder.path("dossier-1.yaml"), encoding: .utf8) == "a\n")
        #expect(try ImportFiles.write(application("b\n"), to: folder, replacing: true) == .replaced)
        #expect(try String(contentsOfFile: folder.path("dossier-1.yaml"), encoding: .utf8) == "b\n")
    }

    @Test func aLinkPlantedWhereTheFileGoesIsNotFollowed() throws {
        let temporary = try TemporaryFolder("import-link")
        let folder = try OutputFolder(directory: temporary.file("demandes"))
        try Data("secret\n".utf8).write(to: URL(fileURLWithPath: temporary.file("target")))
        try FileManager.default.createSymbolicLink(atPath: folder.path("dossier-1.yaml"), withDestinationPath: temporary.file("target"))
        #expect(try OwnerOnlyFile.writeNew("forged\n", to: folder.path("dossier-1.yaml")) == false)
        #expect(try String(contentsOfFile: temporary.file("target"), encoding: .utf8) == "secret\n")
    }

    @Test func rejectsAreACSVASpreadsheetOpensWithoutRunningAnything() {
        let problem = ImportProblem(mark: SourceMark(file: "e.csv", line: 3, column: 7), column: "Montant", found: "=HYPERLINK(\"x\")",
                                    message: "le montant; est ambigu", hint: "corrigez")
        let csv = RejectsFile.csv([RejectedDossier(dossier: "12", mark: SourceMark(file: "e.csv", line: 3, column: 1), problems: [problem])])
        #expect(csv == "\u{FEFF}Dossier;Ligne;Colonne;Valeur trouvée;Erreur;À faire\r\n12;3;Montant;\"'=HYPERLINK(\"\"x\"\")\";\"le montant; est ambigu\";corrigez\r\n")
    }
}
