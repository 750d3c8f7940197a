import Platform
import YAMLReader

/// Reads a working folder's `guichet.yaml`: who signs, which service instructs, whom to ask
/// about personal data.
public enum DeploymentLoader {
    public static func load(path: String) -> (deployment: Deployment?, diagnostics: [Diagnostic]) {
        do {
            // Only comments, as « guichet init » writes it when given nothing: nothing filled in yet.
            if try YAMLDocumentReader(path: path).nextDocument() == nil { return (Deployment(), []) }
            let log = DiagnosticLog()
            let deployment = decode(try YAMLDocumentReader.singleDocument(path: path), log: log)
            return (log.diagnostics.isEmpty ? deployment : nil, log.diagnostics)
        } catch {
            return (nil, [Diagnostic(error)])
        }
    }

    /// The same from text in memory; `file` is the name used in marks.
    public static func load(text: String, file: String) -> (deployment: Deployment?, diagnostics: [Diagnostic]) {
        do {
            if try YAMLDocumentReader(text: text, file: file).nextDocument() == nil { return (Deployment(), []) }
            let log = DiagnosticLog()
            let deployment = decode(try YAMLDocumentReader.singleDocument(text: text, file: file), log: log)
            return (log.diagnostics.isEmpty ? deployment : nil, log.diagnostics)
        } catch {
            return (nil, [Diagnostic(error)])
        }
    }

    private static func decode(_ document: YAMLNode, log: DiagnosticLog) -> Deployment? {
        guard var fields = Fields(document, path: "", log: log) else { return nil }
        let authority = fields.optional("authority").flatMap { log.identifier($0, path: "authority") }
        let signatory = fields.optional("signatory").flatMap { self.signatory($0, log: log) }
        let service = fields.optional("service").flatMap { self.service($0, log: log) }
        let dataProtection = fields.optional("data_protection").flatMap { log.text($0, path: "data_protection") }
        let siret = fields.optional("siret").flatMap { node -> String? in
            guard let text = log.line(node, path: "siret") else { return nil }
            let digits = text.filter { !$0.isWhitespace }
            guard digits.count == 14, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                log.error("le SIRET de l'autorité s'écrit avec 14 chiffres, trouvé \(ScalarParsing.shown(node))", at: node.mark, path: "siret")
                return nil
            }
            return digits
        }
        let parameters = fields.optional("parameters").map { ParameterSettings.read($0, log: log) } ?? []
        let templateNode = fields.optional("template")
        let template = templateNode.flatMap { log.line($0, path: "template") }
        fields.rejectUnknown()
        return Deployment(authority: authority, signatory: signatory, service: service, dataProtectionContact: dataProtection,
                          siret: siret, parameters: parameters, template: template, templateMark: templateNode?.mark)
    }

    private static func signatory(_ node: YAMLNode, log: DiagnosticLog) -> Deployment.Signatory? {
        person(node, path: "signatory", who: "du signataire", titleOf: "du signataire", example: "Président du Conseil départemental", log: log)
    }

    /// A person an act names: first name, name and title, all three.
    private static func person(_ node: YAMLNode, path: String, who: String, titleOf: String, example: String,
                               log: DiagnosticLog) -> Deployment.Person? {
        guard var fields = Fields(node, path: path, log: log) else { return nil }
        let firstName = fields.required("first_name", what: "le prénom \(who)").flatMap { log.line($0, path: "\(path).first_name") }
        let name = fields.required("name", what: "le nom \(who)").flatMap { log.line($0, path: "\(path).name") }
        let title = fields.required("title", what: "la qualité \(titleOf) (« \(example) »)").flatMap { log.line($0, path: "\(path).title") }
        fields.rejectUnknown()
        guard let firstName, let name, let title else { return nil }
        return Deployment.Person(firstName: firstName, name: name, title: title)
    }

    private static func service(_ node: YAMLNode, log: DiagnosticLog) -> Deployment.Service? {
        guard var fields = Fields(node, path: "service", log: log) else { return nil }
        let name = fields.required("name", what: "le nom du service instructeur").flatMap { log.line($0, path: "service.name") }
        let address = fields.optional("address").flatMap { log.text($0, path: "service.address") }
        let email = fields.optional("email").flatMap { log.line($0, path: "service.email") }
        let phone = fields.optional("phone").flatMap { log.line($0, path: "service.phone") }
        let agentNode = fields.optional("agent")
        let agent = agentNode.flatMap { self.agent($0, log: log) }
        fields.rejectUnknown()
        guard agentNode == nil || agent != nil else { return nil }
        return name.map { Deployment.Service(name: $0, address: address, email: email, phone: phone, agent: agent) }
    }

    /// The agent in charge of the files (CRPA L. 111-2).
    private static func agent(_ node: YAMLNode, log: DiagnosticLog) -> Deployment.Service.Agent? {
        person(node, path: "service.agent", who: "de l'agent chargé des dossiers", titleOf: "de l'agent",
               example: "Instructrice du fonds de solidarité pour le logement", log: log)
    }
}

