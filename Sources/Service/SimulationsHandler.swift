import Decisions
import Foundation
import Platform
import RuleSet
import SchemeLanguage
import Simulation
import YAMLReader

/// `POST /simulations`: a reform and a portfolio, both as YAML texts in one JSON (or YAML)
/// object `{"reform": "…", "portfolio": "…"}`, simulated as `guichet simulate` does (each
/// application under today's rules and under the reform, registers in memory), answered with
/// the totals by scheme. No application and no applicant is named in the answer: only counts
/// and sums, which a reform is judged on.
struct SimulationsHandler: Sendable {
    let catalog: SchemeCatalog

    func respond(body: [UInt8]) -> APIResponse {
        let fields: (reform: String, portfolio: String)
        switch Self.fields(of: body) {
        case .success(let found): fields = found
        case .failure(let error): return APIResponse(error)
        }
        let reform: Reform
        switch ReformLoader.load(bytes: Array(fields.reform.utf8), file: "reform", schemes: catalog.schemes) {
        case .success(let loaded): reform = loaded
        case .failure(let list):
            return APIResponse(.invalid("la réforme ne peut être lue ; corrigez les éléments signalés", diagnostics: list.diagnostics))
        }
        do {
            let summary = try Self.simulate(portfolio: fields.portfolio, with: Simulation(catalog: catalog, reform: reform))
            return APIResponse(body: Self.json(summary))
        } catch {
            // The file system's reason stays on the server: it names its folders.
            return APIResponse(APIError(status: 500, code: "erreur-interne",
                                        message: "la simulation n'a pu être faite ; réessayez, et signalez l'erreur si elle persiste"))
        }
    }

    /// The two texts of the request; the reading is that of every YAML file, JSON included.
    private static func fields(of body: [UInt8]) -> Result<(reform: String, portfolio: String), APIError> {
        let node: YAMLNode
        do {
            node = try YAMLDocumentReader.singleDocument(bytes: body, file: "requete")
        } catch {
            return .failure(.invalid("le corps de la requête n'est pas un objet JSON lisible", diagnostics: [Diagnostic(error)]))
        }
        let pairs = node.mapping ?? []
        func text(_ key: String) -> String? { pairs.first { $0.key.scalar == key }?.value.scalar }
        guard let reform = text("reform"), let portfolio = text("portfolio") else {
            return .failure(.invalid("la requête doit donner « reform » (le fichier de réforme) et « portfolio » (les demandes), chacun comme un texte YAML"))
        }
        return .success((reform, portfolio))
    }

    /// The simulation reads files: the portfolio goes into a new folder made by `mkdtemp` (readable
    /// by this user alone, never one that was there), removed once read. No part of the request
    /// names the file.
    private static func simulate(portfolio: String, with simulation: Simulation) throws(FileSystemError) -> SimulationSummary {
        var template = Array((NSTemporaryDirectory() + "guichet-simulation-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw FileSystemError(path: NSTemporaryDirectory(), reason: systemReason(errno))
        }
        let folder = String(cString: made)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/portefeuille.yaml"
        try OwnerOnlyFile.write(portfolio, to: path)
        return simulation.run(paths: [path])
    }

    private static func json(_ summary: SimulationSummary) -> [UInt8] {
        var writer = JSONWriter(capacity: 4_096)
        writer.object { body in
            body.string("reform", summary.reform.name)
            body.number("applications", summary.applications)
            body.number("errors", summary.errors)
            body.array("schemes") { list in
                for id in summary.schemes.keys.sorted() {
                    guard let totals = summary.schemes[id] else { continue }
                    list.object { item in write(id, totals, into: &item) }
                }
            }
        }
        writer.endLine()
        return writer.bytes
    }

    private static func write(_ id: String, _ totals: SimulationSummary.SchemeTotals, into item: inout JSONWriter) {
        item.string("scheme", id)
        item.number("applications", totals.applications)
        for (key, outcomes) in [("outcomes_before", totals.outcomesBefore), ("outcomes_after", totals.outcomesAfter)] {
            item.object(key) { counts in
                for outcome in Outcome.allCases { counts.number(outcome.rawValue, outcomes[outcome] ?? 0) }
            }
        }
        item.string("amount_before", FrenchFormat.moneyCanonical(totals.amountBefore))
        item.string("amount_after", FrenchFormat.moneyCanonical(totals.amountAfter))
        item.string("difference", FrenchFormat.moneyCanonical(totals.difference))
    }
}
