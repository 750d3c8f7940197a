import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import Service
import Testing

/// Serialized: the service admits one simulation at a time, and two of these tests simulate.
@Suite(.serialized) struct ServiceTests {
    @Test func everyResponseCarriesTheSecurityHeaders() async throws {
        try await ServiceFixture.test { client in
            for uri in ["/health", "/schemes", "/no-such-page"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("default-src 'none'") == true, "\(uri)")
                    #expect(response.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("frame-ancestors 'none'") == true)
                    #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
                    #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
                    #expect(response.headers[HTTPField.Name("Cache-Control")!] == "no-store")
                }
            }
        }
    }

    @Test func healthSaysHowManySchemesAreLoaded() async throws {
        try await ServiceFixture.test { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                let json = try ServiceFixture.json(response)
                #expect(json["status"] as? String == "ok")
                #expect(json["schemes"] as? Int == ServiceFixture.catalog.schemes.count)
            }
        }
    }

    @Test func aSchemeListsItsQuestionsWithTheCodesToWrite() async throws {
        try await ServiceFixture.test { client in
            try await client.execute(uri: "/schemes/pdesi", method: .get) { response in
                #expect(response.status == .ok)
                let json = try ServiceFixture.json(response)
                let questions = try #require(json["questions"] as? [[String: Any]])
                let category = try #require(questions.first { $0["id"] as? String == "esi.categorie" })
                #expect(category["type"] as? String == "enumeration")
                let choices = try #require(category["choices"] as? [[String: String]])
                #expect(choices.contains { $0["code"] == "inscrit_1" && $0["label"] != "inscrit_1" })
                let parameters = try #require(json["parameters"] as? [[String: Any]])
                let cap = try #require(parameters.first { $0["id"] as? String == "plafond_inscrit" })
                let versions = try #require(cap["versions"] as? [[String: Any]])
                #expect(versions.first?["value"] as? String == "40000.00")
            }
            try await client.execute(uri: "/schemes/nope", method: .get) { response in
                #expect(response.status == .notFound)
                let code = try ServiceFixture.json(response)["code"] as? String
                #expect(code == "dispositif-inconnu")
            }
        }
    }

    @Test func anApplicationThatDoesNotLoadGetsItsProblemsLocatedInFrench() async throws {
        let application = """
            scheme: pdesi
            id: X-1
            filed: 12/10/2020
            applicant: {name: Commune de Test, kind: commune}
            """
        try await ServiceFixture.test { client in
            try await client.execute(uri: "/evaluations", method: .post, body: ByteBuffer(string: application)) { response in
                #expect(response.status == .unprocessableContent)
                let json = try ServiceFixture.json(response)
                #expect(json["code"] as? String == "demande-invalide")
                let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
                #expect(diagnostics.contains { $0["line"] as? Int == 3 && $0["path"] as? String == "filed" })
            }
            try await client.execute(uri: "/evaluations?date=30/11/2020", method: .post, body: ByteBuffer(string: application)) { response in
                #expect(response.status == .badRequest)
                let message = try ServiceFixture.json(response)["message"] as? String
                #expect(message == "le paramètre date doit être une date au format AAAA-MM-JJ, par exemple date=2020-11-30")
            }
        }
    }

    @Test func aBodyOverTheLimitIsRefusedBeforeItIsRead() async throws {
        let sample = try String(contentsOfFile: TestPaths.wimereux, encoding: .utf8)
        try await ServiceFixture.test(ServiceFixture.service(evaluationBodyLimit: 200)) { client in
            try await client.execute(uri: "/evaluations", method: .post, body: ByteBuffer(string: sample)) { response in
                #expect(response.status == .contentTooLarge)
                let code = try ServiceFixture.json(response)["code"] as? String
                #expect(code == "requete-trop-grande")
            }
        }
    }

    @Test func anEvaluationSaysWhatIsStillMissing() async throws {
        let sample = try String(contentsOfFile: TestPaths.wimereux, encoding: .utf8)
            .split(separator: "\n").filter { !$0.contains("respect_normes") && !$0.hasPrefix("pieces") }.joined(separator: "\n")
        try await ServiceFixture.test { client in
            try await client.execute(uri: "/evaluations?date=2020-11-30", method: .post, body: ByteBuffer(string: sample)) { response in
                #expect(response.status == .ok)
                let evaluation = try #require((try ServiceFixture.json(response)["evaluations"] as? [[String: Any]])?.first)
                #expect(evaluation["outcome"] as? String == "incomplet")
                let questions = try #require(evaluation["missing_questions"] as? [[String: Any]])
                #expect(questions.map { $0["id"] as? String } == ["projet.respect_normes"])
                #expect(!(try #require(evaluation["missing_pieces"] as? [[String: Any]])).isEmpty)
            }
        }
    }

    @Test func aReformIsSimulatedAndNoApplicantIsNamed() async throws {
        let reform = try String(contentsOfFile: TestPaths.reform, encoding: .utf8)
        let portfolio = try TestPaths.pdesiSamples.map { try String(contentsOfFile: $0, encoding: .utf8) }.joined(separator: "\n---\n")
        let request: [String: String] = ["reform": reform, "portfolio": portfolio]
        let body = try JSONSerialization.data(withJSONObject: request)
        try await ServiceFixture.test { client in
            try await client.execute(uri: "/simulations", method: .post, body: ByteBuffer(bytes: body)) { response in
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                #expect(!text.contains("Wimereux") && !text.contains("PDESI-2020-001"))
                let json = try ServiceFixture.json(response)
                let pdesi = try #require((json["schemes"] as? [[String: Any]])?.first { $0["scheme"] as? String == "pdesi" })
                #expect(pdesi["applications"] as? Int == json["applications"] as? Int)
                #expect((pdesi["amount_after"] as? String) != (pdesi["amount_before"] as? String))
                // The call's selection in each run (no envelope is set here: each says why), and the reasons counted.
                let call = try #require(pdesi["call"] as? [String: Any])
                let before = try #require(call["before"] as? [String: Any]), after = try #require(call["after"] as? [String: Any])
                #expect(before["admissible"] as? Int ?? 0 > 0 && after["envelope_needed"] as? String != nil)
                #expect((before["unselected"] as? String)?.contains("enveloppe") == true)
                let reasons = try #require(pdesi["reasons"] as? [[String: Any]])
                #expect(reasons.reduce(0) { $0 + ($1["count"] as? Int ?? 0) } == pdesi["changed"] as? Int)
                #expect(reasons.allSatisfy { ($0["text"] as? String)?.contains(" : ") == true })
                #expect(pdesi["gained"] as? String != nil && pdesi["lost"] as? String != nil)
                // The breakdowns the reform asks for: by category, and by the maître d'ouvrage's commune.
                let breakdowns = try #require(pdesi["breakdowns"] as? [String: Any])
                #expect(breakdowns["input"] as? String == "esi.categorie" && breakdowns["commune_input"] as? String == "porteur.siren")
                let count = pdesi["applications"] as? Int ?? 0
                for key in ["groups", "population_bands", "arrondissements"] {
                    let groups = try #require(breakdowns[key] as? [[String: Any]], "\(key)")
                    // The 17 samples can be broken down: groups that cover every application, none of fewer than 5.
                    #expect(!groups.isEmpty, "\(key)")
                    #expect(groups.reduce(0) { $0 + ($1["count"] as? Int ?? 0) } == count, "\(key)")
                    #expect(groups.allSatisfy { ($0["count"] as? Int ?? 0) >= 5 }, "\(key)")
                }
                let unattached = try #require(breakdowns["unattached"] as? Int)
                #expect(unattached > 0 && unattached < count, "\(unattached)")
            }
            try await client.execute(uri: "/simulations", method: .post, body: ByteBuffer(string: "{\"reform\": \"x\"}")) { response in
                #expect(response.status == .unprocessableContent)
            }
        }
    }

    /// A reform that breaks down by commune cannot run on a service without the reference of
    /// communes: it is answered so, rather than simulated without the breakdown it asks for.
    @Test func aBreakdownByCommuneNeedsTheReference() async throws {
        let reform = try String(contentsOfFile: TestPaths.reform, encoding: .utf8)
        let portfolio = try String(contentsOfFile: TestPaths.pdesiSamples[0], encoding: .utf8)
        let body = try JSONSerialization.data(withJSONObject: ["reform": reform, "portfolio": portfolio])
        try await ServiceFixture.test(ServiceFixture.service(communes: nil)) { client in
            try await client.execute(uri: "/simulations", method: .post, body: ByteBuffer(bytes: body)) { response in
                #expect(response.status == .unprocessableContent)
                #expect(String(buffer: response.body).contains("référentiel des communes"))
            }
        }
    }
}

/// The simulations' admission: one at a time, a place freed is taken again.
@Suite struct AdmissionTests {
    @Test func aRunBeyondTheLimitIsRefusedUntilOneLeaves() {
        let admission = Admission(limit: 1)
        #expect(admission.enter())
        #expect(!admission.enter())
        admission.leave()
        #expect(admission.enter())
    }
}
