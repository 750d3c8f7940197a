import Platform
import SchemeLanguage
import YAMLReader

/// `guichet check`'s reading of every source against the text it cites: the lines must exist,
/// and a `quote` must be the words of those lines.
///
/// A quote may differ from the lines only in their layout: runs of spaces and line breaks, a
/// word cut at the end of a line (`trans-` / `mis`), a list's dash or bullet at the start of a
/// line, typographic apostrophes and quotation marks (’ and ', “ and "), « … » and « ... ».
/// « […] » marks a cut: the fragments between cuts appear in the cited lines in their order.
/// Anything else is not the text, and is reported at the quote with the nearest text of the
/// lines; a paraphrase belongs in `summary`, which is not checked.
public enum QuoteCheck {
    /// The most lines one source may cite: a passage, not a document. It also bounds the work.
    static let maximumLines = 200
    /// The longest quote, in characters.
    static let maximumQuote = 5_000

    /// The problems of the folder, by file: the texts `deliberations.yaml` names that cannot be
    /// read (at its `text:`), then each scheme's sources.
    public static func problems(in catalog: SchemeCatalog) -> [(file: String, diagnostics: [Diagnostic])] {
        let shared = catalog.deliberations
        var texts: [String: SourceText] = [:]
        var unreadable: [Diagnostic] = []
        for key in shared.acts.keys.sorted() {
            guard let act = shared.acts[key], let path = act.text, texts[path] == nil else { continue }
            switch SourceText.read(path) {
            case .success(let text): texts[path] = text
            case .failure(let error):
                texts[path] = SourceText(path: path, lines: [], readable: false)
                let mark = act.textMark ?? SourceMark(file: shared.file, line: 1, column: 1)
                unreadable.append(Diagnostic("le texte \(path) ne peut être lu (\(error.reason)) : placez-y le texte des délibérations, "
                                             + "ou corrigez le chemin, relatif au dossier de \(baseName(shared.file))",
                                             at: mark, path: "acts.\(key).text"))
            }
        }
        var result: [(file: String, diagnostics: [Diagnostic])] = unreadable.isEmpty ? [] : [(shared.file, unreadable)]
        for scheme in catalog.sorted {
            let diagnostics = scheme.sources.flatMap { check($0, acts: shared.acts, texts: texts) }
            if !diagnostics.isEmpty { result.append((scheme.file, diagnostics)) }
        }
        return result
    }

    /// One source: nothing to check for a title written out (no `deliberations.yaml`), nor
    /// for an act whose text is unreadable (reported once, at its `text:`).
    static func check(_ source: SourceReference, acts: [String: Act], texts: [String: SourceText]) -> [Diagnostic] {
        guard let key = source.act, let act = acts[key] else { return [] }
        let path = "sources.\(source.id)"
        guard let file = act.text, let text = texts[file] else {
            guard let quote = source.quoteMark else { return [] }
            return [Diagnostic("la citation ne peut être vérifiée : l'acte « \(key) » ne dit pas dans quel fichier lire son texte ; "
                               + "ajoutez-lui text: sources/….txt dans deliberations.yaml", at: quote, path: "\(path).quote")]
        }
        guard text.readable else { return [] }
        guard let written = source.lines, let linesMark = source.linesMark else {
            guard let quote = source.quoteMark else { return [] }
            return [Diagnostic("citez les lignes du texte (lines: 5159-5165) : la citation est vérifiée contre elles", at: quote, path: "\(path).quote")]
        }
        let ranges: [ClosedRange<Int>]
        switch CitedLines.read(written, count: text.lines.count, file: file) {
        case .success(let read): ranges = read
        case .failure(let problem): return [Diagnostic(problem.message, at: linesMark, path: "\(path).lines")]
        }
        guard let quote = source.quote, let quoteMark = source.quoteMark else { return [] }
        let passage = Passage(ranges.map { range in range.map { (number: $0, text: text.lines[$0 - 1]) } })
        guard let problem = passage.problem(quoting: quote, lines: written, file: file) else { return [] }
        return [Diagnostic(problem, at: quoteMark, path: "\(path).quote")]
    }

