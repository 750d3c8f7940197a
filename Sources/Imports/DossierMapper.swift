import SchemeLanguage
import YAMLReader

/// Makes one dossier's application file: each rule of the mapping read from its cell, every
/// problem of the dossier collected, and the file read back by the application decoder before
/// it is accepted, so that an imported file always loads.
struct DossierMapper {
    let mapping: ImportMapping
    private let reading: CellReading
    private let decoder: ApplicationDecoder

    init(mapping: ImportMapping) {
        self.mapping = mapping
        reading = CellReading(mapping: mapping)
        decoder = ApplicationDecoder(scheme: mapping.scheme)
    }

    func map(_ record: ExportRecord) -> ImportReport.Entry {
        let dossier: String
        switch dossierNumber(record) {
        case .success(let number): dossier = number
        case .failure(let problem): return .rejected(RejectedDossier(dossier: nil, mark: record.mark, problems: [problem]))
        }
        if let problem = record.problem {
            return .rejected(RejectedDossier(dossier: dossier, mark: record.mark, problems: [ImportProblem(mark: record.mark, message: problem)]))
        }
        if let states = mapping.states {
            let state = record.cells[states.column]?.text.trimmingSpaces ?? ""
            if !states.accepted.contains(where: { $0.lowercased() == state.lowercased() }) {
                return .skipped(SkippedDossier(dossier: dossier, state: state, mark: record.mark))
            }
        }
        var draft = ApplicationDraft(scheme: mapping.scheme, dossier: dossier)
        var problems: [ImportProblem] = []
        for rule in mapping.rules {
            let cell = record.cells[rule.column]
            switch reading.read(cell, rule: rule, type: type(of: rule.target)) {
            case .value(let value): draft.set(rule.target, value, template: rule.template)
            case .absent: break
            case .problem(let message, let hint):
                problems.append(ImportProblem(mark: cell?.mark ?? record.mark, column: rule.column,
                                              found: cell.map { $0.items?.joined(separator: ", ") ?? $0.text }, message: message, hint: hint))
            }
        }
        problems += missing(draft, record: record)
        guard problems.isEmpty else { return .rejected(RejectedDossier(dossier: dossier, mark: record.mark, problems: problems)) }
        let text = draft.yaml()
        let decoded = readBack(text, dossier: dossier, record: record)
        guard decoded.isEmpty else { return .rejected(RejectedDossier(dossier: dossier, mark: record.mark, problems: decoded)) }
        return .imported(ImportedApplication(dossier: dossier, id: draft.id ?? "", fileName: "dossier-\(dossier).yaml", text: text, mark: record.mark))
    }

    /// The dossier's number, which names its file: letters, digits, `-` and `_` only.
    private func dossierNumber(_ record: ExportRecord) -> Result<String, ImportProblem> {
        let column = mapping.dossier.column
        let cell = record.cells[column]
        let text = cell?.text.trimmingSpaces ?? ""
        let allowed = text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
        guard !text.isEmpty, text.count <= 64, allowed, text.first != "-" else {
            let message = text.isEmpty ? "le numéro de dossier est vide"
                : "« \(ScalarParsing.truncated(text)) » n'est pas un numéro de dossier (lettres, chiffres, « - » et « _ » seulement) : il ne peut nommer un fichier"
            return .failure(ImportProblem(mark: cell?.mark ?? record.mark, column: column, message: message,
                                          hint: "vérifiez que la colonne « \(column) » est bien celle du numéro de dossier"))
        }
        return .success(text)
    }

    private func type(of target: ImportMapping.Target) -> ValueType {
        switch target {
        case .filed: .date
        case .fact(let index): mapping.scheme.inputs[index].type
        case .piece, .confirmed: .boolean
        default: .text
        }
    }

    /// The fields an application cannot do without, when their cell is blank.
    private func missing(_ draft: ApplicationDraft, record: ExportRecord) -> [ImportProblem] {
        let required: [(ImportMapping.Target, Bool, String)] = [
            (.id, draft.id != nil, "la référence de la demande est requise"),
            (.filed, draft.filed != nil, "la date de dépôt est requise"),
            (.applicantName, draft.applicant[.applicantName] != nil, "le nom du demandeur est requis"),
        ]
        return required.compactMap { target, present, what in
            // A cell that is there but could not be read has its own problem already.
            guard !present, let rule = mapping.rule(for: target), record.cells[rule.column]?.isBlank ?? true else { return nil }
            return ImportProblem(mark: record.cells[rule.column]?.mark ?? record.mark, column: rule.column,
                                 message: "la cellule est vide : \(what)", hint: "complétez le dossier")
        }
    }

    /// The decoder's problems with the file, each pointed back at the cell it came from.
    private func readBack(_ text: String, dossier: String, record: ExportRecord) -> [ImportProblem] {
        let node: YAMLNode
        do {
            node = try YAMLDocumentReader.singleDocument(text: text, file: "dossier-\(dossier).yaml")
        } catch {
            return [ImportProblem(mark: record.mark, message: "le fichier produit est illisible (\(error.message)) : signalez-le")]
        }
        guard case .failure(let list) = decoder.decode(node) else { return [] }
        return list.diagnostics.map { diagnostic in
            let rule = diagnostic.path.flatMap(mapping.rule(forApplicationPath:))
            let cell = rule.flatMap { record.cells[$0.column] }
            return ImportProblem(mark: cell?.mark ?? record.mark, column: rule?.column, found: cell?.text,
                                 message: diagnostic.message, hint: "corrigez la valeur dans le dossier (ou dans l'export)")
        }
    }
}
