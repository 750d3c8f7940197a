import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Service
import Testing

/// The public pages through the service: what `PublicSite` answers, with the service's headers,
/// limits and methods.
@Suite struct SiteOverHTTPTests {
    @Test func aQuestionnaireStepIsAnsweredWithItsNextPage() async throws {
        let form = "etape=0&aller=suivant&demandeur.nom=Commune+de+Wimereux&demandeur.nature=commune&demandeur.objet=Sentier"
        try await ServiceFixture.test { client in
            try await client.execute(uri: "/dispositifs/pdesi/simulation", method: .post,
                                     headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: form)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("default-src 'none'") == true)
                let page = String(buffer: response.body)
                #expect(page.contains("Étape 2 sur"))
                #expect(page.contains("<input type=\"hidden\" name=\"demandeur.nom\" value=\"Commune de Wimereux\">"))
            }
        }
    }

    @Test func headAnswersAsGetWithoutTheBody() async throws {
        try await ServiceFixture.test { client in
            let length = try await client.execute(uri: "/dispositifs/pdesi", method: .get) { $0.body.readableBytes }
            try await client.execute(uri: "/dispositifs/pdesi", method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.body.readableBytes == 0)
                #expect(response.headers[.contentLength] == String(length))
            }
        }
    }

    @Test func aWrongMethodIsRefusedInFrenchWithWhatIsAllowed() async throws {
        try await ServiceFixture.test { client in
            try await client.execute(uri: "/dispositifs/pdesi", method: .put) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET, HEAD")
            }
            try await client.execute(uri: "/evaluations", method: .get) { response in
                #expect(response.status == .methodNotAllowed)
                let code = try ServiceFixture.json(response)["code"] as? String
                #expect(code == "methode-non-permise")
            }
        }
    }

    @Test func aFormOverTheLimitIsNotRead() async throws {
        let form = "etape=0&demandeur.nom=" + String(repeating: "a", count: 70 * 1024)
        try await ServiceFixture.test { client in
            try await client.execute(uri: "/dispositifs/pdesi/simulation", method: .post, body: ByteBuffer(string: form)) { response in
                #expect(response.status == .contentTooLarge)
                #expect(String(buffer: response.body).hasPrefix("Le formulaire envoyé dépasse 64 Ko"))
            }
        }
    }
}
