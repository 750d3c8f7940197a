/// Splits a multiple choice that an export wrote as one text, its labels joined by « , »
/// (démarches-simplifiées' CSV), when a label may itself hold a comma: the text is read as a
/// sequence of known labels, and refused when it reads in no way or in more than one.
enum LabelSplitter {
    enum Outcome: Equatable {
        case pieces([String])
        /// The first part that is no known label.
        case unknown(String)
        case ambiguous
    }

    static func split(_ text: String, words: [String]) -> Outcome {
        let characters = Array(text)
        let labels = Set(words).map(Array.init).filter { !$0.isEmpty }
        // readings[i]: the ways to read characters[i...] (at most 2 kept: one is enough, two is ambiguous).
        var readings = [[[String]]](repeating: [], count: characters.count + 1)
        readings[characters.count] = [[]]
        for start in stride(from: characters.count - 1, through: 0, by: -1) {
            for label in labels where characters[start...].starts(with: label) {
                let end = start + label.count
                guard let next = afterSeparator(characters, end) else { continue }
                for rest in readings[next] where readings[start].count < 2 {
                    readings[start].append([String(label)] + rest)
                }
            }
        }
        switch readings[0].count {
        case 1: return .pieces(readings[0][0])
        case 0: return .unknown(firstUnknown(text, words: Set(words)))
        default: return .ambiguous
        }
    }

    /// Where the next label starts after one ending at `end`: the end of the text, or after « , »
    /// and the spaces that follow; nil when something else follows.
    private static func afterSeparator(_ characters: [Character], _ end: Int) -> Int? {
        if end == characters.count { return end }
        guard characters[end] == "," else { return nil }
        var next = end + 1
        while next < characters.count, characters[next] == " " { next += 1 }
        return next < characters.count ? next : nil
    }

    /// The part to show in the error: the first piece between commas that is no label.
    private static func firstUnknown(_ text: String, words: Set<String>) -> String {
        let parts = text.split(separator: ",").map { String($0).trimmingSpaces }
        return parts.first { !words.contains($0) } ?? text
    }
}
