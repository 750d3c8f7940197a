import SchemeLanguage
import TestSupport
import Testing

/// An applicant's SIRET: 14 digits with the check every SIRET carries (La Poste's excepted); a
/// legal person is recognised by it whatever its kind says.
@Suite struct ApplicantSiretTests {
    func application(siret: String) -> String {
        """
        scheme: demo
        id: D-1
        filed: 2020-10-01
        applicant: {name: Association Test, kind: club, siret: "\(siret)"}
        facts: {a: true}
        """
    }

    @Test func aValidSiretIsKeptWithoutItsSpaces() throws {
        let application = try Load.application(application(siret: "216 200 001 00016"), scheme: try Load.scheme(DemoScheme.text()))
        #expect(application.applicant.siret == "21620000100016")
        #expect(application.applicant.isLegalPerson, "a SIRET makes a legal person, whatever the kind")
    }

    @Test(arguments: [("2162000010001", "un SIRET s'écrit avec 14 chiffres"), ("21620000100017", "est invalide (clé de contrôle)")])
    func aWrongSiretIsLocated(siret: String, message: String) throws {
        #expect {
            try Load.application(application(siret: siret), scheme: try Load.scheme(DemoScheme.text()))
        } throws: { error in
            guard let list = error as? DiagnosticList, let first = list.diagnostics.first else { return false }
            return first.message.contains(message) && first.path == "applicant.siret" && first.mark.line == 4
        }
    }
}
