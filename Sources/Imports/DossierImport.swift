import Platform
import SchemeLanguage
import YAMLReader

/// Turns the dossiers of an export into application files, one per dossier, with a mapping.
///
/// One dossier's problem never costs another its file: each dossier is imported or rejected
/// with its own located problems. Two dossiers that would write the same file or carry the same
/// reference are both rejected, each naming the other.
public enum DossierImport {
    /// The mapping's columns the export does not have, or has twice: located in the mapping
    /// file, since no dossier can be read until the mapping and the export agree.
    public static func check(_ mapping: ImportMapping, against table: ExportTable) -> [Diagnostic] {
        let columns = Set(table.columns)
        var rules = [mapping.dossier] + mapping.rules
        var diagnostics: [Diagnostic] = []
        if let states = mapping.states {
            rules.append(ImportMapping.Rule(target: .dossier, column: states.column, path: "states.column", mark: states.mark,
                                            values: [], empty: nil, template: nil))
        }
        for rule in rules {
            if table.duplicateColumns.contains(rule.column) {
                diagnostics.append(Diagnostic("l'export \(table.file) a plusieurs colonnes « \(rule.column) » : impossible de savoir laquelle lire ; "
                    + "renommez le champ dans la démarche pour qu'il soit unique", at: rule.mark, path: rule.path))
            } else if !columns.contains(rule.column) {
                var message = "l'export \(table.file) n'a pas de colonne « \(rule.column) »"
                if let guess = Suggestion.closest(to: rule.column, among: table.columns) { message += " ; vouliez-vous dire « \(guess) » ?" }
                else { message += " ; recopiez le nom exact de la colonne, tel que l'en-tête de l'export l'écrit" }
                diagnostics.append(Diagnostic(message, at: rule.mark, path: rule.path))
            }
        }
        return diagnostics
    }

    /// Every dossier of the export, in its order.
    public static func run(_ table: ExportTable, mapping: ImportMapping) -> ImportReport {
        let mapper = DossierMapper(mapping: mapping)
        var entries = table.records.map(mapper.map)
        rejectClashes(&entries, key: { $0.dossier.lowercased() }, what: "le même numéro de dossier")
        rejectClashes(&entries, key: { $0.id }, what: "la même référence de demande")
        return ImportReport(entries: entries)
    }

    /// Rejects every imported dossier that shares a key with another, naming the others' places.
    private static func rejectClashes(_ entries: inout [ImportReport.Entry], key: (ImportedApplication) -> String, what: String) {
        var places: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() {
            if case .imported(let application) = entry { places[key(application), default: []].append(index) }
        }
        for indices in places.values where indices.count > 1 {
            for index in indices {
                guard case .imported(let application) = entries[index] else { continue }
                let others = indices.filter { $0 != index }.compactMap { other -> String? in
                    guard case .imported(let clash) = entries[other] else { return nil }
                    return "ligne \(clash.mark.line)"
                }
                let problem = ImportProblem(mark: application.mark, message: "un autre dossier de l'export porte \(what) (\(others.joined(separator: ", "))) : "
                    + "aucun de ces dossiers n'est importé", hint: "retirez le doublon de l'export")
                entries[index] = .rejected(RejectedDossier(dossier: application.dossier, mark: application.mark, problems: [problem]))
            }
        }
    }
}

/// Writing the application files of an import into its output folder.
public enum ImportFiles {
    /// What happened to a file.
    public enum Written: Sendable, Equatable {
        /// A new file.
        case created
        /// The file was there with the same content: nothing to do.
        case unchanged
        /// The file was there with another content and `replacing` was asked: replaced.
        case replaced
        /// The file was there with another content: left as it is.
        case kept
    }

    /// Writes one application file, never over another content unless `replacing`.
    public static func write(_ application: ImportedApplication, to folder: OutputFolder, replacing: Bool) throws(FileSystemError) -> Written {
        if try folder.writeNew(application.text, to: application.fileName) { return .created }
        let existing = try RegularFile.read(folder.path(application.fileName))
        if existing == Array(application.text.utf8) { return .unchanged }
        guard replacing else { return .kept }
        try folder.write(application.text, to: application.fileName)
        return .replaced
    }
}
