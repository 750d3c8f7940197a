import ArgumentParser
import Imports
import Platform
import RuleSet
import SchemeLanguage

/// `guichet import`: application files made from dossiers filed elsewhere.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Importe des dossiers déposés sur une plateforme en fichiers de demandes, prêts pour « guichet evaluate ».",
        subcommands: [ImportDS.self])
}

/// `guichet import ds EXPORT --scheme S --mapping M`: one application file per dossier of a
/// démarches-simplifiées export.
struct ImportDS: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ds",
        abstract: "Un fichier de demande par dossier d'un export de démarches-simplifiées (CSV ou JSON de l'API).",
        discussion: """
            La correspondance (--mapping, Docs/IMPORTS.md) dit quelle colonne de l'export donne chaque information \
            de la demande, et ce que valent les libellés de la démarche (« Oui », « Catégorie 1 — inscrit au PDESI »). \
            Chaque dossier donne OUT/dossier-NUMÉRO.yaml. Un dossier illisible est rejeté avec ses erreurs \
            (fichier:ligne:colonne, colonne, valeur trouvée, que faire), listé dans OUT/rejets.csv, et les autres sont \
            écrits. Un fichier déjà écrit n'est jamais remplacé sans --remplacer. Code de sortie 1 si un dossier est rejeté.
            """)

    @Argument(help: ArgumentHelp("L'export des dossiers : le CSV du tableur de démarches-simplifiées (« , » ou « ; »), ou le JSON de son API.", valueName: "EXPORT"))
    var export: String

    @Option(name: .customLong("scheme"), help: ArgumentHelp("Le dispositif des demandes, par exemple pdesi.", valueName: "DISPOSITIF"))
    var schemeID: String

    @Option(name: .long, help: ArgumentHelp("La correspondance entre les colonnes de l'export et le dispositif, par exemple Rules/imports/pdesi-ds.yaml.", valueName: "FICHIER"))
    var mapping: String

    @Option(name: .customLong("out"), help: ArgumentHelp("Le dossier où écrire les demandes (par défaut : demandes).", valueName: "DOSSIER"))
    var givenOut: String?

    /// Where the applications go.
    var out: String { givenOut ?? "demandes" }

    @Flag(name: .customLong("remplacer"), help: "Remplacer une demande déjà écrite dont le dossier a changé depuis (sinon, elle est laissée telle quelle et signalée).")
    var replace = false

    @OptionGroup var rules: RulesOption

    func run() throws {
        let catalog = try rules.catalog()
        let scheme = try rules.scheme(schemeID, in: catalog)
        let importMapping = try loadMapping(scheme)
        let table: ExportTable
        switch ExportTable.read(path: export) {
        case .success(let read): table = read
        case .failure(let diagnostic):
            Console.error(diagnostic.description)
            throw ExitCode.failure
        }
        let mismatches = DossierImport.check(importMapping, against: table)
        for diagnostic in mismatches { Console.error(diagnostic.description) }
        guard mismatches.isEmpty else { throw ExitCode.failure }
        let report = DossierImport.run(table, mapping: importMapping)
        let folder = try Console.outputFolder(out)
        let kept = try write(report, to: folder)
        try writeRejects(report, to: folder)
        summarize(report, kept: kept)
        if !report.rejected.isEmpty || kept > 0 { throw ExitCode.failure }
    }

    private func loadMapping(_ scheme: Scheme) throws -> ImportMapping {
        switch ImportMappingLoader.load(path: mapping, scheme: scheme) {
        case .success(let loaded): return loaded
        case .failure(let list):
            for diagnostic in list.diagnostics { Console.error(diagnostic.description) }
            Console.say(.error, "la correspondance a \(FrenchFormat.count(list.diagnostics.count, "erreur")) : corrigez-la, aucun dossier n'a été importé",
                        at: "\(mapping):1:1")
            throw ExitCode.failure
        }
    }

    /// Writes each application file and says what became of each dossier; returns how many
    /// files were left as they were although their dossier changed.
    private func write(_ report: ImportReport, to folder: OutputFolder) throws -> Int {
        var kept = 0
        for entry in report.entries {
            switch entry {
            case .imported(let application):
                let written: ImportFiles.Written
                do {
                    written = try ImportFiles.write(application, to: folder, replacing: replace)
                } catch {
                    Console.say(.error, "\(error.reason)", at: "\(error.path)")
                    throw ExitCode.failure
                }
                Console.out("\(Console.pad(Self.word(written), 10)) \(folder.path(application.fileName))  (\(application.id))")
                if written == .kept {
                    kept += 1
                    Console.say(.error, "ce fichier existe déjà avec un autre contenu (dossier n°\(application.dossier) "
                        + "modifié depuis le dernier import, ou demande corrigée à la main) : il est laissé tel quel ; comparez-les, puis relancez avec --remplacer pour le remplacer",
                        at: folder.path(application.fileName))
                }
            case .rejected(let dossier):
                let name = dossier.dossier.map { "dossier n°\($0)" } ?? "dossier sans numéro"
                Console.out("\(Console.pad("rejeté", 10)) \(name) (ligne \(dossier.mark.line)) : \(FrenchFormat.count(dossier.problems.count, "erreur"))")
                for problem in dossier.problems { Console.error(problem.description(dossier: dossier.dossier)) }
            case .skipped(let dossier):
                Console.out("\(Console.pad("ignoré", 10)) dossier n°\(dossier.dossier) (état « \(dossier.state) »)")
            }
        }
        return kept
    }

    private static func word(_ written: ImportFiles.Written) -> String {
        switch written {
        case .created: "écrit"
        case .unchanged: "inchangé"
        case .replaced: "remplacé"
        case .kept: "conservé"
        }
    }

    /// `OUT/rejets.csv` when dossiers were rejected; an earlier one is removed otherwise, so
    /// that it never lists the rejects of another run.
    private func writeRejects(_ report: ImportReport, to folder: OutputFolder) throws {
        do {
            if report.rejected.isEmpty {
                try folder.remove(RejectsFile.name)
            } else {
                try folder.write(RejectsFile.csv(report.rejected), to: RejectsFile.name)
            }
        } catch {
            Console.say(.error, "\(error.reason)", at: "\(error.path)")
            throw ExitCode.failure
        }
    }

    private func summarize(_ report: ImportReport, kept: Int) {
        let total = report.entries.count
        var parts = ["\(FrenchFormat.count(report.imported.count, "demande")) dans \(out)"]
        if !report.rejected.isEmpty {
            parts.append("\(FrenchFormat.count(report.rejected.count, "dossier rejeté", "dossiers rejetés")) (voir \(out)/\(RejectsFile.name))")
        }
        if !report.skipped.isEmpty { parts.append("\(FrenchFormat.count(report.skipped.count, "dossier ignoré", "dossiers ignorés")) pour leur état") }
        if kept > 0 { parts.append("\(FrenchFormat.count(kept, "demande conservée", "demandes conservées")) sans --remplacer") }
        Console.out("\n\(FrenchFormat.count(total, "dossier lu", "dossiers lus")) : \(parts.joined(separator: ", ")).")
        if !report.imported.isEmpty { Console.out("Pour les évaluer : guichet evaluate \(out)") }
    }
}
