import Foundation
import Platform
import SchemeLanguage
import YAMLReader

/// The schemes of a rules folder, by id, with the problems of those that failed to load.
public struct SchemeCatalog: Sendable {
    public let schemes: [String: Scheme]
    /// Files that could not be loaded, with their diagnostics; the other schemes still work.
    public let failures: [(file: String, diagnostics: [Diagnostic])]
    /// By family, the files of its schemes that could not be loaded: a household's file is
    /// not oriented within a family one of whose aids is missing. Files whose family cannot
    /// even be read are under the empty key: they may belong to any family.
    let brokenMembers: [String: [String]]
    /// The authorities and acts of the folder's `deliberations.yaml`, with the files of their
    /// texts (`QuoteCheck` reads them).
    public let deliberations: SharedDeliberations

    /// Loads every `*.yaml` and `*.yml` file directly in `directory` (subfolders such as
    /// `reforms/` hold other kinds of files): the schemes, with the authorities and acts of
    /// `deliberations.yaml` they cite, the mentions of `mentions.yaml`, and the test cases of
    /// `tests/<scheme-id>.yaml`.
    public static func load(directory: String) -> SchemeCatalog {
        var loaded: [String: Scheme] = [:]
        let (files, problems) = YAMLFiles.list(directory, recursive: false)
        var failures = problems.map { (file: $0.mark.file, diagnostics: [$0]) }
        let (deliberations, sharedFailures) = RulesFolderFiles.sharedDeliberations(among: files)
        failures += sharedFailures
        let (mentions, mentionFailures) = RulesFolderFiles.sharedMentions(among: files)
        failures += mentionFailures
        for file in files where !RulesFolderFiles.isShared(file) {
            switch SchemeLoader.load(path: file, deliberations: deliberations) {
            case .success(let scheme):
                if let existing = loaded[scheme.id] {
                    let mark = SourceMark(file: file, line: 1, column: 1)
                    failures.append((file, [Diagnostic("l'identifiant de dispositif « \(scheme.id) » est déjà celui de \(existing.file) : donnez à chaque dispositif le sien", at: mark, path: "id")]))
                } else {
                    loaded[scheme.id] = scheme
                }
            case .failure(let list):
                failures.append((file, list.diagnostics))
            }
        }
        let mentioned = RulesFolderFiles.attach(mentions, to: loaded, unloaded: failures.map(\.file))
        failures += mentioned.failures
        let tested = RulesFolderFiles.attachTests(to: mentioned.schemes, directory: directory, unloaded: failures.map(\.file))
        failures += tested.failures
        let checked = SchemeDependencies.validate(tested.schemes)
        var broken: [String: [String]] = [:]
        // A shared deliberations file or a test file is no scheme: what it breaks is counted below.
        for file in Set(failures.map(\.file)) where RulesFolderFiles.mayBeScheme(file, in: directory) {
            if let family = familyKey(of: file) { broken[family, default: []].append(file) }
        }
        // Schemes refused for their test files or for the outcomes they use.
        for scheme in loaded.values where checked.valid[scheme.id] == nil {
            if let family = scheme.family { broken[family, default: []].append(scheme.file) }
        }
        return SchemeCatalog(schemes: checked.valid, failures: failures + checked.failures,
                             brokenMembers: broken.mapValues { $0.sorted() }, deliberations: deliberations)
    }

    /// The family a scheme file that did not load belongs to: its `family:` when its YAML reads
    /// (nil when it has none); when even the YAML is broken, a `family:` line, or else "" —
    /// unknown, so it may belong to any family.
    private static func familyKey(of file: String) -> String? {
        if let document = try? YAMLDocumentReader.singleDocument(path: file) {
            return document.mapping?.first { $0.key.scalar == "family" }?.value.scalar
        }
        guard let bytes = try? RegularFile.read(file) else { return "" }
        let line = String(decoding: bytes, as: UTF8.self).split(separator: "\n").first { $0.hasPrefix("family:") }
        let value = line?.dropFirst("family:".count).split(separator: "#").first?
            .trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        return value?.isEmpty == false ? value : ""
    }

    /// The files of a family's schemes that could not be loaded, and those of unknown family.
    public func brokenMembers(of family: String) -> [String] {
        ((brokenMembers[family] ?? []) + (brokenMembers[""] ?? [])).sorted()
    }

    /// The schemes `id` uses the outcome of, each after those it depends on.
    public func dependencies(of id: String) -> [String] {
        SchemeDependencies.order(of: id, in: schemes)
    }

    /// The schemes of a family, each after those it depends on.
    public func family(_ name: String) -> [Scheme] {
        let members = schemes.values.filter { $0.family == name }.map(\.id)
        return SchemeDependencies.order(members, in: schemes).compactMap { schemes[$0] }
    }

    /// The families of the rules folder.
    public var families: [String] {
        Set(schemes.values.compactMap(\.family)).sorted()
    }

    public init(schemes: [String: Scheme], failures: [(file: String, diagnostics: [Diagnostic])] = [],
                brokenMembers: [String: [String]] = [:], deliberations: SharedDeliberations = .none) {
        self.schemes = schemes
        self.failures = failures
        self.brokenMembers = brokenMembers
        self.deliberations = deliberations
    }

    /// The schemes sorted by id, for stable listings.
    public var sorted: [Scheme] { schemes.keys.sorted().compactMap { schemes[$0] } }

    /// The catalogue with the deployment's values for the parameters the text leaves unset
    /// (`guichet.yaml`'s `parameters`, or a file given by `--parametres`), and the problems of
    /// those values, located where they are written.
    public func setting(_ settings: [ParameterSetting]) -> (catalog: SchemeCatalog, diagnostics: [Diagnostic]) {
        guard !settings.isEmpty else { return (self, []) }
        let (set, diagnostics) = ParameterSettings.apply(settings, to: schemes)
        return (SchemeCatalog(schemes: set, failures: failures, brokenMembers: brokenMembers, deliberations: deliberations), diagnostics)
    }
}

/// Finds YAML files: a file is taken as given, a folder is searched, in a stable order.
public enum YAMLFiles {
    /// The YAML files at `path` (the file itself, or those of a folder), and a located
    /// diagnostic for every path that could not be read: nothing is left out without a word.
    public static func list(_ path: String, recursive: Bool = true) -> (files: [String], problems: [Diagnostic]) {
        let listing = FileListing.yamlFiles(at: path, recursive: recursive)
        return (listing.files, listing.problems.map(Diagnostic.init))
    }
}

extension Diagnostic {
    /// A file that could not be read or listed, located at its first line.
    public init(_ error: FileSystemError) {
        self.init(error.reason, at: SourceMark(file: error.path, line: 1, column: 1))
    }
}
