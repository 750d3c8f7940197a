import Batch
import Decisions
import Foundation
import Platform
import Register
import SchemeLanguage

extension Benchmark {
    /// What `guichet decide` does, timed once: the fiches a `measureDocuments(instruction: true)`
    /// run recorded in `folder` decided by the President, each favourable or unfavourable one
    /// evaluated again against the register, its act written as JSON, Markdown, HTML and (with the
    /// rules folder's template) ODT, fingerprinted and recorded. The others are left as they are.
    public func measureDecisions(stream path: String, folder: String, files: SentDocumentFiles) throws -> DocumentFigures {
        let outputPath = "\(folder)/actes"
        try? FileManager.default.removeItem(atPath: outputPath)
        let register = try DecisionRegister.open(path: "\(folder)/registre-fiches.sqlite")
        let clock = ContinuousClock()
        let start = clock.now
        let output = try OutputFolder(directory: outputPath)
        let run = DecisionRun(catalog: catalog, scheme: scheme,
                              act: DecisionAct(body: .presidentByDelegation, reference: "BENCH-1", date: referenceDate),
                              sitting: nil, deployment: Deployment(), actor: Actor(name: "bench", at: "2026-01-01T00:00:00Z"),
                              vote: DecisionRun.Vote(), files: files)
        let result = try run.run(paths: [path], register: register, output: output)
        let seconds = (clock.now - start).seconds
        guard !result.decided.isEmpty else {
            throw FileSystemError(path: outputPath, reason: "la mesure des décisions a échoué : aucun acte n'a été écrit")
        }
        return DocumentFigures(applications: result.decided.count, bytes: Self.bytes(in: outputPath), seconds: seconds)
    }

    /// The bytes of every file in a folder.
    static func bytes(in folder: String) -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: folder))?.reduce(0) { total, name in
            total + ((try? FileManager.default.attributesOfItem(atPath: "\(folder)/\(name)")[.size] as? Int) ?? 0)
        } ?? 0
    }
}
