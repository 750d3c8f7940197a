import Foundation
import Platform
import SchemeLanguage
import YAMLReader

/// The communes of the département, from the rules folder's reference file
/// (`references/communes-62.csv`, see its README): what a reform report joins to an
/// application through its maître d'ouvrage's SIREN, to break the amounts down by population
/// band and by territory, and what the portfolio generator draws its communes from.
public struct CommuneReference: Sendable {
    /// One commune: its codes, its name, its arrondissement and its population.
    public struct Commune: Sendable, Equatable {
        /// Its code in INSEE's Code officiel géographique (`62893`).
        public let insee: String
        /// Its SIREN (`216208934`).
        public let siren: String
        public let name: String
        /// Its arrondissement's name (`Boulogne-sur-Mer`): the territory the reports show.
        public let arrondissement: String
        /// INSEE's population municipale.
        public let population: Int
        /// Its population band, an index into `CommuneReference.bands`.
        public let band: UInt8
        /// Its arrondissement, an index into `CommuneReference.arrondissements`.
        public let territory: UInt8
    }

    /// The file, relative to the rules folder.
    public static let relativePath = "references/communes-62.csv"
    /// The columns the file must have, in any order; others are ignored.
    public static let columns = ["code_insee", "siren", "commune", "arrondissement", "population_municipale"]

    /// The population bands of INSEE's tables of communes by size, from the lowest bound of
    /// each: under 500 inhabitants, 500 to 1 999, 2 000 to 4 999, 5 000 to 9 999, 10 000 to
    /// 49 999, 50 000 and more.
    public static let bandFloors = [0, 500, 2_000, 5_000, 10_000, 50_000]
    public static let bands = ["moins de 500 habitants", "de 500 à 1 999 habitants", "de 2 000 à 4 999 habitants",
                               "de 5 000 à 9 999 habitants", "de 10 000 à 49 999 habitants", "50 000 habitants ou plus"]

    public let communes: [Commune]
    /// The arrondissements' names, in French alphabetical order.
    public let arrondissements: [String]
    /// The file, as given, for the reports' method.
    public let file: String
    private let bySiren: [String: Int]

    /// The commune whose SIREN this is (spaces ignored: « 216 208 934 »), if any.
    public func index(ofSiren siren: String) -> Int? {
        bySiren[siren] ?? bySiren[siren.filter { $0 != " " && $0 != "\u{A0}" && $0 != "\u{202F}" }]
    }

    /// The band of a population: an index into `bands`.
    public static func band(of population: Int) -> UInt8 {
        UInt8(bandFloors.lastIndex { population >= $0 } ?? 0)
    }

    /// Reads the file at `path`; every bad row is an error in French, with its line, its column
    /// and what to do.
    public static func load(path: String) -> Result<CommuneReference, DiagnosticList> {
        switch FileBytes.read(path) {
        case .success(let bytes): read(bytes: bytes, file: path)
        case .failure(let diagnostic): .failure(DiagnosticList([diagnostic]))
        }
    }

    /// The reference of a rules folder, read from `relativePath` inside it.
    public static func load(rulesFolder: String) -> Result<CommuneReference, DiagnosticList> {
        load(path: rulesFolder.hasSuffix("/") ? rulesFolder + relativePath : rulesFolder + "/" + relativePath)
    }

