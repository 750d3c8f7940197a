import Foundation
import SchemeLanguage
import YAMLReader

/// The schemes of a rules folder, by id, with the problems of those that failed to load.
public struct SchemeCatalog: Sendable {
    public let schemes: [String: Scheme]
    /// Files that could not be loaded, with their diagnostics; the other schemes still work.
    public let failures: [(file: String, diagnostics: [Diagnostic])]

    /// Loads every `*.yaml` and `*.yml` file directly in `directory` (subfolders such as
    /// `reforms/` hold other kinds of files).
    public static func load(directory: String) -> SchemeCatalog {
        var schemes: [String: Scheme] = [:]
        var failures: [(file: String, diagnostics: [Diagnostic])] = []
        let files: [String]
        switch YAMLFiles.list(directory, recursive: false) {
        case .success(let found): files = found
        case .failure(let diagnostic): return SchemeCatalog(schemes: [:], failures: [(directory, [diagnostic])])
        }
        for file in files {
            switch SchemeLoader.load(path: file) {
            case .success(let scheme):
                if let existing = schemes[scheme.id] {
                    let mark = SourceMark(file: file, line: 1, column: 1)
                    failures.append((file, [Diagnostic("scheme id '\(scheme.id)' is already used by \(existing.file)", at: mark, path: "id")]))
                } else {
                    schemes[scheme.id] = scheme
                }
            case .failure(let list):
                failures.append((file, list.diagnostics))
            }
        }
        let checked = SchemeDependencies.validate(schemes)
        return SchemeCatalog(schemes: checked.valid, failures: failures + checked.failures)
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

    public init(schemes: [String: Scheme], failures: [(file: String, diagnostics: [Diagnostic])] = []) {
        self.schemes = schemes
        self.failures = failures
    }

    /// The schemes sorted by id, for stable listings.
    public var sorted: [Scheme] { schemes.keys.sorted().compactMap { schemes[$0] } }
}

/// Finds YAML files: a file is taken as given, a folder is searched, in a stable order.
public enum YAMLFiles {
    public static func list(_ path: String, recursive: Bool = true) -> Result<[String], Diagnostic> {
        var isDirectory: ObjCBool = false
        let mark = SourceMark(file: path, line: 1, column: 1)
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(Diagnostic("no such file or folder", at: mark))
        }
        guard isDirectory.boolValue else { return .success([path]) }
        let base = path.hasSuffix("/") ? String(path.dropLast()) : path
        let names: [String]
        do {
            names = recursive
                ? (FileManager.default.enumerator(atPath: base)?.allObjects as? [String] ?? [])
                : try FileManager.default.contentsOfDirectory(atPath: base)
        } catch {
            return .failure(Diagnostic("cannot list the folder: \(error.localizedDescription)", at: mark))
        }
        // Byte order of the paths, never the file system's order, so every run sees the same sequence.
        let files = names
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .map { "\(base)/\($0)" }
            .filter { isRegularFile($0) }
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        return .success(files)
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }
}
