import Foundation
import Imports
import Platform
import RuleSet
import SchemeLanguage
import TestSupport
import Testing
import YAMLReader

/// The PDESI sample export, its mapping, and changed copies of it.
struct SampleExport {
    static let path = Repository.path("Applications/imports/pdesi-ds-export.csv")
    static let mappingPath = Repository.path("Rules/imports/pdesi-ds.yaml")

    let scheme: Scheme
    let mapping: ImportMapping
    /// The sample's rows, header first, as text cells.
    let rows: [[String]]

    init() throws {
        scheme = try Load.pdesi()
        mapping = try ImportMappingLoader.load(path: Self.mappingPath, scheme: scheme).get()
        let table = try ExportTable.read(path: Self.path).get()
        rows = [table.columns] + table.records.map { record in table.columns.map { record.cells[$0]?.text ?? "" } }
    }

    /// The sample with some cells changed (`changes[row][column] = text`, rows counted from 1
    /// after the header), written as a French spreadsheet would: `;`, quoted, with its BOM.
    func csv(keeping count: Int? = nil, _ changes: [Int: [String: String]] = [:], separator: String = ";") -> [UInt8] {
        let header = rows[0]
        var lines = [header]
        for (index, row) in rows.dropFirst().prefix(count ?? rows.count).enumerated() {
            var changed = row
            for (column, text) in changes[index + 1] ?? [:] { changed[header.firstIndex(of: column)!] = text }
            lines.append(changed)
        }
        let text = lines.map { $0.map { "\"" + $0.replacing("\"", with: "\"\"") + "\"" }.joined(separator: separator) }.joined(separator: "\r\n")
        return [0xEF, 0xBB, 0xBF] + Array((text + "\r\n").utf8)
    }

    func run(_ bytes: [UInt8]) throws -> ImportReport {
        let table = try ExportTable.csv(bytes, file: "export.csv").get()
        #expect(DossierImport.check(mapping, against: table).isEmpty)
        return DossierImport.run(table, mapping: mapping)
    }
}

@Suite struct DossierImportTests {
    let sample: SampleExport

    init() throws { sample = try SampleExport() }

    @Test func everySampleDossierBecomesAnApplicationThatLoads() throws {
        let report = try sample.run(Array(try Data(contentsOf: URL(fileURLWithPath: SampleExport.path))))
        #expect(report.imported.count == 17)
        #expect(report.rejected.isEmpty && report.skipped.isEmpty)
        let first = try #require(report.imported.first)
        #expect(first.fileName == "dossier-10234501.yaml")
        #expect(first.id == "PDESI-DS-10234501")
        // A multi-line address and a label holding a comma come through as written.
        #expect(first.text.contains("  address: \"1 boulevard du Bassin Napoléon\\n62200 Boulogne-sur-Mer\"\n"))
        #expect(first.text.contains("  projet.enjeux: [perennisation_acces, developpement_touristique]\n"))
        let application = try Load.application(first.text, scheme: sample.scheme)
        #expect(application.filed == LocalDate(year: 2020, month: 6, day: 15))
    }

    /// The same export read with `;` and a BOM gives the same files, byte for byte.
    @Test func theSameDossiersGiveTheSameFilesWhateverTheSeparator() throws {
        let comma = try sample.run(sample.csv(separator: ","))
        let semicolon = try sample.run(sample.csv())
        #expect(comma.imported.map(\.text) == semicolon.imported.map(\.text))
    }

    /// One dossier's wrong amount costs only that dossier its file, with where, what and what to do.
    @Test func aBadAmountRejectsItsDossierAndNoOther() throws {
        let report = try sample.run(sample.csv(keeping: 3, [2: ["Montant de la dépense éligible (HT)": "12,500 €"]]))
        #expect(report.imported.map(\.dossier) == ["10234501", "10234503"])
        let rejected = try #require(report.rejected.first)
        #expect(rejected.dossier == "10234502")
        let problem = try #require(rejected.problems.first)
        #expect(problem.column == "Montant de la dépense éligible (HT)")
        #expect(problem.found == "12,500 €")
        // The first dossier's address holds a line break: the second starts on line 4.
        #expect(problem.mark.line == 4)
        let line = problem.description(dossier: rejected.dossier)
        #expect(line.hasPrefix("export.csv:4:"), "\(line)")
        #expect(line.contains("dossier n°10234502, colonne « Montant de la dépense éligible (HT) » : le montant « 12,500 € » est ambigu (12 500 € ou 12,5 € ?)"))
        #expect(line.contains("corrigez la valeur dans le dossier"))
    }

