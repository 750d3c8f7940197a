import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

/// The API answers as the command line does: every sample application, posted alone, gets the
/// decision `guichet evaluate` writes for it, to the last key, and the samples the command line
/// cannot evaluate are refused by the API too.
@Suite struct APIMatchesCLITests {
    @Test func everySampleApplicationGetsTheDecisionOfTheCommandLine() async throws {
        let folder = try TemporaryFolder("api-cli")
        let run = try CommandLine.run(["evaluate", Repository.path("Applications"), "--rules", Repository.path("Rules"),
                                       "--date", "2020-11-30", "--out", folder.file("out")], in: folder.path, timeout: 120)
        #expect(run.finished)
        let expected = try Self.decisions(in: folder.file("out"))
        #expect(expected.count >= 50)
        let failedByCLI = run.stdout.components(separatedBy: "\n").filter { $0.contains("ERREUR") }.count
        let documents = try TestPaths.applicationFiles.flatMap(Self.documents)
        #expect(documents.count > 50)
        let bodies = try await ServiceFixture.test { client in
            var bodies: [String?] = []
            for document in documents {
                try await client.execute(uri: "/evaluations?date=2020-11-30", method: .post, body: ByteBuffer(string: document)) { response in
                    #expect(response.status == .ok || response.status == .unprocessableContent)
                    bodies.append(response.status == .ok ? String(buffer: response.body) : nil)
                }
            }
            return bodies
        }
        let refused = bodies.count { $0 == nil }
        var answered: [String: NSDictionary] = [:]
        for body in bodies.compactMap({ $0 }) {
            let json = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
            for evaluation in json["evaluations"] as? [[String: Any]] ?? [] {
                let decision = try #require(evaluation["decision"] as? [String: Any])
                answered[Self.key(decision)] = decision as NSDictionary
            }
        }
        #expect(refused == failedByCLI)
        #expect(Set(answered.keys) == Set(expected.keys))
        for (key, decision) in expected {
            #expect(answered[key] == decision, "\(key)")
        }
    }

    /// The decisions a run wrote, by application and scheme.
    static func decisions(in folder: String) throws -> [String: NSDictionary] {
        var result: [String: NSDictionary] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".json") {
            let data = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(name)"))
            let decision = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            result[key(decision)] = decision as NSDictionary
        }
        return result
    }

    static func key(_ decision: [String: Any]) -> String {
        let application = (decision["application"] as? [String: Any])?["id"] as? String ?? "?"
        let scheme = (decision["scheme"] as? [String: Any])?["id"] as? String ?? "?"
        return "\(application) \(scheme)"
    }

    /// The documents of a file, each as its own text: a stream's documents are posted one by one.
    static func documents(_ path: String) throws -> [String] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var documents: [[Substring]] = [[]]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "---" { documents.append([]) } else { documents[documents.count - 1].append(line) }
        }
        return documents.map { $0.joined(separator: "\n") }
            .filter { $0.split(separator: "\n").contains { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty } }
    }
}
