import Foundation
import TestSupport
import Testing

/// The ways in for application files, run as a user runs them: `import ds`, `schema`, `new`,
/// and the rules folder found without `--rules`.
@Suite struct WaysInCommandTests {
    let temporary: TemporaryFolder
    var folder: String { temporary.path }
    let rules = ["--rules", Repository.path("Rules")]
    let export = Repository.path("Applications/imports/pdesi-ds-export.csv")
    let mapping = Repository.path("Rules/imports/pdesi-ds.yaml")

    init() throws { temporary = try TemporaryFolder("ways-in") }

    func guichet(_ arguments: [String], in directory: String? = nil, environment: [String: String?] = [:]) throws -> CommandLine.Run {
        try CommandLine.run(arguments, in: directory ?? folder, timeout: 60, environment: environment)
    }

    func importing(_ exportPath: String, out: String = "demandes", extra: [String] = []) throws -> CommandLine.Run {
        try guichet(["import", "ds", exportPath, "--scheme", "pdesi", "--mapping", mapping, "--out", out] + rules + extra)
    }

    /// Each line of `summary.jsonl`, by application id: its outcome and amount.
    func outcomes(_ out: String) throws -> [String: (outcome: String, amount: String)] {
        let text = try String(contentsOfFile: "\(folder)/\(out)/summary.jsonl", encoding: .utf8)
        var result: [String: (outcome: String, amount: String)] = [:]
        for line in text.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            result[try #require(object["id"] as? String)] = ("\(object["outcome"] ?? "")", "\(object["amount"] ?? "")")
        }
        return result
    }

