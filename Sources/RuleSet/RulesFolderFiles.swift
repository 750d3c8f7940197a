import Platform
import SchemeLanguage
import YAMLReader

/// The files of a rules folder besides its schemes: `deliberations.yaml`, the authorities and
/// acts the schemes cite by key, and `tests/<scheme-id>.yaml`, each scheme's test cases.
enum RulesFolderFiles {
    static let deliberations = "deliberations.yaml"
    static let mentions = "mentions.yaml"
    static let tests = "tests"

    static func isDeliberations(_ path: String) -> Bool {
        baseName(path) == deliberations
    }

    static func isMentions(_ path: String) -> Bool {
        baseName(path) == mentions
    }

    /// Whether a file of the folder is one of its shared files rather than a scheme.
    static func isShared(_ path: String) -> Bool { isDeliberations(path) || isMentions(path) }

    /// Whether a file of the folder may hold a scheme: not a shared file, not a test file.
    static func mayBeScheme(_ path: String, in directory: String) -> Bool {
        let folder = directory.hasSuffix("/") ? directory + tests : "\(directory)/\(tests)"
        return !isShared(path) && !path.hasPrefix(folder + "/")
    }

    /// The mentions of the folder (nil without the file, or when it has errors), and its errors.
    static func sharedMentions(among files: [String]) -> (Mentions?, [(file: String, diagnostics: [Diagnostic])]) {
        guard let path = files.first(where: isMentions) else { return (nil, []) }
        let loaded = MentionsLoader.load(path: path)
        return (loaded.mentions, loaded.diagnostics.isEmpty ? [] : [(path, loaded.diagnostics)])
    }

    /// Every scheme with the folder's mentions, and an error for each entry of `schemes:` that
    /// names no scheme of the folder (nor one that failed to load).
    static func attach(_ mentions: Mentions?, to schemes: [String: Scheme], unloaded: [String])
        -> (schemes: [String: Scheme], failures: [(file: String, diagnostics: [Diagnostic])]) {
        guard let mentions else { return (schemes, []) }
        let unloadedIDs = Set(unloaded.compactMap { declared("id", in: $0) })
        var problems: [Diagnostic] = []
        for (id, mark) in mentions.schemeMarks.sorted(by: { $0.key < $1.key })
        where schemes[id] == nil && !unloadedIDs.contains(id) {
            var message = "aucun dispositif n'a l'identifiant « \(id) »"
            if let question = Suggestion.question(for: id, among: schemes.keys.sorted()) { message += " ; " + question }
            problems.append(Diagnostic(message, at: mark, path: "schemes.\(id)"))
        }
        return (schemes.mapValues { $0.with(mentions: mentions) }, problems.isEmpty ? [] : [(mentions.file, problems)])
    }

    /// The shared entries of the folder (none without the file), and its errors.
    static func sharedDeliberations(among files: [String]) -> (SharedDeliberations, [(file: String, diagnostics: [Diagnostic])]) {
        guard let path = files.first(where: isDeliberations) else { return (.none, []) }
        let loaded = DeliberationsLoader.load(path: path)
        return (loaded.deliberations, loaded.diagnostics.isEmpty ? [] : [(path, loaded.diagnostics)])
    }

    /// The schemes with the cases of their test files. A scheme whose test file has errors is
    /// refused, as it was when its cases were written in its own file: `guichet check` fails
    /// and no decision rests on rules whose tests cannot be read.
    /// - Parameter unloaded: the files of the schemes that did not load, whose test files are
    ///   left unread rather than reported as naming no scheme.
    static func attachTests(to schemes: [String: Scheme], directory: String, unloaded: [String])
        -> (schemes: [String: Scheme], failures: [(file: String, diagnostics: [Diagnostic])]) {
        let folder = directory.hasSuffix("/") ? directory + tests : "\(directory)/\(tests)"
        let listing = FileListing.yamlFiles(inOptionalFolder: folder)
        var failures = listing.problems.map { (file: $0.path, diagnostics: [Diagnostic($0)]) }
        var result = schemes
        let unloadedIDs = Set(unloaded.compactMap { declared("id", in: $0) })
        for file in listing.files {
            let id = stem(file)
            guard let scheme = schemes[id] else {
                if !unloadedIDs.contains(id) { failures.append((file, [noScheme(id, file: file, among: schemes.keys.sorted())])) }
                continue
            }
            if let inline = scheme.tests.first {
                let message = "le dispositif « \(id) » a déjà des cas de test dans son propre fichier (\(inline.mark)) : gardez-les en un seul endroit, ce fichier-ci"
                failures.append((file, [Diagnostic(message, at: SourceMark(file: file, line: 1, column: 1))]))
                result[id] = nil
                continue
            }
            switch SchemeTestLoader.load(path: file, scheme: scheme) {
            case .success(let cases): result[id] = scheme.with(tests: cases)
            case .failure(let list):
                failures.append((file, list.diagnostics))
                result[id] = nil
            }
        }
        return (result, failures)
    }

    private static func noScheme(_ id: String, file: String, among known: [String]) -> Diagnostic {
        var message = "aucun dispositif n'a l'identifiant « \(id) » : un fichier de test porte l'identifiant du dispositif qu'il teste"
        if let question = Suggestion.question(for: id, among: known) { message += " ; " + question }
        else { message += " ; les dispositifs sont : \(known.isEmpty ? "aucun" : known.joined(separator: ", "))" }
        return Diagnostic(message, at: SourceMark(file: file, line: 1, column: 1))
    }

    /// A top-level field of a scheme file, read from its YAML alone when the scheme does not load.
    static func declared(_ field: String, in file: String) -> String? {
        guard let document = try? YAMLDocumentReader.singleDocument(path: file) else { return nil }
        return document.mapping?.first { $0.key.scalar == field }?.value.scalar
    }

    private static func baseName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// `tests/pdesi.yaml` tests the scheme `pdesi`.
    private static func stem(_ path: String) -> String {
        let name = baseName(path)
        for suffix in [".yaml", ".yml"] where name.hasSuffix(suffix) { return String(name.dropLast(suffix.count)) }
        return name
    }
}
