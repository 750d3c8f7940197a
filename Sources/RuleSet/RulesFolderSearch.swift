import Platform

/// Where the rules folder is, when a command is not told: the places looked at, in order, and
/// the first that holds a folder.
///
/// 1. `--rules DIR` (or `check DIR`), when given: that folder, and no other.
/// 2. The `GUICHET_RULES` environment variable, when set: that folder, and no other.
/// 3. `Rules/` in the current folder.
/// 4. The rules installed with the program: `<prefix>/share/guichet/Rules` for a program in
///    `<prefix>/bin`.
/// 5. The package's own `Rules/`, for a program built in a checkout (`swift run`,
///    `.build/debug/guichet`): the folder above the `.build` the program is in, when it holds
///    `Package.swift` and `Rules/`.
///
/// A folder named by the user that is not there is an error, never a reason to look elsewhere:
/// the decisions must apply the rules the user meant.
public struct RulesFolderSearch: Sendable {
    /// How the folder was found.
    public enum Origin: Sendable, Equatable {
        case option, environment, currentFolder, installed, package
    }

    /// A place looked at, how it came to be looked at, and whether a folder is there.
    public struct Place: Sendable, Equatable {
        public let path: String
        public let origin: Origin
        public let found: Bool
    }

    /// The folder found, if any.
    public let found: Place?
    /// Every place looked at, in order, the one found last.
    public let looked: [Place]

    /// Looks for the rules folder. `executable` is the program's own path, symbolic links
    /// resolved; `isFolder` is replaced in tests.
    public init(option: String?, environment: String?, executable: String?,
                isFolder: (String) -> Bool = RulesFolderSearch.isFolder) {
        var looked: [Place] = []
        func look(_ path: String, _ origin: Origin) -> Place? {
            let place = Place(path: path, origin: origin, found: isFolder(path))
            looked.append(place)
            return place.found ? place : nil
        }
        if let option {
            found = look(option, .option)
        } else if let environment, !environment.isEmpty {
            found = look(environment, .environment)
        } else {
            var result = look("Rules", .currentFolder)
            if result == nil, let executable {
                let folder = Self.parent(executable)
                result = look(Self.parent(folder) + "/share/guichet/Rules", .installed)
                if result == nil, let package = Self.package(containing: folder) { result = look(package + "/Rules", .package) }
            }
            found = result
        }
        self.looked = looked
    }

    /// The checkout a program built by SwiftPM is in: the parent of the nearest `.build` above
    /// it, when that parent holds `Package.swift`.
    static func package(containing folder: String) -> String? {
        var current = folder
        while current != "/" && !current.isEmpty && current != "." {
            let name = current.split(separator: "/").last.map(String.init) ?? ""
            let above = parent(current)
            if name == ".build" { return RegularFile.exists(above + "/Package.swift") ? above : nil }
            current = above
        }
        return nil
    }

    private static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Whether `path` is a folder (or a link to one).
    public static func isFolder(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// Where the search looked, in French: for the error when nothing was found, and for the
    /// errors about the rules found (`Rules (dossier courant)`).
    public var lookedDescription: String {
        looked.map { "\($0.path) (\($0.origin.french))\($0.found ? "" : " : absent")" }.joined(separator: " ; ")
    }

    /// Why no rules folder could be used, and what to do.
    public var failure: String {
        guard let first = looked.first else { return "aucun dossier de règles" }
        switch first.origin {
        case .option:
            return "le dossier de règles \(first.path) (donné à la commande) n'existe pas ou n'est pas un dossier : donnez le chemin d'un dossier de règles"
        case .environment:
            return "le dossier de règles \(first.path) (variable GUICHET_RULES) n'existe pas ou n'est pas un dossier : corrigez la variable, ou donnez --rules DOSSIER"
        default:
            return "aucun dossier de règles trouvé ; cherché : \(lookedDescription). Donnez --rules DOSSIER, ou la variable GUICHET_RULES"
        }
    }
}

extension RulesFolderSearch.Origin {
    /// How the place came to be looked at, in French.
    public var french: String {
        switch self {
        case .option: "donné à la commande"
        case .environment: "variable GUICHET_RULES"
        case .currentFolder: "dossier courant"
        case .installed: "règles installées avec guichet"
        case .package: "règles du dépôt où guichet a été compilé"
        }
    }
}
