/// The YAML files found at a path given by the user, and every path that could not be read.
///
/// Nothing is skipped without a word: a broken or looping link, a folder that cannot be
/// opened, a named pipe or a device where a file is expected are each reported, so that a
/// batch never silently leaves out an application. Only regular files are listed, so that
/// reading never blocks on a pipe. Hidden files are read like the others; only Guichet's own
/// lock and temporary files and version-control folders (`.git`…) are not looked at.
public struct FileListing: Sendable {
    /// Regular files, in byte order of their paths, so that every run sees the same sequence.
    public private(set) var files: [String] = []
    public private(set) var problems: [FileSystemError] = []

    /// Lists `path`: the file itself, or the `*.yaml` and `*.yml` files of the folder (and of
    /// its subfolders when `recursive`).
    public static func yamlFiles(at path: String, recursive: Bool = true) -> FileListing {
        var listing = FileListing()
        switch FileKind.of(path) {
        case .regular: listing.files = [path]
        case .folder(let identity): listing.walk(path, recursive: recursive, visited: [identity])
        case .other(let what): listing.report(path, "\(what) : donnez un fichier YAML ou un dossier")
        case .unreadable(let reason): listing.report(path, reason)
        }
        if listing.files.isEmpty && listing.problems.isEmpty {
            listing.report(path, "aucun fichier YAML (*.yaml, *.yml) dans ce dossier")
        }
        listing.files.sort { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        return listing
    }

    /// The `*.yaml` and `*.yml` files directly in a folder that may be absent, such as a rules
    /// folder's `tests/`: none when it is absent or empty. A path that is there but is no
    /// readable folder is reported.
    public static func yamlFiles(inOptionalFolder path: String) -> FileListing {
        var listing = FileListing()
        var status = stat()
        if lstat(path, &status) != 0, errno == ENOENT { return listing }
        switch FileKind.of(path) {
        case .folder(let identity): listing.walk(path, recursive: false, visited: [identity])
        case .regular, .other: listing.report(path, "un dossier est attendu à cet emplacement")
        case .unreadable(let reason): listing.report(path, reason)
        }
        listing.files.sort { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        return listing
    }

    private mutating func walk(_ folder: String, recursive: Bool, visited: Set<FileKind.Identity>) {
        let names: [String]
        switch Self.names(in: folder) {
        case .success(let found): names = found
        case .failure(let problem): problems.append(problem); return
        }
        for name in names where !Self.isOwnOrVersionControl(name) {
            let path = TemporaryName.join(folder, name)
            let isYAML = name.hasSuffix(".yaml") || name.hasSuffix(".yml")
            switch FileKind.of(path) {
            case .regular where isYAML: files.append(path)
            case .regular: continue
            case .folder(let identity) where recursive:
                guard !visited.contains(identity) else {
                    report(path, "lien vers un dossier déjà parcouru (boucle) : supprimez ce lien")
                    continue
                }
                walk(path, recursive: true, visited: visited.union([identity]))
            case .folder: continue
            case .other(let what) where isYAML: report(path, "\(what) : seuls les fichiers ordinaires sont lus")
            case .other: continue
            case .unreadable(let reason): report(path, reason)
            }
        }
    }

    private static func isOwnOrVersionControl(_ name: String) -> Bool {
        name == OutputFolder.lockName || name.hasPrefix(TemporaryName.prefix) || [".git", ".svn", ".hg"].contains(name)
    }

    private mutating func report(_ path: String, _ reason: String) {
        problems.append(FileSystemError(path: path, reason: reason))
    }

    /// The names in a folder, `.` and `..` left out.
    static func names(in folder: String) -> Result<[String], FileSystemError> {
        guard let stream = opendir(folder) else {
            return .failure(.system(folder, "lecture du dossier impossible"))
        }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        return .success(names)
    }
}

/// What a path is, links followed.
enum FileKind {
    /// A folder's device and inode, to notice a link that leads back to a folder being walked.
    struct Identity: Hashable, Sendable {
        let device: UInt64
        let inode: UInt64
    }

    case regular
    case folder(Identity)
    /// A pipe, a socket or a device, named for the message.
    case other(String)
    case unreadable(String)

    static func of(_ path: String) -> FileKind {
        var status = stat()
        guard stat(path, &status) == 0 else {
            let code = errno
            var link = stat()
            if lstat(path, &link) == 0, (link.st_mode & S_IFMT) == S_IFLNK {
                return .unreadable(code == ELOOP ? "lien qui boucle sur lui-même : supprimez-le ou corrigez-le"
                                                 : "lien vers un fichier absent (\(systemReason(code))) : supprimez-le ou corrigez-le")
            }
            return .unreadable(code == ENOENT ? "fichier ou dossier introuvable : vérifiez le chemin" : systemReason(code))
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .folder(Identity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino)))
        case S_IFIFO: return .other("tube nommé (FIFO)")
        case S_IFSOCK: return .other("socket")
        default: return .other("fichier spécial (périphérique)")
        }
    }
}
