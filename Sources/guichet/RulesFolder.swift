import ArgumentParser
import Foundation
import RuleSet
import SchemeLanguage

/// Finding the rules folder: the CLI reads the environment and its own path, `RulesFolderSearch`
/// (in RuleSet) decides.
enum RulesFolder {
    /// The search for a folder given (`--rules`, `check DIR`) or not.
    static func search(_ given: String?) -> RulesFolderSearch {
        RulesFolderSearch(option: given, environment: ProcessInfo.processInfo.environment["GUICHET_RULES"], executable: executable)
    }

    /// The rules folder, or an error saying where it was looked for; a folder found by the
    /// program's own place rather than by the user is named, so that the user knows whose rules apply.
    static func resolve(_ given: String?) throws -> String {
        let search = search(given)
        guard let found = search.found else {
            Console.say(.error, "\(search.failure)")
            throw ExitCode.failure
        }
        if found.origin == .installed || found.origin == .package {
            Console.say(.note, "règles lues dans \(found.path) (\(found.origin.french)) : aucun dossier Rules/ ici, ni --rules, ni GUICHET_RULES")
        }
        return found.path
    }

    /// The program's own file, links resolved: on Linux `/proc/self/exe`, elsewhere the path
    /// Foundation gives.
    static var executable: String? {
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return target }
        return Bundle.main.executableURL?.resolvingSymlinksInPath().path
    }
}

extension RulesOption {
    /// The rules folder, found or given; never the empty string.
    var rules: String { RulesFolder.search(explicitRules).found?.path ?? explicitRules ?? "Rules" }

    /// The rules folder, or an error that says where it was looked for (exit code 1).
    func folder() throws -> String { try RulesFolder.resolve(explicitRules) }
}

extension RulesOption {
    /// The scheme `id` of the catalog; when there is none, the rules' own errors (a file that
    /// did not load may be the one meant), then « dispositif « pdsi » inconnu dans Rules ;
    /// vouliez-vous dire « pdesi » ? … », and the command stops.
    func scheme(_ id: String, in catalog: SchemeCatalog) throws -> Scheme {
        if let scheme = catalog.schemes[id] { return scheme }
        Console.report(catalog)
        let known = catalog.schemes.keys.sorted()
        let list = "les dispositifs sont : \(known.isEmpty ? "aucun" : known.joined(separator: ", "))"
        Console.say(.error, "dispositif « \(id) » inconnu dans \(rules)" + Suggestion.question(for: id, among: known, thenList: list))
        throw ExitCode.failure
    }
}
