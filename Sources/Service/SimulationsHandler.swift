import Decisions
import Foundation
import Imports
import Platform
import RuleSet
import SchemeLanguage
import Simulation
import YAMLReader

/// `POST /simulations`: a reform and a portfolio, both as YAML texts in one JSON (or YAML)
/// object `{"reform": "…", "portfolio": "…"}`, simulated as `guichet simulate` does (each
/// application under today's rules and under the reform, registers in memory), answered with
/// the totals by scheme: outcomes and amounts, gains and losses, for a call its selection in
/// each run, why applications change, grouped, and the breakdowns the reform asks for (by an
/// input's values, by the commune's population band and arrondissement), their small groups
/// merged as in the report. No application and no applicant is named in the answer: only counts
/// and sums, which a reform is judged on.
struct SimulationsHandler: Sendable {
    let catalog: SchemeCatalog
    /// The reference of communes, for a reform that breaks down by commune.
    let communes: CommuneReference?

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
        if !reform.communes.isEmpty, communes == nil {
            return APIResponse(.invalid("la réforme ventile les montants par commune (commune: dans breakdown), et ce service n'a pas de référentiel des communes utilisable (\(CommuneReference.relativePath) dans son dossier de règles) : retirez cette ventilation, ou demandez à l'exploitant d'installer le référentiel"))
        }
        do {
            let simulation = Simulation(catalog: catalog, reform: reform, communes: communes)
            let summary = try Self.simulate(portfolio: fields.portfolio, with: simulation)
            return APIResponse(body: Self.json(summary, impact: ReformImpact(summary, catalog: catalog)))
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

    private static func json(_ summary: SimulationSummary, impact: ReformImpact) -> [UInt8] {
        var writer = JSONWriter(capacity: 4_096)
        writer.object { body in
            body.string("reform", summary.reform.name)
            body.number("applications", summary.applications)
            body.number("errors", summary.errors)
            body.array("schemes") { list in
                for id in summary.schemes.keys.sorted() {
                    guard let totals = summary.schemes[id] else { continue }
                    list.object { item in write(id, totals, impact.schemes.first { $0.id == id }, into: &item) }
                }
            }
        }
        writer.endLine()
        return writer.bytes
    }

    private static func write(_ id: String, _ totals: SimulationSummary.SchemeTotals, _ scheme: SchemeImpact?, into item: inout JSONWriter) {
        item.string("scheme", id)
        item.number("applications", totals.applications)
        for (key, outcomes) in [("outcomes_before" as JSONKey, totals.outcomesBefore), ("outcomes_after", totals.outcomesAfter)] {
            item.object(key) { counts in
                for outcome in Outcome.allCases { counts.number(JSONKey(outcome.rawValue), outcomes[outcome] ?? 0) }
            }
        }
        item.string("amount_before", FrenchFormat.moneyCanonical(totals.amountBefore))
        item.string("amount_after", FrenchFormat.moneyCanonical(totals.amountAfter))
        item.string("difference", FrenchFormat.moneyCanonical(totals.difference))
        item.number("changed", totals.changed)
        item.number("gainers", scheme?.gainers ?? 0)
        item.string("gained", FrenchFormat.moneyCanonical(totals.gained))
        item.number("losers", scheme?.losersCount ?? 0)
        item.string("lost", FrenchFormat.moneyCanonical(totals.lost))
        if let call = totals.call {
            item.object("call") { object in
                object.string("envelope_before", totals.envelopeBefore.map(FrenchFormat.moneyCanonical))
                object.string("envelope_after", totals.envelopeAfter.map(FrenchFormat.moneyCanonical))
                object.object("before") { write(call.before, into: &$0) }
                object.object("after") { write(call.after, into: &$0) }
            }
        }
        if let scheme { writeBreakdowns(scheme, into: &item) }
        item.array("reasons") { list in
            for reason in scheme?.reasons ?? [] {
                list.object { object in
                    object.string("effect", String(describing: reason.reason.effect))
                    object.string("cause", String(describing: reason.reason.cause))
                    object.number("count", reason.count)
                    object.string("difference", FrenchFormat.moneyCanonical(reason.difference))
                    object.string("text", reason.sentence)
                }
            }
        }
    }

    /// One run of a call's selection: laureates, waiting list, envelope used and needed.
    private static func write(_ run: SimulationSummary.CallFigures.Run, into object: inout JSONWriter) {
        object.number("admissible", run.admissible)
        object.number("laureates", run.retained)
        object.number("waiting_list", run.waiting)
        object.number("not_retained", run.notRetained)
        object.string("envelope_used", FrenchFormat.moneyCanonical(run.used))
        object.string("envelope_needed", FrenchFormat.moneyCanonical(run.needed))
        object.string("unselected", run.unselected)
    }

    /// The breakdowns of one scheme, when the reform asks for any and they can be shown.
    private static func writeBreakdowns(_ scheme: SchemeImpact, into item: inout JSONWriter) {
        let byInput = scheme.breakdown != nil
        let byCommune = scheme.communeInput != nil
        guard byInput || byCommune else { return }
        item.object("breakdowns") { object in
            if byInput, let input = scheme.breakdown {
                object.string("input", input)
                object.array("groups") { write(scheme.groups, into: &$0) }
            }
            if byCommune, let input = scheme.communeInput {
                object.string("commune_input", input)
                object.array("population_bands") { write(scheme.populationGroups, into: &$0) }
                object.array("arrondissements") { write(scheme.territoryGroups, into: &$0) }
                object.number("unattached", scheme.unattached)
            }
        }
    }

    private static func write(_ groups: [SchemeImpact.Group], into list: inout JSONWriter) {
        for group in groups {
            list.object { object in
                object.string("value", group.value)
                object.string("label", group.label)
                object.number("count", group.count)
                object.string("amount_before", FrenchFormat.moneyCanonical(group.amounts.before))
                object.string("amount_after", FrenchFormat.moneyCanonical(group.amounts.after))
                object.string("difference", FrenchFormat.moneyCanonical(group.amounts.difference))
            }
        }
    }
}