extension Deployment {
    /// The text of a new `guichet.yaml`, in French for the person who fills it in. Fields not
    /// given are written as comments to complete: no act is decided without its signatory.
    public static func template(authority: String?, signatory: Signatory?, service: Service?, dataProtection: String?,
                                siret: String? = nil) -> String {
        var lines = [
            "# Configuration du poste d'instruction Guichet, créée par « guichet init ».",
            "# Les commandes lancées depuis ce dossier lisent ce fichier ; le registre des décisions et sa clé",
            "# sont dans le dossier .guichet (sauvegardez-les ensemble : le registre refuse toute autre clé).",
            "",
        ]
        if let authority { lines.append("authority: \(quoted(authority))") }
        lines.append("")
        lines.append("# Le signataire des actes (code des relations entre le public et l'administration, art. L. 212-1).")
        if let signatory {
            lines += ["signatory:", "  first_name: \(quoted(signatory.firstName))", "  name: \(quoted(signatory.name))",
                      "  title: \(quoted(signatory.title))"]
        } else {
            lines += ["# signatory:", "#   first_name: Prénom", "#   name: Nom", "#   title: Président du Conseil départemental"]
        }
        lines += ["", "# Le service qui instruit les demandes et l'agent chargé des dossiers, dont le prénom, le nom, la qualité",
                  "# et l'adresse administrative figurent sur les courriers (même code, art. L. 111-2)."]
        if let service {
            lines += ["service:", "  name: \(quoted(service.name))"]
            if let address = service.address { lines.append("  address: \(quoted(address))") }
            if let email = service.email { lines.append("  email: \(quoted(email))") }
            if let phone = service.phone { lines.append("  phone: \(quoted(phone))") }
            if let agent = service.agent {
                lines += ["  agent:", "    first_name: \(quoted(agent.firstName))", "    name: \(quoted(agent.name))",
                          "    title: \(quoted(agent.title))"]
            } else {
                lines += ["  # agent:", "  #   first_name: Prénom", "  #   name: Nom", "  #   title: Qualité"]
            }
        } else {
            lines += ["# service:", "#   name: Direction …", "#   address: …", "#   email: …", "#   phone: …",
                      "#   agent:", "#     first_name: Prénom", "#     name: Nom", "#     title: Qualité"]
        }
        lines += ["", "# Le contact du délégué à la protection des données, imprimé dans la notice sur les données personnelles",
                  "# des documents qui concernent des personnes (règlement général sur la protection des données, art. 13)."]
        lines.append(dataProtection.map { "data_protection: \(quoted($0))" } ?? "# data_protection: dpo@…")
        lines += ["", "# Le SIRET de l'autorité, qui l'identifie dans les données ouvertes de ses subventions (guichet register export --format scdl).",
                  siret.map { "siret: \(quoted($0))" } ?? "# siret: \"…\"",
                  "", "# Les valeurs que le texte ne donne pas (paramètres « unset: true » des dispositifs), comme le montant",
                  "# d'une enveloppe inscrit au budget ; « fictitious: true » pour une valeur d'essai, signalée dans chaque document.",
                  "# parameters:", "#   pdesi:", "#     enveloppe_appel: 150 000 €",
                  "", "# Le modèle OpenDocument (.odt) des actes, avec l'en-tête, le logo et la mise en page de l'autorité, à modifier",
                  "# dans LibreOffice (repères {{corps}}, {{autorite}}… : Docs/ODT-TEMPLATES.md) ; par défaut, celui du dossier des",
                  "# règles, modeles/acte.odt.",
                  "# template: modeles/acte.odt"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// A YAML double-quoted scalar: whatever the text holds, it reads back as itself.
    private static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
