import ArgumentParser
import Platform
import Register
import SchemeLanguage

/// `guichet init`: makes the current folder an instructor's working folder.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Crée un poste d'instruction dans ce dossier : guichet.yaml, le registre des décisions et sa clé.",
        discussion: """
            Sans poste d'instruction, « guichet evaluate » ne produit que des simulations, qui ne sont \
            enregistrées nulle part. Après « guichet init », il produit des fiches d'instruction, \
            enregistrées au registre (.guichet/registre.sqlite) ; « select », « decide » et « notify » \
            font avancer les demandes jusqu'à la décision notifiée. Renseignez dans guichet.yaml le \
            signataire des actes et le service instructeur : aucune décision n'est prise sans signataire.
            """)

    @Option(name: .long, help: ArgumentHelp("La clé de l'autorité dans Rules/deliberations.yaml (par exemple cd62).", valueName: "CLÉ"))
    var authority: String?

    @Option(name: .customLong("signataire-prenom"), help: ArgumentHelp("Le prénom du signataire des actes.", valueName: "PRÉNOM"))
    var signatoryFirstName: String?

    @Option(name: .customLong("signataire-nom"), help: ArgumentHelp("Le nom du signataire des actes.", valueName: "NOM"))
    var signatoryName: String?

    @Option(name: .customLong("signataire-qualite"), help: ArgumentHelp("La qualité du signataire (« Président du Conseil départemental »).", valueName: "QUALITÉ"))
    var signatoryTitle: String?

    @Option(name: .customLong("service"), help: ArgumentHelp("Le service instructeur, tel que les courriers le nomment.", valueName: "SERVICE"))
    var service: String?

    @Option(name: .customLong("dpd"), help: ArgumentHelp("Le contact du délégué à la protection des données.", valueName: "CONTACT"))
    var dataProtection: String?

    @Option(name: .customLong("siret"), help: ArgumentHelp("Le SIRET de l'autorité (14 chiffres), pour les données ouvertes de ses subventions.", valueName: "SIRET"))
    var siret: String?

    func validate() throws {
        if let siret, !(siret.count == 14 && siret.allSatisfy({ $0.isASCII && $0.isNumber })) {
            throw ValidationError("--siret attend les 14 chiffres du SIRET de l'autorité, sans espace (reçu : \(siret))")
        }
        let given = [signatoryFirstName, signatoryName, signatoryTitle].compactMap { $0 }
        if !given.isEmpty, given.count < 3 {
            throw ValidationError("le signataire se donne en entier : --signataire-prenom, --signataire-nom et --signataire-qualite")
        }
    }

    func run() throws {
        if RegularFile.exists(Deployment.fileName) || RegularFile.exists(Deployment.defaultRegister) {
            Console.say(.error, "ce dossier est déjà un poste d'instruction ; modifiez guichet.yaml plutôt que de le recréer", at: Deployment.fileName)
            throw ExitCode.failure
        }
        // The register first: a folder with a guichet.yaml and no register would be refused as
        // initialised, while a register alone is found by every command.
        do {
            _ = try DecisionRegister.open(path: Deployment.defaultRegister)
        } catch {
            Console.say(.error, "\(error)", at: Deployment.defaultRegister)
            throw ExitCode.failure
        }
        let signatory = signatoryFirstName.map { Deployment.Signatory(firstName: $0, name: signatoryName!, title: signatoryTitle!) }
        let text = Deployment.template(authority: authority, signatory: signatory,
                                       service: service.map { Deployment.Service(name: $0) }, dataProtection: dataProtection,
                                       siret: siret)
        do {
            try OwnerOnlyFile.write(Array(text.utf8), to: Deployment.fileName)
        } catch {
            Console.say(.error, "\(error.reason) ; le registre est créé, écrivez guichet.yaml à la main (voir « guichet init --help »)", at: error.path)
            throw ExitCode.failure
        }
        Console.out("Poste d'instruction créé : \(Deployment.fileName), \(Deployment.defaultRegister) et sa clé \(Deployment.defaultRegister).key.")
        Console.out("Sauvegardez le registre et sa clé ensemble : le registre refuse toute autre clé.")
        if signatory == nil {
            Console.out("Renseignez le signataire des actes dans \(Deployment.fileName) avant de décider (« signatory »).")
        }
    }
}