    private static func baseName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}

/// A text file whose lines sources cite, numbered from 1.
struct SourceText {
    let path: String
    let lines: [Substring]
    /// False when the file could not be read: it was reported once, and its citations are not checked.
    var readable = true

    static func read(_ path: String) -> Result<SourceText, FileSystemError> {
        do {
            let bytes = try RegularFile.read(path)
            let whole = String(decoding: bytes, as: UTF8.self)
            let lines = whole.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.hasSuffix("\r") ? line.dropLast() : line
            }
            return .success(SourceText(path: path, lines: lines))
        } catch {
            return .failure(error)
        }
    }
}

/// A source's `lines`: `5159-5165`, `"5176"`, or several ranges in order (`2609-2611, 2679-2690`).
enum CitedLines {
    struct Problem: Error {
        let message: String
    }

    static func read(_ written: String, count: Int, file: String) -> Result<[ClosedRange<Int>], Problem> {
        var ranges: [ClosedRange<Int>] = []
        for part in written.split(separator: ",", omittingEmptySubsequences: false) {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false).map { $0.trimmingSpaces }
            guard (1...2).contains(bounds.count), let first = number(bounds[0]), let last = number(bounds.last!), first <= last,
                  ranges.last.map({ $0.upperBound < first }) ?? true else {
                return .failure(Problem(message: "écrivez les lignes citées de la première à la dernière, par exemple 5159-5165, "
                                        + "\"5176\" ou 2609-2611, 2679-2690 (plusieurs passages dans l'ordre du texte) ; "
                                        + "trouvé \(ScalarParsing.quoted(written))"))
            }
            guard last <= count else {
                return .failure(Problem(message: "la ligne \(last) n'existe pas : \(file) a \(FrenchFormat.count(count)) lignes"))
            }
            ranges.append(first...last)
        }
        let total = ranges.reduce(0) { $0 + $1.count }
        guard total <= QuoteCheck.maximumLines else {
            return .failure(Problem(message: "un passage cité tient en \(QuoteCheck.maximumLines) lignes au plus (ici \(FrenchFormat.count(total))) : "
                                    + "citez les lignes du passage appliqué"))
        }
        return .success(ranges)
    }

    private static func number(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 9, text.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(text), value >= 1 else { return nil }
        return value
    }
}

private extension Substring {
    var trimmingSpaces: Substring {
        var text = self
        while text.first?.isWhitespace == true { text = text.dropFirst() }
        while text.last?.isWhitespace == true { text = text.dropLast() }
        return text
    }
}

/// The cited lines as a quote is compared with them: one character after another, with what
/// a quote may leave out marked as such.
struct Passage {
    enum Unit: Equatable {
        case character(Character)
        /// A run of spaces or line breaks.
        case space
        /// The hyphen of a word cut at the end of a line: a quote keeps it or not.
        case hyphen
        /// A list's dash or bullet (or a symbol font's bullet): a quote writes one or leaves it out.
        case bullet
        /// Between two ranges of lines: no fragment of a quote runs across it.
        case gap
    }

    private(set) var units: [Unit] = []
    /// The line each unit comes from.
    private(set) var lineNumbers: [Int] = []

    /// Characters a quote may write for a list's bullet.
    static let bullets: Set<Character> = ["-", "–", "—", "•", "▪", "◦", "·"]