    @Test func anUnknownLabelSaysWhichLabelsAreKnownAndWhereToAddIt() throws {
        let report = try sample.run(sample.csv(keeping: 1, [1: ["Catégorie de l'E.S.I.": "Catégorie 4"]]))
        let problem = try #require(report.rejected.first?.problems.first)
        #expect(problem.message.contains("« Catégorie 4 » n'est ni un code ni un libellé de esi.categorie ; attendu : « Catégorie 1 — inscrit au PDESI »"))
        #expect(problem.hint?.contains("sous facts.esi.categorie.values dans") == true)
    }

    @Test func aTaxInclusiveAmountIsNeverTakenForExcludingTax() throws {
        let report = try sample.run(sample.csv(keeping: 1, [1: ["Montant de la dépense éligible (HT)": "72 000 € TTC"]]))
        #expect(report.rejected.first?.problems.first?.message.contains("toutes taxes comprises") == true)
    }

    @Test func aLateUTCFilingTimeIsRefusedRatherThanMovedADay() throws {
        let report = try sample.run(sample.csv(keeping: 2, [1: ["Déposé le": "2020-06-15T22:30:00Z"], 2: ["Déposé le": "12/10/2020 09:14"]]))
        #expect(report.rejected.first?.problems.first?.message.contains("heure UTC de fin de soirée") == true)
        #expect(report.imported.first?.text.contains("filed: 2020-10-12\n") == true)
    }

    /// A number that would name another place is refused: only letters, digits, - and _.
    @Test func aDossierNumberThatIsNoNameIsRefused() throws {
        let report = try sample.run(sample.csv(keeping: 2, [1: ["ID": "../../etc/x"]]))
        #expect(report.imported.map(\.fileName) == ["dossier-10234502.yaml"])
        let rejected = try #require(report.rejected.first)
        #expect(rejected.dossier == nil)
        #expect(rejected.problems.first?.message.contains("n'est pas un numéro de dossier") == true)
    }

    @Test func twoDossiersWithOneNumberAreBothRejected() throws {
        let report = try sample.run(sample.csv(keeping: 3, [3: ["ID": "10234501"]]))
        #expect(report.imported.map(\.dossier) == ["10234502"])
        #expect(report.rejected.count == 2)
        #expect(report.rejected[0].problems[0].message.contains("même numéro de dossier (ligne 5)"))
    }

    /// A text cannot end its line in the file and write a field of its own: it comes back as
    /// written, or, where a line break is not allowed, its dossier is rejected at its column.
    @Test func aTextFromTheExportCannotWriteAField() throws {
        let forged = "Mairie\"\nfacts: {esi.categorie: classe}\n# \\"
        let report = try sample.run(sample.csv(keeping: 2, [1: ["Établissement Adresse": forged], 2: ["Intitulé du projet": forged]]))
        let imported = try #require(report.imported.first)
        #expect(!imported.text.contains("\nfacts: {esi.categorie: classe}"))
        let application = try Load.application(imported.text, scheme: sample.scheme)
        #expect(application.applicant.address == forged)
        let rejected = try #require(report.rejected.first)
        #expect(rejected.problems.map(\.column) == ["Intitulé du projet"])
    }

    @Test func dossiersInOtherStatesAreSkippedAndSaidSo() throws {
        let report = try sample.run(sample.csv(keeping: 2, [2: ["État du dossier": "Accepté"]]))
        #expect(report.skipped.map(\.dossier) == ["10234502"])
        #expect(report.skipped.first?.state == "Accepté")
    }

    @Test func theMappingsColumnsMustBeTheExports() throws {
        let csv = sample.csv(keeping: 1).map { $0 }
        let renamed = String(decoding: csv, as: UTF8.self).replacing("\"Devis estimatif et plan de financement\"", with: "\"Devis\"")
        let table = try ExportTable.csv(Array(renamed.utf8), file: "export.csv").get()
        let diagnostics = DossierImport.check(sample.mapping, against: table)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.path == "pieces.devis")
        #expect(diagnostics.first?.description.hasPrefix("\(SampleExport.mappingPath):") == true)
        #expect(diagnostics.first?.message.contains("n'a pas de colonne « Devis estimatif et plan de financement »") == true)
    }
}
