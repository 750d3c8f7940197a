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
        names(id: document.id, family: document.family, schemes: document.schemes)
    }

    static func names(id: String, family: String?, schemes: [String]) -> [String] {
        guard family != nil else { return [id] }
        return schemes.map { decisionName(id: id, family: family, scheme: $0) } + ["\(id).orientation"]
    }

    /// The base name of a decision's files: the application's id, or for a household's file
    /// the id and the scheme (`MEN-2020-0401.fonds-solvabilisation`).
    static func decisionName(id: String, family: String?, scheme: String) -> String {
        family == nil ? id : "\(id).\(scheme)"
    }

    /// The located error of every document of the index (by position) whose files another
    /// document, or the run itself, would also write. Both documents of a clash fail: neither
    /// can be told to be the right one.
    ///
    /// A batch may hold a million documents: a first sweep keeps a hash per name only, and
    /// names are compared only among the documents whose hashes meet.
    static func clashes(in index: FilingIndex, reserved: [String: String]) -> [Int: Diagnostic] {
        let folded = OutputNames(reserved: reserved).reserved
        var suspects = Set<Int>()
        var prints: [(hash: Int, position: Int)] = []
        prints.reserveCapacity(index.count)
        for position in 0..<index.count {
            for name in Set(index.outputNames(at: position).map { $0.lowercased() }) {
                if folded[name] != nil { suspects.insert(position) }
                prints.append((name.hashValue, position))
            }
        }
        prints.sort { ($0.hash, $0.position) < ($1.hash, $1.position) }
        var start = 0
        while start < prints.count {
            var end = start + 1
            while end < prints.count, prints[end].hash == prints[start].hash { end += 1 }
            if prints[start].position != prints[end - 1].position { for print in prints[start..<end] { suspects.insert(print.position) } }
            start = end
        }
        return clashes(among: suspects.sorted(), in: index, reserved: folded)
    }

    /// Among documents that may clash, in filing order: each gets the error of its first name
    /// that another document holds (the first to hold it) or that the run reserves.
    private static func clashes(among suspects: [Int], in index: FilingIndex, reserved folded: [String: String]) -> [Int: Diagnostic] {
        let named = suspects.map { (position: $0, names: index.outputNames(at: $0)) }
        var owners: [String: [Int]] = [:]
        for (position, names) in named {
            for name in Set(names.map { $0.lowercased() }) { owners[name, default: []].append(position) }
        }
        var clashes: [Int: Diagnostic] = [:]
        for (position, names) in named {
            for name in names {
                let key = name.lowercased()
                if let other = owners[key, default: []].first(where: { $0 != position }) {
                    clashes[position] = clash(at: index.mark(at: position), name: name,
                                              with: "la demande « \(index.id(at: other)) » (\(index.mark(at: other)))")
                    break
                }
                if let what = folded[key] {
                    clashes[position] = clash(at: index.mark(at: position), name: name, with: what)
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
                return Self.clash(at: document.mark, name: name, with: "la demande lue en \(first)")
            }
            if let what = reserved[name.lowercased()] { return Self.clash(at: document.mark, name: name, with: what) }
        }
        for name in names { claimed[name.lowercased()] = document.mark }
        return nil
    }

    private static func clash(at mark: SourceMark, name: String, with other: String) -> Diagnostic {
        Diagnostic("les fichiers de décision « \(name).md » et « \(name).json » seraient aussi ceux de \(other) : "
                   + "donnez à chaque demande un identifiant qui lui soit propre ; aucune décision n'est écrite pour ce document",
                   at: mark, path: "id")
    }
}
