import Platform
import YAMLReader

/// Reads the fields of one YAML mapping of a data file, collecting every problem with its place
/// and field path rather than stopping at the first.
struct MappingReader {
    let node: YAMLNode
    let path: String
    let problems: ProblemLog
    private let pairs: [YAMLPair]

    init?(_ node: YAMLNode, path: String, problems: ProblemLog, what: String) {
        guard let pairs = node.mapping else {
            problems.add("\(what) doit être \(YAMLNode.mappingName), pas \(node.kindName)", at: node.mark, path: path)
            return nil
        }
        self.node = node
        self.path = path
        self.problems = problems
        self.pairs = pairs
    }

    /// The field paths below this mapping: `rows[2]` + `budget` → `rows[2].budget`.
    func path(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func value(_ key: String) -> YAMLNode? {
        pairs.first { $0.key.scalar == key }?.value
    }

    /// The keys written, in order, with their values.
    var entries: [(key: String, value: YAMLNode, mark: SourceMark)] {
        pairs.compactMap { pair in pair.key.scalar.map { ($0, pair.value, pair.key.mark) } }
    }

    /// A text field; an error when it is required and missing, or not a simple value.
    func text(_ key: String, required: Bool = true) -> String? {
        guard let node = value(key), !node.isNull else {
            if required { problems.add("champ « \(key) » manquant", at: self.node.mark, path: path(key)) }
            return nil
        }
        guard let text = node.scalar else {
            problems.add("« \(key) » doit être \(YAMLNode.scalarName), pas \(node.kindName)", at: node.mark, path: path(key))
            return nil
        }
        return text
    }

    /// A line of the text: a positive whole number.
    func line(_ key: String = "line") -> Int? {
        guard let text = text(key) else { return nil }
        guard let line = Int(text), line > 0 else {
            problems.add("« \(text) » n'est pas un numéro de ligne du texte : écrivez un entier positif", at: value(key)!.mark, path: path(key))
            return nil
        }
        return line
    }

    /// A list of identifiers (`[etat, cd]`), empty when absent.
    func identifiers(_ key: String) -> [String] {
        guard let node = value(key) else { return [] }
        guard let items = node.sequence else {
            problems.add("« \(key) » doit être \(YAMLNode.sequenceName) d'identifiants, pas \(node.kindName)", at: node.mark, path: path(key))
            return []
        }
        return items.enumerated().compactMap { index, item in
            guard let text = item.scalar, !item.isNull else {
                problems.add("un identifiant est attendu", at: item.mark, path: "\(path(key))[\(index)]")
                return nil
            }
            return text
        }
    }

    /// Reports every key not among `allowed`, saying which are.
    func rejectUnknown(allowing allowed: Set<String>) {
        for (key, _, mark) in entries where !allowed.contains(key) {
            let list = allowed.sorted().joined(separator: ", ")
            problems.add("champ « \(key) » inconnu ; les champs possibles sont : \(list)", at: mark, path: path(key))
        }
    }
}

/// The problems of one data file, in the order found.
final class ProblemLog {
    private(set) var findings: [PlanFinding] = []

    func add(_ message: String, at mark: SourceMark, path: String?, textLine: Int? = nil) {
        findings.append(PlanFinding(.error, message, at: mark, path: path?.isEmpty == true ? nil : path, textLine: textLine))
    }
}
