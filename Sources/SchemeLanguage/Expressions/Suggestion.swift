/// "Did you mean…?" for misspelt names, by edit distance.
public enum Suggestion {
    /// The candidate nearest to `name`, if one is near enough to be a likely typo.
    public static func closest(to name: String, among candidates: [String]) -> String? {
        // Names are short: a long text is no typo of one, and comparing it would cost its
        // length times each candidate's (a megabyte pasted into a field took seconds).
        guard name.utf8.count <= maximumLength else { return nil }
        let target = Array(name.lowercased())
        let tolerance = max(2, target.count / 4)
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let other = Array(candidate.lowercased())
            // The distance is at least the difference in length: no need to compute it then.
            guard abs(other.count - target.count) <= tolerance else { continue }
            let distance = editDistance(target, other)
            if distance <= tolerance, distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    /// « vouliez-vous dire « x » ? » for the candidate nearest to `name`, or nil when none is
    /// near enough: the one wording of a suggestion in every message.
    public static func question(for name: String, among candidates: [String]) -> String? {
        closest(to: name, among: candidates).map { "vouliez-vous dire « \($0) » ?" }
    }

    /// « ; vouliez-vous dire « x » ? Les dispositifs sont : a, b », or « ; les dispositifs sont :
    /// a, b » when no candidate is near: a suggestion, then the whole list. `list` is written as
    /// it reads after a semicolon (« les dispositifs sont : a, b »).
    public static func question(for name: String, among candidates: [String], thenList list: String) -> String {
        guard let question = question(for: name, among: candidates) else { return " ; " + list }
        return " ; \(question) \(list.prefix(1).uppercased())\(list.dropFirst())"
    }

    /// The longest name a suggestion is looked for: identifiers are at most 200 characters.
    static let maximumLength = 256

    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
