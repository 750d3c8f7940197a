import CYAML

extension NodeBuilder {
    /// The prefix libyaml expands `!!` into; shown short again because that is how users write it.
    private static let coreTagPrefix = "tag:yaml.org,2002:"

    static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>) -> String {
        String(cString: pointer)
    }

    static func tagName(_ pointer: UnsafeMutablePointer<yaml_char_t>) -> String {
        let full = String(cString: pointer)
        guard full.hasPrefix(coreTagPrefix) else { return full }
        return "!!" + full.dropFirst(coreTagPrefix.count)
    }

    /// FNV-1a over the key's bytes: equal keys always have equal prints, and
    /// different keys almost never do, so text is compared only on a real suspect.
    static func fingerprint(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    static func fingerprint(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { fingerprint($0) }
    }

    /// Decides nullness on the raw bytes so no string is compared on the common path.
    static func isNullSpelling(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch bytes.count {
        case 0:
            return true
        case 1:
            return bytes[0] == UInt8(ascii: "~")
        case 4:
            let word = (UInt32(bytes[0]) << 24) | (UInt32(bytes[1]) << 16)
                | (UInt32(bytes[2]) << 8) | UInt32(bytes[3])
            return word == 0x6E75_6C6C || word == 0x4E75_6C6C || word == 0x4E55_4C4C  // null Null NULL
        default:
            return false
        }
    }

    static func nonScalarKeyError(_ kind: String, at mark: SourceMark) -> YAMLError {
        YAMLError(
            message: "une clé doit être une valeur simple, et c'est ici \(kind) : écrivez la clé comme un simple texte",
            mark: mark)
    }

    static func duplicateKeyError(_ key: String, first: SourceMark, at mark: SourceMark) -> YAMLError {
        YAMLError(
            message: "clé « \(shortened(key)) » en double (déjà ligne \(first.line), colonne \(first.column)) : "
                + "supprimez l'une des deux ou renommez-la",
            mark: mark)
    }

    /// Keeps messages readable when the offending text is a whole paragraph.
    static func shortened(_ text: String) -> String {
        text.count <= 60 ? text : text.prefix(57) + "…"
    }

    func unknownAliasError(_ name: String, at mark: SourceMark) -> YAMLError {
        if isOpenAnchor(name) {
            return YAMLError(
                message: "l'alias « *\(name) » renvoie à un nœud qui le contient : une structure récursive n'est pas admise",
                mark: mark)
        }
        return YAMLError(
            message: "alias « *\(name) » inconnu : définissez l'ancre « &\(name) » plus haut dans le même document",
            mark: mark)
    }
}
