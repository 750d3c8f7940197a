import YAMLReader
/// Fact names as a tree of their dotted parts: `projet.depense_eligible_ht` is found under
/// `projet` then `depense_eligible_ht`, and also directly as `projet.depense_eligible_ht`.
/// Built once per scheme; a group is a class only so that building can extend it in place.
struct FactTree {
    final class Group {
        /// A short list, searched by length first then text: faster than hashing every key.
        /// Unchecked exclusivity: the tree is only changed while `FactTree.init` builds it (`add`
        /// is this file's alone), and
        /// only read afterwards, so the dynamic check on every lookup (one per fact read) guards nothing.
        @exclusivity(unchecked) private(set) var entries: [(key: String, entry: Entry)] = []

        func entry(_ key: String) -> Entry? {
            let length = key.utf8.count
            for candidate in entries where candidate.key.utf8.count == length && candidate.key == key {
                return candidate.entry
            }
            return nil
        }

        fileprivate func add(_ key: String, _ entry: Entry) {
            if let index = entries.firstIndex(where: { $0.key == key }) {
                // A group wins over an input of the same name only while building nested groups.
                if case .group = entry { entries[index].entry = entry }
                return
            }
            entries.append((key, entry))
        }
    }

    enum Entry {
        case input(Int)
        case group(Group)
    }

    let root = Group()

    init(_ ids: [String]) {
        for (index, id) in ids.enumerated() {
            let parts = id.split(separator: ".").map(String.init)
            var group = root
            for depth in parts.indices {
                // The rest of the name from here, so flat, nested and partly flat facts all resolve.
                let rest = parts[depth...].joined(separator: ".")
                group.add(rest, .input(index))
                guard depth < parts.count - 1 else { break }
                group = FactTree.child(of: group, named: parts[depth])
            }
        }
    }

    private static func child(of group: Group, named part: String) -> Group {
        if case .group(let existing)? = group.entry(part) { return existing }
        let created = Group()
        group.add(part, .group(created))
        return created
    }

    static func join(_ prefix: String, _ key: String) -> String {
        prefix.isEmpty ? key : "\(prefix).\(key)"
    }
}

/// The facts of an application as they are decoded: one value each, or one per month.
struct FactValues {
    var values: [Value?]
    var monthly: [Int: [LocalDate: Value]] = [:]
    /// Where each fact is written, so that an evaluation can blame the value it could not use.
    var marks: [SourceMark?]
    var monthMarks: [Int: [LocalDate: SourceMark]] = [:]
    var taxInclusive: [Int: Application.TaxInclusive] = [:]
    var clarifications: [Int: String] = [:]

    init(count: Int) {
        values = Array(repeating: nil, count: count)
        marks = Array(repeating: nil, count: count)
    }
}

/// What the other schemes evaluated on the same document may find in it.
struct Companions {
    let facts: FactTree
    let inputs: Set<String>
    let pieces: Set<String>
    let manualCriteria: Set<String>
    let references: Set<String>

    init(_ schemes: [Scheme]) {
        let inputIDs = schemes.flatMap { $0.inputs.map(\.id) }
        facts = FactTree(inputIDs)
        inputs = Set(inputIDs)
        pieces = Set(schemes.flatMap { $0.pieces.map(\.id) })
        manualCriteria = Set(schemes.flatMap { $0.criteria.filter(\.takesFindings).map(\.id) })
        references = Set(schemes.flatMap { $0.references.map(\.id) })
    }
}