    /// The filing date of each application of the files at `path`, by id.
    func filingDates(_ path: String) throws -> [String: String] {
        var dates: [String: String] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: path) where file.hasSuffix(".yaml") {
            var id: String?
            for line in try String(contentsOfFile: "\(path)/\(file)", encoding: .utf8).split(separator: "\n") {
                if line.hasPrefix("id: ") { id = String(line.dropFirst(4)) }
                if line.hasPrefix("filed: "), let current = id { dates[current] = String(line.dropFirst(7)) }
            }
        }
        return dates
    }

    /// The ids of the sample files that carry a financing plan, which the export does not.
    func planned(_ path: String) throws -> Set<String> {
        var ids: Set<String> = []
        for file in try FileManager.default.contentsOfDirectory(atPath: path) where file.hasSuffix(".yaml") {
            let text = try String(contentsOfFile: "\(path)/\(file)", encoding: .utf8)
            guard text.contains("\nfinancing_plan:") else { continue }
            for line in text.split(separator: "\n") where line.hasPrefix("id: ") { ids.insert(String(line.dropFirst(4))) }
        }
        return ids
    }

    /// The sample export, imported, decides as the sample files it was made from: the same
    /// outcome and the same amount for each application, found by its filing date. The export
    /// carries no financing plan: a sample with one may have points to examine that its import
    /// has not, and is compared for its amount only.
    @Test func theImportedSampleDecidesAsTheSamples() throws {
        let imported = try importing(export)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("17 dossiers lus : 17 demandes dans demandes."))
        for run in [["evaluate", Repository.path("Applications/pdesi"), "--out", "originaux"],
                    ["evaluate", "\(folder)/demandes", "--out", "importes"]] {
            let evaluated = try guichet(run + rules + ["--date", "2020-12-15"])
            #expect(evaluated.status == 0, "\(evaluated.stderr)")
        }
        let originals = try outcomes("originaux")
        let imports = try outcomes("importes")
        let originalDates = try filingDates(Repository.path("Applications/pdesi"))
        let importedDates = Dictionary(uniqueKeysWithValues: try filingDates("\(folder)/demandes").map { ($1, $0) })
        #expect(originals.count == 17 && imports.count == 17)
        let withPlans = try planned(Repository.path("Applications/pdesi"))
        #expect(withPlans.count >= 3)
        for (id, decided) in originals {
            let filed = try #require(originalDates[id], "\(id)")
            let importedID = try #require(importedDates[filed], "\(id)")
            let other = try #require(imports[importedID])
            #expect((withPlans.contains(id) || other.outcome == decided.outcome) && other.amount == decided.amount, "\(id) / \(importedID)")
        }
    }

    /// The same dossiers from the API's JSON give the same files, byte for byte.
    @Test func theAPIsJSONGivesTheSameFilesAsTheCSV() throws {
        #expect(try importing(export, out: "csv").status == 0)
        let json = try importing(Repository.path("Applications/imports/pdesi-ds-api.json"), out: "json")
        #expect(json.status == 0, "\(json.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: "\(folder)/csv").filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(names.count == 17)
        for name in names {
            #expect(FileManager.default.contentsEqual(atPath: "\(folder)/csv/\(name)", andPath: "\(folder)/json/\(name)"), "\(name)")
        }
    }

    /// A dossier with a bad amount is rejected beside the good ones, which are written owner-only;
    /// rejets.csv lists it; the exit code says something went wrong.
    @Test func aBadDossierIsRejectedAndTheOthersWritten() throws {
        var text = try String(contentsOfFile: export, encoding: .utf8)
        text = text.replacing(",60000.0,", with: ",\"60,000 €\",")
        try Data(text.utf8).write(to: URL(fileURLWithPath: "\(folder)/export.csv"))
        let run = try importing("\(folder)/export.csv")
        #expect(run.status == 1)
        #expect(run.stdout.contains("rejeté     dossier n°10234502 (ligne 4) : 1 erreur"))
        #expect(run.stdout.contains("17 dossiers lus : 16 demandes dans demandes, 1 dossier rejeté (voir demandes/rejets.csv)."))
        #expect(run.stderr.contains("\(folder)/export.csv:4:"), "\(run.stderr)")
        #expect(run.stderr.contains("dossier n°10234502, colonne « Montant de la dépense éligible (HT) » : le montant « 60,000 € » est ambigu (60 000 € ou 60 € ?)"))
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/demandes/dossier-10234502.yaml"))
        let rejects = try String(contentsOfFile: "\(folder)/demandes/rejets.csv", encoding: .utf8)
        #expect(rejects.contains("10234502;4;Montant de la dépense éligible (HT);60,000 €;"))
        let attributes = try FileManager.default.attributesOfItem(atPath: "\(folder)/demandes/dossier-10234501.yaml")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    /// Run again, an import leaves its files alone; a dossier that changed is kept until
    /// --remplacer says otherwise.
    @Test func importingAgainNeverReplacesSilently() throws {
        #expect(try importing(export).status == 0)
        let again = try importing(export)
        #expect(again.status == 0)
        #expect(again.stdout.contains("inchangé   demandes/dossier-10234501.yaml"))
        let changed = try String(contentsOfFile: export, encoding: .utf8).replacing(",60000.0,", with: ",61000.0,")
        try Data(changed.utf8).write(to: URL(fileURLWithPath: "\(folder)/export.csv"))
        let kept = try importing("\(folder)/export.csv")
        #expect(kept.status == 1)
        #expect(kept.stdout.contains("conservé   demandes/dossier-10234502.yaml"))
        #expect(kept.stderr.contains("demandes/dossier-10234502.yaml: erreur : ce fichier existe déjà avec un autre contenu"))
        #expect(try String(contentsOfFile: "\(folder)/demandes/dossier-10234502.yaml", encoding: .utf8).contains("60 000 €"))
        let replaced = try importing("\(folder)/export.csv", extra: ["--remplacer"])
        #expect(replaced.status == 0)
        #expect(try String(contentsOfFile: "\(folder)/demandes/dossier-10234502.yaml", encoding: .utf8).contains("61 000 €"))
    }

    @Test func aBrokenMappingStopsTheImportBeforeAnyFile() throws {
        let broken = try String(contentsOfFile: mapping, encoding: .utf8).replacing("  esi.identifiant:", with: "  esi.identifiants:")
        try Data(broken.utf8).write(to: URL(fileURLWithPath: "\(folder)/mapping.yaml"))
        let run = try guichet(["import", "ds", export, "--scheme", "pdesi", "--mapping", "mapping.yaml"] + rules)
        #expect(run.status == 1)
        #expect(run.stderr.contains("mapping.yaml:39:3: erreur : « esi.identifiants » n'est pas une information du dispositif pdesi ; vouliez-vous dire « esi.identifiant » ? [facts.esi.identifiants]"),
                "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/demandes"))
    }

    @Test func schemaPrintsTheJSONSchema() throws {
        let run = try guichet(["schema", "pdesi"] + rules)
        #expect(run.status == 0)
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect((schema["required"] as? [String]) == ["scheme", "id", "filed", "applicant"])
        let unknown = try guichet(["schema", "pdesy"] + rules)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("ni dispositif ni famille « pdesy »"))
    }

    /// `new` prints a file which, filled in, `evaluate` reads and decides.
    @Test func theSkeletonOfNewFilledInIsDecided() throws {
        let run = try guichet(["new", "pdesi"] + rules)
        #expect(run.status == 0)
        let answers = ["id:": "id: PDESI-2021-001", "filed:": "filed: 2020-11-16", "  name:": "  name: Commune d'Ardres",
                       "  porteur.habilite_pdesi:": "  porteur.habilite_pdesi: true", "  esi.categorie:": "  esi.categorie: inscrit_2",
                       "  projet.enjeux:": "  projet.enjeux: [accessibilite]", "  projet.respect_normes:": "  projet.respect_normes: true",
                       "  projet.validation_proprietaire:": "  projet.validation_proprietaire: true",
                       "  projet.projet_animation:": "  projet.projet_animation: true",
                       "  projet.depense_eligible_ht:": "  projet.depense_eligible_ht: 12 500,50 €", "  porteur.siren:": "  porteur.siren: \"216200013\"",
                       "  esi.identifiant:": "  esi.identifiant: ESI-62-0300",
                       "pieces: []": "pieces: [attestation-habilitation, attestation-normes, accord-proprietaire, projet-animation, devis]",
                       "confirmed: []": "confirmed: all"]
        let filled = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map { answers[String($0)] ?? String($0) }
        try Data(filled.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: "\(folder)/demande.yaml"))
        let evaluated = try guichet(["evaluate", "demande.yaml", "--out", "out", "--date", "2020-12-15"] + rules)
        #expect(evaluated.status == 0, "\(evaluated.stderr)")
        #expect(evaluated.stdout.contains("PDESI-2021-001  pdesi       favorable        6\u{202F}250,25\u{00A0}€"), "\(evaluated.stdout)")
    }

    /// Without --rules: GUICHET_RULES, then Rules/ here, then the checkout the program was
    /// built in; an error says where it looked.
    @Test func theRulesFolderIsFoundOrTheErrorSaysWhereItLooked() throws {
        let found = try guichet(["explain", "pdesi"], environment: ["GUICHET_RULES": nil])
        #expect(found.status == 0, "\(found.stderr)")
        #expect(found.stderr.contains("note : règles lues dans \(Repository.root)/Rules (règles du dépôt où guichet a été compilé)"), "\(found.stderr)")
        let variable = try guichet(["explain", "pdesi"], environment: ["GUICHET_RULES": Repository.path("Rules")])
        #expect(variable.status == 0 && !variable.stderr.contains("note : règles lues"))
        let missing = try guichet(["explain", "pdesi"], environment: ["GUICHET_RULES": "\(folder)/nulle-part"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("erreur : le dossier de règles \(folder)/nulle-part (variable GUICHET_RULES) n'existe pas"))
        let option = try guichet(["check", "\(folder)/absent"])
        #expect(option.status == 1)
        #expect(option.stderr.contains("erreur : le dossier de règles \(folder)/absent (donné à la commande) n'existe pas"))
    }
}