    public static func read(bytes: [UInt8], file: String) -> Result<CommuneReference, DiagnosticList> {
        let reader: CSVReader
        do {
            reader = try CSVReader(bytes: bytes)
        } catch {
            return .failure(DiagnosticList([Diagnostic(error.message, at: SourceMark(file: file, line: error.line, column: error.column))]))
        }
        guard let header = reader.records.first else {
            return .failure(DiagnosticList([Diagnostic("le fichier des communes est vide : il commence par l'en-tête "
                + columns.joined(separator: ";") + ", puis une ligne par commune", at: SourceMark(file: file, line: 1, column: 1))]))
        }
        let names = header.fields.map(\.text)
        let missing = columns.filter { !names.contains($0) }
        guard missing.isEmpty else {
            return .failure(DiagnosticList([Diagnostic("colonne\(missing.count > 1 ? "s" : "") " + missing.map { "« \($0) »" }.joined(separator: ", ")
                + " absente\(missing.count > 1 ? "s" : "") de l'en-tête : il doit nommer " + columns.joined(separator: ", ")
                + " (Scripts/make-communes-62 écrit le fichier avec ces colonnes)", at: SourceMark(file: file, line: header.line, column: 1))]))
        }
        let position = Dictionary(uniqueKeysWithValues: columns.map { column in (column, names.firstIndex(of: column)!) })
        var rows: [(insee: String, siren: String, name: String, arrondissement: String, population: Int)] = []
        var problems: [Diagnostic] = []
        var seen: [String: Int] = [:]
        for record in reader.records.dropFirst() {
            let row = RowReader(record: record, position: position, file: file)
            guard let insee = row.digits("code_insee", count: 5, problems: &problems),
                  let siren = row.digits("siren", count: 9, problems: &problems),
                  let name = row.text("commune", problems: &problems),
                  let arrondissement = row.text("arrondissement", problems: &problems),
                  let population = row.population(problems: &problems) else { continue }
            if let first = seen[siren] {
                problems.append(row.problem("siren", "le SIREN \(siren) est déjà celui de la commune de la ligne \(first) : "
                    + "chaque commune a le sien ; retirez le doublon"))
                continue
            }
            seen[siren] = record.line
            rows.append((insee, siren, name, arrondissement, population))
        }
        guard problems.isEmpty else { return .failure(DiagnosticList(problems)) }
        // In French alphabetical order: Béthune before Boulogne-sur-Mer.
        let arrondissements = Set(rows.map(\.arrondissement)).sorted { frenchKey($0) < frenchKey($1) }
        guard arrondissements.count <= Int(UInt8.max) else {
            return .failure(DiagnosticList([Diagnostic("plus de \(UInt8.max) arrondissements : le fichier n'est pas celui des communes d'un département",
                                                       at: SourceMark(file: file, line: 1, column: 1))]))
        }
        let territory = Dictionary(uniqueKeysWithValues: arrondissements.enumerated().map { ($1, UInt8($0)) })
        let communes = rows.map { row in
            Commune(insee: row.insee, siren: row.siren, name: row.name, arrondissement: row.arrondissement, population: row.population,
                    band: band(of: row.population), territory: territory[row.arrondissement]!)
        }
        return .success(CommuneReference(communes: communes, arrondissements: arrondissements, file: file,
                                         bySiren: Dictionary(uniqueKeysWithValues: communes.enumerated().map { ($1.siren, $0) })))
    }

    /// A name as French alphabetical order compares it: accents and case aside, then as written.
    static func frenchKey(_ name: String) -> (String, String) {
        (name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "fr_FR")), name)
    }

    /// One row's fields by column name, each read or reported where it stands.
    private struct RowReader {
        let record: CSVReader.Record
        let position: [String: Int]
        let file: String

        func problem(_ column: String, _ message: String) -> Diagnostic {
            let field = position[column].flatMap { $0 < record.fields.count ? record.fields[$0] : nil }
            return Diagnostic("colonne « \(column) » : \(message)",
                              at: SourceMark(file: file, line: field?.line ?? record.line, column: field?.column ?? 1))
        }

        func text(_ column: String, problems: inout [Diagnostic]) -> String? {
            guard let index = position[column], index < record.fields.count else {
                problems.append(problem(column, "la ligne s'arrête avant cette colonne : chaque ligne a autant de champs que l'en-tête, séparés par « ; »"))
                return nil
            }
            let text = record.fields[index].text.trimmingSpaces
            guard !text.isEmpty else {
                problems.append(problem(column, "valeur vide : indiquez-la, ou retirez la ligne"))
                return nil
            }
            return text
        }

        func digits(_ column: String, count: Int, problems: inout [Diagnostic]) -> String? {
            guard let text = text(column, problems: &problems) else { return nil }
            guard text.utf8.count == count, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) || (column == "code_insee" && Self.isCorsican(text)) else {
                problems.append(problem(column, "« \(text) » n'est pas un code de \(count) chiffres : écrivez-le sans espace, "
                    + "les zéros de tête compris (un tableur les retire si la colonne n'est pas en texte)"))
                return nil
            }
            return text
        }

        /// `2A004`: a Corsican commune's INSEE code.
        private static func isCorsican(_ text: String) -> Bool {
            text.hasPrefix("2A") || text.hasPrefix("2B")
        }

        func population(problems: inout [Diagnostic]) -> Int? {
            guard let text = text("population_municipale", problems: &problems) else { return nil }
            guard let value = Int(text.filter { $0 != " " && $0 != "\u{A0}" && $0 != "\u{202F}" }), value >= 0 else {
                problems.append(problem("population_municipale", "« \(text) » n'est pas un nombre d'habitants entier : écrivez-le en chiffres (1939)"))
                return nil
            }
            return value
        }
    }

    private init(communes: [Commune], arrondissements: [String], file: String, bySiren: [String: Int]) {
        self.communes = communes
        self.arrondissements = arrondissements
        self.file = file
        self.bySiren = bySiren
    }
}