    init(_ ranges: [[(number: Int, text: Substring)]]) {
        for (index, range) in ranges.enumerated() {
            if index > 0 { append(.gap, line: range.first?.number ?? 0) }
            let lines = range.map { (number: $0.number, characters: Self.normalized($0.text)) }.filter { !$0.characters.isEmpty }
            for (position, line) in lines.enumerated() {
                var characters = line.characters[...]
                if let first = characters.first, Self.bullets.contains(first) || Self.isSymbolFont(first),
                   characters.count == 1 || characters.dropFirst().first == " " {
                    append(.bullet, line: line.number)
                    characters = characters.dropFirst().drop { $0 == " " }
                }
                // A word cut at the end of the line, when the next line goes on with a letter.
                let next = position + 1 < lines.count ? lines[position + 1].characters.first : nil
                let cut = characters.count >= 2 && characters.last == "-" && characters.dropLast().last!.isLetter
                    && next.map { $0.isLetter && !Self.isSymbolFont($0) } == true
                if cut { characters = characters.dropLast() }
                for character in characters {
                    if character == " " {
                        if let last = units.last, last != .space, last != .bullet, last != .gap { append(.space, line: line.number) }
                    } else if Self.isSymbolFont(character) {
                        if units.last == .space { units.removeLast(); lineNumbers.removeLast() }
                        append(.space, line: line.number)
                        append(.bullet, line: line.number)
                    } else {
                        append(.character(character), line: line.number)
                    }
                }
                if cut {
                    append(.hyphen, line: line.number)
                } else if let last = units.last, last != .space, last != .bullet {
                    append(.space, line: line.number)
                }
            }
        }
    }

    private mutating func append(_ unit: Unit, line: Int) {
        units.append(unit)
        lineNumbers.append(line)
    }

    /// A line as compared: typographic apostrophes and quotation marks made plain, « … » made
    /// « ... », every space (no-break, thin, tab) made one space, invisible characters dropped,
    /// spaces at both ends trimmed.
    static func normalized(_ text: some StringProtocol) -> [Character] {
        var result: [Character] = []
        for character in text {
            switch character {
            case "\u{2019}", "\u{2018}", "\u{02BC}", "\u{2032}": result.append("'")
            case "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{2033}": result.append("\"")
            case "\u{2026}": result += [".", ".", "."]
            case "\u{2010}", "\u{2011}": result.append("-")
            case "\u{00AD}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{FEFF}": continue
            default:
                if character.isWhitespace {
                    if result.last != " " { result.append(" ") }
                } else {
                    result.append(character)
                }
            }
        }
        while result.first == " " { result.removeFirst() }
        while result.last == " " { result.removeLast() }
        return result
    }

    /// The private use area, where text extracted from a PDF puts a symbol font's bullets.
    static func isSymbolFont(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        return (0xE000...0xF8FF).contains(scalar.value)
    }

    /// A quote's fragments between its cuts (« […] »), normalized as the lines are.
    static func fragments(of quote: String) -> [[Character]] {
        let characters = normalized(quote)
        var fragments: [[Character]] = []
        var current: [Character] = []
        var index = 0
        let cut: [Character] = ["[", ".", ".", ".", "]"]
        while index < characters.count {
            if characters[index] == "[", index + cut.count <= characters.count, Array(characters[index..<(index + cut.count)]) == cut {
                fragments.append(current)
                current = []
                index += cut.count
            } else {
                current.append(characters[index])
                index += 1
            }
        }
        fragments.append(current)
        return fragments.map { normalized(String($0)) }.filter { !$0.isEmpty }
    }

    /// How a fragment matches from one unit: where it ends when whole, else how many of its
    /// characters matched and the unit where it stopped.
    private func match(_ fragment: [Character], from start: Int) -> (end: Int?, matched: Int, stop: Int) {
        var unit = start, index = 0
        while index < fragment.count {
            guard unit < units.count else { return (nil, index, unit) }
            switch units[unit] {
            case .character(let character):
                guard character == fragment[index] else { return (nil, index, unit) }
                index += 1
            case .space:
                guard fragment[index] == " " else { return (nil, index, unit) }
                index += 1
            case .hyphen:
                if fragment[index] == "-" { index += 1 }
            case .bullet:
                if Self.bullets.contains(fragment[index]) || Self.isSymbolFont(fragment[index]) {
                    index += 1
                    if index < fragment.count, fragment[index] == " " { index += 1 }
                }
            case .gap:
                return (nil, index, unit)
            }
            unit += 1
        }
        return (unit, index, unit)
    }

