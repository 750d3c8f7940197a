import ArgumentParser
import Batch
import Foundation
import OpenDocument
import Platform
import Register
import RuleSet
import SchemeLanguage

/// The folder a command runs in: an instructor's working folder has a `guichet.yaml` (made by
/// `guichet init`) and a register; anywhere else, evaluations are simulations.
enum WorkingFolder {
    /// The deployment's facts from `guichet.yaml` in the current folder, if there is one; an
    /// unreadable file stops the command with its errors located.
    static func deployment() throws -> Deployment? {
        guard RegularFile.exists(Deployment.fileName) else { return nil }
        let (deployment, diagnostics) = DeploymentLoader.load(path: Deployment.fileName)
        for diagnostic in diagnostics { Console.error(diagnostic.description) }
        guard let deployment else { throw ExitCode.failure }
        return deployment
    }

    /// The deployment of a command that issues acts: it must name their signatory (CRPA L. 212-1).
    static func signedDeployment() throws -> Deployment {
        guard let deployment = try deployment(), deployment.signatory != nil else {
            Console.say(.error, "aucun signataire n'est renseigné (« signatory ») : un acte porte le prénom, le nom et la qualité de son signataire (code des relations entre le public et l'administration, article L. 212-1)", at: Deployment.fileName)
            throw ExitCode.failure
        }
        return deployment
    }

    /// Who runs the command and when, for the register's audit trail: the login name (or
    /// `--agent`) and the clock, read here and nowhere in the modules.
    static func actor(_ name: String?) -> Actor {
        let login = name ?? ProcessInfo.processInfo.environment["USER"] ?? "inconnu"
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return Actor(name: login, at: formatter.string(from: Date()))
    }

    /// Today's date, for a fiche or a simulation made without `--date`.
    static func today() -> LocalDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}

/// `--date` and `--agent`, shared by the commands that record or date a document.
struct DatingOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Date de la décision (ou de l'instruction) : les paramètres datés prennent la valeur en vigueur ce jour-là ; par défaut, aujourd'hui.",
        valueName: "AAAA-MM-JJ"), transform: DatingOptions.date)
    var date: LocalDate?

    @Option(name: .long, help: ArgumentHelp("Qui enregistre (par défaut, l'identifiant de session) : il est inscrit au registre avec l'heure.", valueName: "AGENT"))
    var agent: String?

    var referenceDate: LocalDate { date ?? WorkingFolder.today() }

    static func date(_ text: String) throws -> LocalDate { try date(text, option: "--date") }

    /// A date option's value, or an error naming the option.
    static func date(_ text: String, option: String) throws -> LocalDate {
        guard let date = LocalDate(iso: text) else {
            throw ValidationError("\(option) attend une date au format AAAA-MM-JJ, par exemple \(option) 2020-11-02 (reçu : \(text))")
        }
        return date
    }
}

extension RulesOption {
    /// The formats the documents sent to applicants are written in: Markdown, HTML and, with the
    /// template guichet.yaml names or the rules folder's `modeles/acte.odt`, ODT. A template that
    /// cannot be used stops the command, with what is wrong and what to do.
    func sentDocumentFiles(_ deployment: Deployment?) throws -> SentDocumentFiles {
        do {
            let template = try SentDocumentFiles.template(named: deployment?.template, rulesFolder: rules)
            if template == nil {
                Console.say(.note, "aucun modèle ODT (ni « template » dans guichet.yaml, ni \(rules)/\(ODTTemplate.rulesFolderPath)) : les actes sont écrits en Markdown et en HTML seulement")
            }
            return SentDocumentFiles(template: template)
        } catch {
            // A template guichet.yaml names is pointed at where it names it.
            let place = deployment?.template != nil ? deployment?.templateMark.map { "\($0)" } : nil
            Console.say(.error, error.description, at: place)
            throw ExitCode.failure
        }
    }

    /// The rules folder's catalogue, its unset parameters given the values of `guichet.yaml`
    /// and of `--parametres`; a value that does not fit stops the command with its errors
    /// located. The catalogue's own failures are left to the command to report.
    func catalog() throws -> SchemeCatalog {
        let loaded = SchemeCatalog.load(directory: try folder())
        var settings = try WorkingFolder.deployment()?.parameters ?? []
        if let parameterFile {
            let (read, diagnostics) = ParameterSettings.load(path: parameterFile)
            for diagnostic in diagnostics { Console.error(diagnostic.description) }
            guard let read else { throw ExitCode.failure }
            settings += read
        }
        let (catalog, diagnostics) = loaded.setting(settings)
        for diagnostic in diagnostics { Console.error(diagnostic.description) }
        if !diagnostics.isEmpty { throw ExitCode.failure }
        return catalog
    }

    /// The rules folder's catalogue and the scheme `id`, which must say who decides on it.
    func decidingScheme(_ id: String) throws -> (SchemeCatalog, Scheme, DecidingBody) {
        let catalog = try self.catalog()
        Console.report(catalog)
        guard let scheme = catalog.schemes[id], let body = scheme.decidedBy?.body else {
            Console.say(.error, "« \(id) » n'est pas un dispositif de \(rules) qui dise qui décide (authority.decides)")
            throw ExitCode.failure
        }
        return (catalog, scheme, body)
    }
}

extension Console {
    /// The later decisions to examine again, since one they counted changed.
    static func print(_ revisions: [Revision]) {
        guard !revisions.isEmpty else { return }
        out("\nRévisions à examiner (décisions postérieures qui partagent un plafond avec une décision modifiée) :")
        for revision in revisions {
            out("- \(revision.id) (plafond partagé avec \(revision.cause)) : "
                + (revision.change ?? "son dossier n'est pas parmi les fichiers donnés ; réexaminez-la"))
        }
    }
}
