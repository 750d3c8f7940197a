import ArgumentParser
import Batch
import Platform
import Register
import SchemeLanguage

/// `guichet`: turns a local authority's aid rules into reasoned decisions.
@main
struct Guichet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guichet",
        abstract: "Évalue des demandes d'aide au regard des dispositifs votés par délibération, et rédige des décisions motivées.",
        discussion: """
            Les dispositifs sont des fichiers YAML d'un dossier de règles : --rules DOSSIER, sinon \
            la variable GUICHET_RULES, sinon Rules/ dans le dossier courant, sinon les règles installées \
            avec guichet. Les \
            demandes sont des fichiers YAML qui nomment leur dispositif ; un fichier peut contenir \
            plusieurs demandes séparées par « --- ». Les erreurs s'écrivent sur la sortie d'erreur, \
            une par ligne : fichier:ligne:colonne: erreur : message [champ].

            Codes de sortie : 0 en cas de succès ; 1 en cas d'erreur (une demande, un fichier de \
            règles, le registre ou un dossier de sortie en défaut, un cas de test en échec) ; 2 quand \
            « simulate » n'a pu simuler certaines demandes ; 64 pour un usage incorrect (option \
            inconnue, valeur invalide) ; 130 après une interruption par Ctrl-C.
            """,
        version: "0.1.0",
        subcommands: [Init.self, Import.self, New.self, Evaluate.self, Select.self, Decide.self, Notify.self, Withdraw.self, Check.self, CheckPlan.self, Explain.self, Schema.self, TestRules.self, RegisterCommand.self, Simulate.self, ReformCommand.self, Portfolio.self, Bench.self, Serve.self]
    )
}

/// The register of decisions, shared by the commands that read or write it.
struct RegisterOption: ParsableArguments {
    @Option(name: .customLong("register"), help: ArgumentHelp("""
        Le registre des décisions (SQLite ; par défaut .guichet/registre.sqlite, créé par « guichet init »). \
        Aucune commande autre que init ne le crée.
        """, valueName: "REGISTRE"))
    var explicitPath: String?

    var path: String { explicitPath ?? Deployment.defaultRegister }

    /// Whether a register is in use: named with `--register`, or present in the working folder.
    var inUse: Bool { explicitPath != nil || RegularFile.exists(path) }

    @Option(name: .long, help: ArgumentHelp("""
        La clé de pseudonymisation (par défaut, à côté du registre, son nom suivi de « .key »). Sauvegardez-la : \
        un registre refuse de servir sans sa propre clé.
        """, valueName: "FICHIER"))
    var registerKey: String?

    /// For `init`, which creates the register, and the commands that record in an existing one.
    /// One that records claims it for its whole run, so that a second one is told at once who
    /// holds it.
    func open(claiming: Bool = false) throws -> DecisionRegister {
        try reporting {
            let register = try DecisionRegister.open(path: path, keyPath: registerKey)
            if claiming { try register.claim() }
            return register
        }
    }

    /// For the commands that record: the register must exist, made by `guichet init`.
    func openForRecording() throws -> DecisionRegister {
        guard RegularFile.exists(path) else {
            Console.say(.error, "aucun registre des décisions ici ; « guichet init » crée un poste d'instruction (ou donnez --register)", at: path)
            throw ExitCode.failure
        }
        return try open(claiming: true)
    }

    /// For runs that record nothing (`--dry-run`, `select`): the existing register, read only.
    /// Without one at the default place, limits count no earlier decision, and the user is told;
    /// a register named with `--register` that is not there is an error, never a new empty one.
    func openForReading() throws -> DecisionRegister? {
        guard explicitPath != nil || RegularFile.exists(path) else {
            Console.say(.warning, "aucun registre des décisions ici : les plafonds ne tiendront compte d'aucune décision antérieure (donnez --register pour en lire un)", at: path)
            return nil
        }
        return try reporting { try DecisionRegister.openExisting(path: path, keyPath: registerKey) }
    }

    /// For queries, which read an existing register and never create one.
    func query<T>(_ body: (DecisionRegister) throws -> T) throws -> T {
        try reporting { try body(try DecisionRegister.openExisting(path: path, keyPath: registerKey)) }
    }

    /// The register's errors, on standard error with its path; exit code 1.
    private func reporting<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as RegisterError {
            Console.say(.error, "\(error)", at: path)
            throw ExitCode.failure
        } catch let error as FileSystemError {
            Console.say(.error, "\(error.reason)", at: error.path)
            throw ExitCode.failure
        } catch {
            Console.say(.error, "le registre ne peut être ouvert : \(error)", at: path)
            throw ExitCode.failure
        }
    }
}

/// The `--rules` option shared by the commands that read schemes, with `--parametres`, the
/// values of the parameters the text leaves unset. Without `--rules`, the rules folder is found
/// as `RulesFolderSearch` says (Sources/guichet/RulesFolder.swift).
struct RulesOption: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp(
        "Le dossier des règles ; par défaut, celui de la variable GUICHET_RULES, sinon Rules/ dans le dossier courant, sinon les règles installées avec guichet.",
        valueName: "DOSSIER"))
    var explicitRules: String?

    @Option(name: .customLong("parametres"), help: ArgumentHelp(
        "Un fichier qui donne les valeurs des paramètres que le texte laisse sans valeur (unset: true), comme guichet.yaml : parameters: {pdesi: {enveloppe_appel: 150 000 €}}.",
        valueName: "FICHIER"))
    var parameterFile: String?
}
