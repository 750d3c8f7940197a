import SchemeLanguage
import YAMLReader

/// The schemes whose outcome others use (`outcome("fsl-acces")`), checked across the rules
/// folder: every name must be a scheme, and no scheme may depend on itself through others.
enum SchemeDependencies {
    /// The schemes that can be evaluated, and the diagnostics of those that cannot.
    static func validate(_ schemes: [String: Scheme]) -> (valid: [String: Scheme], failures: [(file: String, diagnostics: [Diagnostic])]) {
        var failures: [(file: String, diagnostics: [Diagnostic])] = []
        var valid = schemes
        for scheme in schemes.values.sorted(by: { $0.id < $1.id }) {
            var diagnostics: [Diagnostic] = []
            for reference in scheme.references where schemes[reference.id] == nil {
                let known = schemes.keys.sorted().joined(separator: ", ")
                let message = "outcome() nomme « \(reference.id) », qui n'est pas un dispositif du dossier de règles"
                    + Suggestion.question(for: reference.id, among: schemes.keys.sorted(), thenList: "les dispositifs sont : \(known)")
                diagnostics.append(Diagnostic(message, at: reference.mark))
            }
            if let cycle = cycle(from: scheme.id, in: schemes) {
                let mark = scheme.references.first?.mark ?? SourceMark(file: scheme.file, line: 1, column: 1)
                diagnostics.append(Diagnostic("les dispositifs dépendent de l'issue les uns des autres en cercle : \(cycle.joined(separator: " → ")) ; rompez le cercle", at: mark))
            }
            if !diagnostics.isEmpty {
                failures.append((scheme.file, diagnostics))
                valid[scheme.id] = nil
            }
        }
        // A scheme that depends on one that cannot be evaluated cannot be evaluated either.
        var changed = true
        while changed {
            changed = false
            for scheme in valid.values where scheme.references.contains(where: { valid[$0.id] == nil }) {
                let missing = scheme.references.first { valid[$0.id] == nil }!
                failures.append((scheme.file, [Diagnostic("ce dispositif lit l'issue de « \(missing.id) », qui contient des erreurs : corrigez-les d'abord", at: missing.mark)]))
                valid[scheme.id] = nil
                changed = true
            }
        }
        return (valid, failures)
    }

    /// The path back to `start`, when following references from it leads there again.
    private static func cycle(from start: String, in schemes: [String: Scheme]) -> [String]? {
        var path: [String] = [start]
        var visited: Set<String> = []
        func visit(_ id: String) -> Bool {
            for reference in schemes[id]?.references ?? [] {
                if reference.id == start {
                    path.append(start)
                    return true
                }
                guard visited.insert(reference.id).inserted else { continue }
                path.append(reference.id)
                if visit(reference.id) { return true }
                path.removeLast()
            }
            return false
        }
        return visit(start) ? path : nil
    }

    /// The schemes `id` depends on, directly or not, each after those it depends on.
    static func order(of id: String, in schemes: [String: Scheme]) -> [String] {
        var order: [String] = []
        func visit(_ current: String) {
            for reference in schemes[current]?.references ?? [] where !order.contains(reference.id) {
                visit(reference.id)
                if !order.contains(reference.id) { order.append(reference.id) }
            }
        }
        visit(id)
        return order
    }

    /// Every scheme of `ids`, each after those it depends on.
    static func order(_ ids: [String], in schemes: [String: Scheme]) -> [String] {
        var order: [String] = []
        for id in ids.sorted() {
            for dependency in Self.order(of: id, in: schemes) + [id] where !order.contains(dependency) {
                order.append(dependency)
            }
        }
        return order
    }
}
