// The C library, reached through one import: this module is the only one that names Glibc or
// Darwin, so that the rest of the package builds on either.
#if canImport(Glibc)
@_exported import Glibc
#elseif canImport(Musl)
@_exported import Musl
#elseif canImport(Darwin)
@_exported import Darwin
#endif

/// The system's reason for an error code, in French: the C library's own text is English
/// unless a French locale is installed and chosen, which a server seldom has. The codes a
/// file, a folder or a lock can meet are worded here; any other keeps the system's text.
public func systemReason(_ code: Int32) -> String {
    if let french = frenchReasons[code] { return french }
    guard let text = strerror(code) else { return "erreur système \(code)" }
    return "erreur système \(code) (« \(String(cString: text)) »)"
}

private let frenchReasons: [Int32: String] = [
    EPERM: "opération non permise",
    ENOENT: "fichier ou dossier introuvable",
    EIO: "erreur d'entrée-sortie (le disque ?)",
    EBADF: "descripteur de fichier invalide",
    EAGAIN: "ressource momentanément indisponible",
    ENOMEM: "mémoire insuffisante",
    EACCES: "permission refusée",
    EBUSY: "ressource occupée",
    EEXIST: "le fichier existe déjà",
    EXDEV: "déplacement impossible d'un système de fichiers à un autre",
    ENOTDIR: "un élément du chemin n'est pas un dossier",
    EISDIR: "c'est un dossier",
    EINVAL: "argument invalide",
    ENFILE: "trop de fichiers ouverts sur le système",
    EMFILE: "trop de fichiers ouverts par ce processus",
    ETXTBSY: "fichier en cours d'utilisation",
    EFBIG: "fichier trop gros",
    ENOSPC: "plus de place sur le disque",
    EROFS: "système de fichiers en lecture seule",
    EMLINK: "trop de liens",
    ENAMETOOLONG: "nom de fichier trop long",
    ENOTEMPTY: "le dossier n'est pas vide",
    ELOOP: "trop de liens symboliques (une boucle ?)",
    EDQUOT: "quota de disque dépassé",
]

/// Retries a system call interrupted by a signal (EINTR), as every caller of `open`,
/// `write` or `flock` must.
@inline(__always)
func retryingOnInterrupt<T: BinaryInteger>(_ call: () -> T) -> T {
    while true {
        let result = call()
        if result >= 0 || errno != EINTR { return result }
    }
}

/// `write(2)`, `open(2)` and `read(2)` under names no type's own method can shadow.
func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

func systemOpen(_ path: String, _ flags: Int32) -> Int32 {
    open(path, flags)
}

func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
