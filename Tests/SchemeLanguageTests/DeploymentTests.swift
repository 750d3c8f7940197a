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
}
