import SchemeLanguage
import YAMLReader

/// The dossiers of a JSON answer of the démarches-simplifiées GraphQL API (`demarche { dossiers
/// { nodes { … } } }`), laid out as the CSV export lays them: the dossier's own facts under the
/// CSV's column names (`ID`, `Déposé le`, `État du dossier`…), each field (`champs`) and private
/// annotation (`annotations`) under its label. A mapping written for the CSV reads both.
enum DSJSON {
    /// Where the dossiers may be: a whole API answer, its `demarche`, a list of dossiers.
    static func dossiers(in root: JSONNode) -> [JSONNode]? {
        if let items = root.array { return items }
        for candidate in [root["data"]?["demarche"], root["demarche"], root["data"], Optional(root)] {
            guard let holder = candidate, let dossiers = holder["dossiers"] else { continue }
            if let items = dossiers.array { return items }
            if let nodes = dossiers["nodes"]?.array { return nodes }
            if let edges = dossiers["edges"]?.array { return edges.compactMap { $0["node"] } }
        }
        if let single = root["data"]?["dossier"] ?? root["dossier"] { return [single] }
        return nil
    }

    static func table(_ root: JSONNode, file: String) -> Result<ExportTable, Diagnostic> {
        guard let dossiers = dossiers(in: root) else {
            return .failure(Diagnostic("aucune liste de dossiers dans ce JSON : attendu la réponse de l'API "
                + "(data.demarche.dossiers.nodes) ou une liste de dossiers", at: SourceMark(file: file, line: root.line, column: root.column)))
        }
        var columns: [String] = []
        var known = Set<String>()
        var duplicates = Set<String>()
        var records: [ExportRecord] = []
        for dossier in dossiers {
            let (cells, repeated) = flattened(dossier, file: file)
            duplicates.formUnion(repeated)
            for (name, _) in cells where known.insert(name).inserted { columns.append(name) }
            records.append(ExportRecord(cells: Dictionary(cells, uniquingKeysWith: { first, _ in first }),
                                        mark: SourceMark(file: file, line: dossier.line, column: dossier.column)))
        }
        return .success(ExportTable(file: file, format: .json, columns: columns, duplicateColumns: duplicates, records: records))
    }

    /// The dossier's own facts, under the names of the CSV export's columns.
    private static let dossierColumns: [(path: [String], column: String)] = [
        (["number"], "ID"), (["usager", "email"], "Email"), (["dateDepot"], "Déposé le"),
        (["datePassageEnInstruction"], "Passé en instruction le"), (["dateTraitement"], "Traité le"),
        (["dateDerniereModification"], "Dernière mise à jour le"), (["motivation"], "Motivation de la décision"),
        (["demandeur", "siret"], "Établissement SIRET"), (["demandeur", "address", "label"], "Établissement Adresse"),
        (["demandeur", "entreprise", "siren"], "Entreprise SIREN"),
        (["demandeur", "entreprise", "raisonSociale"], "Entreprise raison sociale"),
        (["demandeur", "entreprise", "formeJuridique"], "Entreprise forme juridique"),
        (["demandeur", "association", "titre"], "Association titre"), (["demandeur", "association", "rna"], "Association RNA"),
        (["demandeur", "civilite"], "Civilité"), (["demandeur", "nom"], "Nom"), (["demandeur", "prenom"], "Prénom"),
    ]

    /// The API's states, as the CSV export writes them.
    private static let states = ["en_construction": "En construction", "en_instruction": "En instruction",
                                 "accepte": "Accepté", "refuse": "Refusé", "sans_suite": "Classé sans suite"]

    /// The cells of one dossier, in order, and the labels it repeats.
    private static func flattened(_ dossier: JSONNode, file: String) -> ([(String, ExportCell)], Set<String>) {
        var cells: [(String, ExportCell)] = []
        func mark(_ node: JSONNode) -> SourceMark { SourceMark(file: file, line: node.line, column: node.column) }
        for (path, column) in dossierColumns {
            guard let node = path.reduce(Optional(dossier), { $0?[$1] }), let text = node.scalarText else { continue }
            cells.append((column, ExportCell(text: text, mark: mark(node))))
        }
        if let node = dossier["state"], let state = node.string {
            cells.append(("État du dossier", ExportCell(text: states[state] ?? state, mark: mark(node))))
        }
        var labels = Set<String>()
        var repeated = Set<String>()
        for field in (dossier["champs"]?.array ?? []) + (dossier["annotations"]?.array ?? []) {
            guard let label = field["label"]?.string?.trimmingSpaces else { continue }
            if !labels.insert(label).inserted { repeated.insert(label) }
            cells.append((label, cell(of: field, mark: mark(field))))
        }
        return (cells, repeated)
    }

    /// A field's value: its files or its choices as a list, else its typed value, else its text.
    private static func cell(of field: JSONNode, mark: SourceMark) -> ExportCell {
        if let files = field["files"]?.array {
            return ExportCell(text: "", items: files.compactMap { $0["filename"]?.string }, mark: mark)
        }
        if let values = field["values"]?.array {
            return ExportCell(text: "", items: values.compactMap(\.scalarText), mark: mark)
        }
        for key in ["value", "checked", "decimalNumber", "integerNumber", "date", "datetime", "stringValue"] {
            if let node = field[key], let text = node.scalarText {
                return ExportCell(text: text, mark: SourceMark(file: mark.file, line: node.line, column: node.column))
            }
        }
        return ExportCell(text: "", mark: mark)
    }
}
