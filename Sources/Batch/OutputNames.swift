import SchemeLanguage
import YAMLReader

/// The names of the files a batch writes for each document, checked to be distinct before
/// anything is written: two documents that would write the same file would silently lose a
/// decision. Names are compared without case, as on the file systems of macOS and Windows.
struct OutputNames {
    /// Names taken by the run itself, such as a call's procès-verbal, with what they hold.
    let reserved: [String: String]
    /// The first document to claim each name, case folded.
    private var claimed: [String: SourceMark] = [:]

    init(reserved: [String: String] = [:]) {
        self.reserved = Dictionary(reserved.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// The base names (before `.md` and `.json`) of a document's files: its id, or for a
    /// household one per scheme of its family and its orientation summary.
    static func names(of document: PendingDocument) -> [String] {
        guard document.family != nil else { return [document.id] }
        return document.schemes.map { "\(document.id).\($0)" } + ["\(document.id).orientation"]
    }

    /// The located error of every document whose files another document, or the run itself,
    /// would also write. Both documents of a clash fail: neither can be told to be the right one.
    static func clashes(in documents: [PendingDocument], reserved: [String: String]) -> [ObjectIdentifier: Diagnostic] {
        let named = documents.map { (document: $0, names: names(of: $0)) }
        var owners: [String: [PendingDocument]] = [:]
        for (document, names) in named {
            for name in Set(names.map { $0.lowercased() }) { owners[name, default: []].append(document) }
        }
        let folded = OutputNames(reserved: reserved).reserved
        var clashes: [ObjectIdentifier: Diagnostic] = [:]
        for (document, names) in named {
            for name in names {
                let key = name.lowercased()
                if let other = owners[key, default: []].first(where: { $0 !== document }) {
                    clashes[ObjectIdentifier(document)] = clash(document, name: name, with: "la demande « \(other.id) » (\(other.mark))")
                    break
                }
                if let what = folded[key] {
                    clashes[ObjectIdentifier(document)] = clash(document, name: name, with: what)
                    break
                }
            }
        }
        return clashes
    }

    /// Claims a document's names for a stream decided as it is read; the error when an
    /// earlier document, already written, holds one of them.
    mutating func claim(_ document: PendingDocument) -> Diagnostic? {
        let names = Self.names(of: document)
        for name in names {
            if let first = claimed[name.lowercased()] {
                return Self.clash(document, name: name, with: "la demande lue en \(first)")
            }
            if let what = reserved[name.lowercased()] { return Self.clash(document, name: name, with: what) }
        }
        for name in names { claimed[name.lowercased()] = document.mark }
        return nil
    }

    private static func clash(_ document: PendingDocument, name: String, with other: String) -> Diagnostic {
        Diagnostic("les fichiers de décision « \(name).md » et « \(name).json » seraient aussi ceux de \(other) : "
                   + "donnez à chaque demande un identifiant qui lui soit propre ; aucune décision n'est écrite pour ce document",
                   at: document.mark, path: "id")
    }
}