    /// Where a fragment first matches at or after `cursor`, or the longest start of it that does.
    private func find(_ fragment: [Character], from cursor: Int) -> (end: Int?, matched: Int, stop: Int) {
        var best = (end: Int?.none, matched: 0, stop: cursor)
        var start = cursor
        while start < units.count {
            let attempt = match(fragment, from: start)
            if attempt.end != nil { return attempt }
            if attempt.matched > best.matched { best = attempt }
            start += 1
        }
        return best
    }

    /// Why `quote` is not the text of these lines, in French with the nearest text; nil when it is.
    func problem(quoting quote: String, lines written: String, file: String) -> String? {
        let fragments = Self.fragments(of: quote)
        let advice = "Recopiez le texte mot pour mot (« […] » marque une coupure), ou mettez la paraphrase dans summary"
        guard !fragments.isEmpty else { return "la citation est vide : écrivez les mots du texte, ou remplacez quote par summary" }
        let length = fragments.reduce(0) { $0 + $1.count }
        guard length <= QuoteCheck.maximumQuote else {
            return "une citation tient en \(FrenchFormat.count(QuoteCheck.maximumQuote)) caractères au plus (ici \(FrenchFormat.count(length))) : citez le passage appliqué, ou coupez-le avec « […] »"
        }
        let place = (written.contains("-") || written.contains(",") ? "des lignes " : "de la ligne ") + "\(written) de \(file)"
        var cursor = 0
        for (number, fragment) in fragments.enumerated() {
            let found = find(fragment, from: cursor)
            if let end = found.end {
                cursor = end
                continue
            }
            if number > 0, find(fragment, from: 0).end != nil {
                return "les passages de la citation séparés par « […] » ne se suivent pas dans cet ordre dans le texte \(place) : "
                    + "« \(Self.excerpt(fragment, from: 0)) » y vient avant le passage qui le précède dans la citation"
            }
            if found.matched < min(8, fragment.count) {
                let shown = text(from: cursor).map { "« \($0) » (ligne \(lineNumbers[cursor]))" } ?? "rien de plus"
                return "la citation n'est pas le texte \(place) : on n'y trouve pas « \(Self.excerpt(fragment, from: 0)) » ; "
                    + "\(number == 0 ? "le texte cité commence par" : "après le passage précédent, le texte cité porte") \(shown). \(advice)"
            }
            let before = String(fragment[..<found.matched].suffix(40)).trimmingCharacters(in: " ")
            let rest = "« \(Self.excerpt(fragment, from: found.matched)) »"
            guard let continuation = text(from: found.stop) else {
                return "la citation dépasse le texte \(place) : après « …\(before) », les lignes citées s'arrêtent "
                    + "(ligne \(lineNumbers.last ?? 0)) et la citation continue par \(rest). Citez les lignes jusqu'à la fin du passage, "
                    + "ou \(advice.prefix(1).lowercased() + advice.dropFirst())"
            }
            return "la citation s'écarte du texte \(place) : après « …\(before) », le texte porte « \(continuation) » "
                + "(ligne \(lineNumbers[found.stop])) et la citation \(rest). \(advice)"
        }
        return nil
    }

    /// About fifty characters of the lines from a unit, as a quote would write them; nil when
    /// nothing but spaces is left.
    private func text(from start: Int) -> String? {
        var shown = ""
        var unit = start
        while unit < units.count, shown.count < 50 {
            switch units[unit] {
            case .character(let character): shown.append(character)
            case .space: shown.append(" ")
            case .hyphen: shown.append("-")
            case .bullet: shown.append("•")
            case .gap: shown.append(" […] ")
            }
            unit += 1
        }
        let trimmed = shown.trimmingCharacters(in: " ")
        guard !trimmed.isEmpty else { return nil }
        return unit < units.count ? trimmed + "…" : trimmed
    }

    private static func excerpt(_ fragment: [Character], from start: Int) -> String {
        let rest = fragment[start...].drop { $0 == " " }
        let shown = String(rest.prefix(50))
        return rest.count > 50 ? shown + "…" : shown
    }
}

private extension String {
    func trimmingCharacters(in character: Character) -> String {
        var text = Substring(self)
        while text.first == character { text = text.dropFirst() }
        while text.last == character { text = text.dropLast() }
        return String(text)
    }
}
