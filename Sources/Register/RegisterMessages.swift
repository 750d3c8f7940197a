import Foundation
import GRDB
import Platform
import SchemeLanguage

/// What the register tells its user when it cannot do its work: what failed, where, and what to do.
extension RegisterError {
    /// `query`: for a query, which needs the key only to find a person by identifier.
    static func missingKey(_ keyPath: String, register: String, decisions: Int, query: Bool = false) -> RegisterError {
        var text = "la clé de pseudonymisation \(keyPath) est introuvable, alors que le registre \(register) "
        text += decisions == 0 ? "a été créé avec elle. " : "en dépend (\(FrenchFormat.count(decisions, "décision")) \(FrenchFormat.agreed(decisions, "enregistrée"))). "
        text += query
            ? "Sans elle, une personne ne peut pas être retrouvée par son identifiant. "
            : "Sans elle, les plafonds par personne ne retrouveraient pas les décisions déjà prises et accorderaient de nouveau ce qui a déjà été accordé. "
        text += "Restaurez ce fichier depuis votre sauvegarde (ou indiquez son emplacement avec --register-key) ; "
        text += "n'en créez jamais un nouveau pour un registre existant."
        if decisions == 0 && !query {
            text += " Ce registre ne contient encore aucune décision : vous pouvez aussi le supprimer, un nouveau registre et sa clé seront alors créés."
        }
        return RegisterError(text)
    }

    static func wrongKey(_ keyPath: String, register: String) -> RegisterError {
        RegisterError("""
            la clé de pseudonymisation \(keyPath) n'est pas celle du registre \(register) (son empreinte diffère de celle que \
            le registre a enregistrée) : avec elle, les plafonds par personne ne retrouveraient pas les décisions déjà prises. \
            Indiquez la bonne clé avec --register-key, ou restaurez-la depuis votre sauvegarde.
            """)
    }

    static func keyIsLink(_ keyPath: String) -> RegisterError {
        RegisterError("""
            la clé de pseudonymisation \(keyPath) est un lien symbolique, que guichet ne suit pas pour sa clé : \
            indiquez le chemin du fichier lui-même avec --register-key.
            """)
    }

    static func danglingLink(_ path: String) -> RegisterError {
        RegisterError("""
            \(path) est un lien symbolique vers un fichier qui n'existe pas : guichet ne crée pas de registre au bout \
            d'un lien. Supprimez ce lien, ou donnez le chemin du registre lui-même avec --register.
            """)
    }

    static func notFound(_ register: String) -> RegisterError {
        let absolute = register.hasPrefix("/") ? register : FileManager.default.currentDirectoryPath + "/" + register
        return RegisterError("""
            il n'y a pas de registre à \(absolute) : lancez la commande depuis le poste d'instruction, ou vérifiez le \
            chemin donné à --register (seule « guichet init » crée un registre).
            """)
    }

    static func notARegister(_ register: String) -> RegisterError {
        RegisterError("""
            \(register) n'est pas un registre de guichet (il ne contient pas de table des décisions) : vérifiez le chemin \
            donné à --register.
            """)
    }

    static func busy(_ register: String, owner: ProcessLock.Holder?) -> RegisterError {
        // A pid left by a run since ended names nobody, or another program: not worth printing.
        guard let owner, owner.isRunning else {
            return RegisterError("""
                le registre \(register) est utilisé par un autre processus guichet ; attendez qu'il se termine, \
                puis relancez la commande.
                """)
        }
        let since = owner.since.map { ", depuis \(time(Date(timeIntervalSince1970: Double($0))))" } ?? ""
        return RegisterError("""
            le registre \(register) est utilisé par un autre processus guichet (pid \(owner.pid)\(since)) ; \
            attendez qu'il se termine, puis relancez la commande (s'il ne répond plus, arrêtez-le : kill \(owner.pid)).
            """)
    }

    /// A failure of SQLite while opening or reading, said in French, with SQLite's own words
    /// for whoever investigates.
    static func database(_ error: any Error, register: String, doing action: String) -> RegisterError {
        guard let error = error as? DatabaseError else { return RegisterError("\(action) le registre \(register) : \(error)") }
        return RegisterError("\(action) le registre \(register) : \(cause(of: error)). \(remedy(for: error, then: "relancez la commande"))")
    }

    /// The register failed during a batch: what failed, where, how many decisions this run
    /// committed, and that running the batch again completes it.
    static func writeFailed(_ error: any Error, register: String, recorded: Int) -> RegisterError {
        if let error = error as? RegisterError { return error }
        let done = switch recorded {
        case 0: "Aucune décision n'a été enregistrée dans cette exécution"
        case 1: "1 décision a été enregistrée dans cette exécution ; les suivantes ne l'ont pas été"
        default: "\(FrenchFormat.count(recorded, "décision")) ont été enregistrées dans cette exécution ; les suivantes ne l'ont pas été"
        }
        guard let error = error as? DatabaseError else {
            return RegisterError("impossible d'écrire dans le registre \(register) : \(error). \(done), et le lot s'est arrêté.")
        }
        let then = "relancez la même commande : elle enregistrera les décisions manquantes"
        return RegisterError("""
            impossible d'écrire dans le registre \(register) : \(cause(of: error)). \(done), et le lot s'est arrêté. \
            \(remedy(for: error, then: then))
            """)
    }

    /// Why, in French, with SQLite's own words.
    static func cause(of error: DatabaseError) -> String {
        let reason = switch error.resultCode {
        case .SQLITE_FULL: "le disque est plein, ou le registre a atteint sa taille maximale"
        case .SQLITE_IOERR: "le disque a renvoyé une erreur d'entrée-sortie"
        case .SQLITE_BUSY, .SQLITE_LOCKED: "un autre programme que guichet le tient verrouillé"
        case .SQLITE_READONLY, .SQLITE_PERM: "il ne peut pas être modifié (droits du fichier ou du dossier)"
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: "le fichier est endommagé, ou n'est pas un registre de guichet"
        case .SQLITE_CANTOPEN: "le fichier ne peut pas être ouvert"
        default: "SQLite a signalé une erreur"
        }
        return "\(reason) (SQLite : \(error.message ?? "\(error.resultCode)"))"
    }

    /// What to do, then `then`.
    static func remedy(for error: DatabaseError, then: String) -> String {
        switch error.resultCode {
        case .SQLITE_FULL: "Libérez de la place sur le disque, puis \(then)."
        case .SQLITE_IOERR: "Vérifiez le disque, puis \(then)."
        case .SQLITE_BUSY, .SQLITE_LOCKED: "Fermez le programme qui utilise le registre, puis \(then)."
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN: "Vérifiez les droits sur le registre et son dossier, puis \(then)."
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: "Vérifiez le chemin donné à --register, ou restaurez le registre depuis votre sauvegarde."
        default: "Corrigez la cause indiquée par SQLite, puis \(then) ; si l'erreur persiste, restaurez le registre depuis votre sauvegarde."
        }
    }

    /// "10:42:07", or "le 12/03/2025 à 10:42:07" for another day.
    static func time(_ date: Date) -> String {
        let calendar = Calendar.current
        let parts = calendar.dateComponents([.day, .month, .year, .hour, .minute, .second], from: date)
        let clock = String(format: "%02d:%02d:%02d", parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
        guard !calendar.isDateInToday(date) else { return clock }
        return String(format: "le %02d/%02d/%04d à ", parts.day ?? 0, parts.month ?? 0, parts.year ?? 0) + clock
    }
}
