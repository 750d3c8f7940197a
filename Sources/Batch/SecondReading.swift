import Evaluator
import Platform
import SchemeLanguage
import YAMLReader

/// The second of a batch's readings: each document read again from its place (`FilingIndex`),
/// in filing order, decoded, and checked to be the one sorted there. A file changed between
/// the two readings never changes a decision silently: the document is not decided, and its
/// entry says why and where.
struct SecondReading {
    /// The file of the last document read: a batch's documents often share a file.
    private var file: PositionedFile?

    /// The document sorted at `position`, ready to be decided, or the entry saying why not.
    mutating func document(at position: Int, in index: FilingIndex, with evaluator: DocumentEvaluator) -> Prepared {
        if let kept = index.kept(at: position) { return .ready(kept) }
        let reader: YAMLDocumentReader
        do {
            reader = YAMLDocumentReader(file: try open(index.mark(at: position).file), at: index.place(at: position))
        } catch {
            return .failed(index.failure(at: position, [Self.changed(at: position, in: index, "ne peut plus y être lue (\(error.reason))")]))
        }
        let node: YAMLNode?
        do {
            node = try reader.nextDocument()
        } catch {
            return .failed(index.failure(at: position, [Self.changed(at: position, in: index, "ne peut plus y être lue"), Diagnostic(error)]))
        }
        guard let node else { return .failed(index.failure(at: position, [Self.changed(at: position, in: index, "n'y est plus")])) }
        switch evaluator.prepare(node) {
        case .failed(let entry):
            return .failed(index.failure(at: position, [Self.changed(at: position, in: index, "ne peut plus y être lue")] + entry.diagnostics))
        case .ready(let document):
            guard index.matches(document, at: position) else { return .failed(index.failure(at: position, [Self.changed(document, at: position, in: index)])) }
            return .ready(document)
        }
    }

    private mutating func open(_ path: String) throws(FileSystemError) -> PositionedFile {
        if let file, file.path == path { return file }
        file = nil
        let opened = try PositionedFile(path: path)
        file = opened
        return opened
    }

    /// The document at the place is another: named by its id and date when those changed.
    private static func changed(_ document: PendingDocument, at position: Int, in index: FilingIndex) -> Diagnostic {
        let (id, filed) = (index.id(at: position), index.filed(at: position))
        guard document.id == id, document.filed == filed else {
            return changed(at: position, in: index, "se lit maintenant « \(document.id) », déposée le \(document.filed.frenchLong)")
        }
        return changed(at: position, in: index, "n'y commence plus au même endroit ou ne vise plus le même dispositif")
    }

    /// The application sorted at `position` cannot be decided from its file as it is now.
    private static func changed(at position: Int, in index: FilingIndex, _ what: String) -> Diagnostic {
        let (id, filed) = (index.id(at: position), index.filed(at: position))
        return Diagnostic("demande non traitée : son fichier a changé pendant le lot ; la demande « \(id) », déposée le \(filed.frenchLong) "
                          + "et lue ici au début du lot, \(what) ; relancez la même commande pour la traiter à son rang",
                          at: index.mark(at: position))
    }
}
