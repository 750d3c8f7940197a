/// Files written only where no file is: an import never replaces an application file that an
/// instructor may have corrected by hand.
extension OwnerOnlyFile {
    /// Writes `text` as UTF-8 to `path`, owner-only, unless something is already there; returns
    /// false, writing nothing, when it is. The file appears whole or not at all.
    ///
    /// Written under a temporary name, then linked to its final name: `link(2)` fails when the
    /// name exists, where `rename(2)` would replace it, and a link planted at the final name is
    /// never followed.
    public static func writeNew(_ text: String, to path: String) throws(FileSystemError) -> Bool {
        let bytes = Array(text.utf8)
        let (descriptor, temporary) = try createTemporary(beside: path)
        let written = bytes.withUnsafeBytes { writeAll(descriptor, $0) }
        let code = errno
        close(descriptor)
        defer { unlink(temporary) }
        guard written else { throw .system(path, "écriture impossible", code) }
        guard link(temporary, path) == 0 else {
            if errno == EEXIST { return false }
            throw .system(path, "écriture impossible")
        }
        return true
    }
}

extension OutputFolder {
    /// Writes `text` to the file `name` of this folder unless one is already there; false when it is.
    public func writeNew(_ text: String, to name: String) throws(FileSystemError) -> Bool {
        try OwnerOnlyFile.writeNew(text, to: path(name))
    }
}
