import SchemeLanguage
import Testing

/// The working folder's `guichet.yaml`, as `guichet init` writes it, reads back.
@Suite struct DeploymentTests {
    /// With nothing given, every field is a comment to fill in: the folder is still usable
    /// (it used to stop every command with « expected one YAML document, found none »).
    @Test func aTemplateWithNothingFilledInIsAnEmptyDeployment() {
        let text = Deployment.template(authority: nil, signatory: nil, service: nil, dataProtection: nil)
        let (deployment, diagnostics) = DeploymentLoader.load(text: text, file: "guichet.yaml")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(deployment == Deployment())
    }

    @Test func aTemplateFilledInReadsBack() {
        let signatory = Deployment.Signatory(firstName: "Jean", name: "Dupont", title: "Président du Conseil départemental")
        let service = Deployment.Service(name: "Direction des sports", address: "Hôtel du Département, Arras", email: "sports@example.fr")
        let text = Deployment.template(authority: "cd62", signatory: signatory, service: service, dataProtection: "dpo@example.fr")
        let (deployment, diagnostics) = DeploymentLoader.load(text: text, file: "guichet.yaml")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(deployment == Deployment(authority: "cd62", signatory: signatory, service: service, dataProtectionContact: "dpo@example.fr"))
    }

    @Test func aMisspelledFieldIsStillAnError() {
        let (deployment, diagnostics) = DeploymentLoader.load(text: "# commentaire\nsignataire: Jean\n", file: "guichet.yaml")
        #expect(deployment == nil)
        #expect(!diagnostics.isEmpty)
    }

    /// The agent in charge of the files (CRPA L. 111-2) reads back with the service.
    @Test func theServiceAgentReadsBack() {
        let agent = Deployment.Service.Agent(firstName: "Paul", name: "Lefebvre", title: "Instructeur du fonds de solidarité pour le logement")
        let service = Deployment.Service(name: "Service du FSL", address: "Arras", agent: agent)
        let text = Deployment.template(authority: "cd62", signatory: nil, service: service, dataProtection: nil)
        let (deployment, diagnostics) = DeploymentLoader.load(text: text, file: "guichet.yaml")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(deployment?.service?.agent == agent)
    }

    /// An agent is named in full, or not at all: a missing title is located.
    @Test func anAgentWithoutTitleIsLocated() {
        let text = "service:\n  name: Service du FSL\n  agent:\n    first_name: Paul\n    name: Lefebvre\n"
        let (deployment, diagnostics) = DeploymentLoader.load(text: text, file: "guichet.yaml")
        #expect(deployment == nil)
        #expect(diagnostics.map(\.description) == ["guichet.yaml:4:5: erreur : champ « title » manquant : la qualité de l'agent (« Instructrice du fonds de solidarité pour le logement ») [service.agent]"])
    }
}
