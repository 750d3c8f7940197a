import Batch
import Evaluator
import ExactDecimal
import Foundation
import Platform
import Register
import RuleSet
import SchemeLanguage
import TestSupport
import Testing

/// The register on disk: repeatable batches, history, dry runs, pseudonyms, permissions.
@Suite struct RegisterTests {
    let catalog = SchemeCatalog.load(directory: Repository.path("Rules"))
    /// Removed with its content when the test is over.
    let temporary: TemporaryFolder
    var folder: String { temporary.path }

    init() throws {
        temporary = try TemporaryFolder("register")
    }

    func write(_ name: String, _ text: String) throws -> String {
        let path = "\(folder)/\(name)"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// An instruction batch, as in a working folder: it records a fiche for each application
    /// (unless `recording` is false, as for a dry run), and limits count the aid decided.
    func run(_ paths: [String], register: DecisionRegister, recording: Bool = true) throws -> BatchReport {
        BatchRunner(catalog: catalog, referenceDate: DecisionDay.endOf2021, output: try OutputFolder(directory: "\(folder)/out"), register: register, recording: recording,
                    issuance: .instruction()).run(paths: paths)
    }

    /// Decides the applications in filing order, each counting the aid decided before it.
    func decide(_ paths: [String], register: DecisionRegister) throws -> PresidentDecisions.Result {
        let result = try PresidentDecisions(catalog: catalog, date: DecisionDay.endOf2021).decide(paths, register: register)
        #expect(result.failures.isEmpty, "\(result.failures)")
        return result
    }

    @Test func runningABatchAgainGivesTheSameDecisionsAndCountsNothingTwice() throws {
        let register = try DecisionRegister.open(path: "\(folder)/r.sqlite")
        let paths = [
            try write("a.yaml", PDESIFixture.application("A", filed: "2020-10-12", category: "inscrit_1", expense: "60 000 €")),
            try write("b.yaml", PDESIFixture.application("B", filed: "2020-11-01", category: "inscrit_1", expense: "40 000 €")),
        ]
        // Instructed twice: the same fiches, and B's counts nothing, A being only instructed.
        let first = try run(paths, register: register)
        let second = try run(paths.reversed(), register: register)
        #expect(first.entries.map(\.amount) == second.entries.map(\.amount))
        #expect(second.entries.map(\.amount) == [DecimalNumber(30000), DecimalNumber(20000)])
        // Unchanged fiches add no history.
        #expect(try register.allEntries().count == 2)
        // Decided twice: the same decisions, A counted once in B's cap and never in its own.
        let decided = try decide(paths, register: register)
        let again = try decide(paths.reversed(), register: register)
        #expect(decided.evaluations.map(\.amount?.final) == again.evaluations.map(\.amount?.final))
        #expect(again.evaluations.map(\.amount?.final) == [DecimalNumber(30000), DecimalNumber(10000)])
        #expect(again["B"]?.limits.first?.entries.map(\.applicationID) == ["A"])
        // Unchanged decisions add no history: one fiche and one decision per application.
        #expect(try register.allEntries().count == 4)
        #expect(try register.currentEntries().map(\.stage) == [.decision, .decision])
    }

    @Test func aChangedApplicationReplacesItsEntryAndKeepsTheHistory() throws {
        let register = try DecisionRegister.open(path: "\(folder)/r.sqlite")
        let path = try write("a.yaml", PDESIFixture.application("A", category: "inscrit_1", expense: "60 000 €"))
        _ = try run([path], register: register)
        _ = try write("a.yaml", PDESIFixture.application("A", category: "inscrit_1", expense: "20 000 €"))
        _ = try run([path], register: register)
        let history = try register.history(of: "A")
        #expect(history.map(\.amount) == [DecimalNumber(30000), DecimalNumber(10000)])
        #expect(history.map(\.current) == [false, true])
        #expect(try register.granted(to: "216200001").isEmpty, "a fiche awards nothing")
        _ = try decide([path], register: register)
        #expect(try register.history(of: "A").map(\.current) == [false, false, true])
        #expect(try register.granted(to: "216200001").map(\.amount) == [DecimalNumber(10000)])
    }

    @Test func aDryRunReadsTheRegisterButRecordsNothing() throws {
        let register = try DecisionRegister.open(path: "\(folder)/r.sqlite")
        _ = try decide([try write("a.yaml", PDESIFixture.application("A", filed: "2020-10-12", category: "inscrit_1", expense: "60 000 €"))],
                       register: register)
        let dry = try run([try write("b.yaml", PDESIFixture.application("B", filed: "2020-11-01", category: "inscrit_1", expense: "40 000 €"))],
                          register: register, recording: false)
        #expect(dry.entries.first?.amount == DecimalNumber(10000), "the dry run reads A's decision")
        #expect(try register.allEntries().map(\.application) == ["A"])
    }

    @Test func personalIdentifiersArePseudonymisedWithAKeyOutsideTheDatabase() throws {
        let registerPath = "\(folder)/r.sqlite"
        let register = try DecisionRegister.open(path: registerPath)
        let household = try String(contentsOfFile: Repository.path("Applications/logement/01-solvabilisation-loyer-residuel.yaml"), encoding: .utf8)
        let householdPath = try write("s.yaml", household)
        // A fiche, then a decision: neither row holds the identifier in clear.
        _ = try run([householdPath], register: register)
        #expect(try register.currentEntries().first { $0.scheme == "fonds-solvabilisation" }?.beneficiary?.hasPrefix("p:") == true)
        _ = try decide([householdPath], register: register)
        #expect(try register.allEntries().map(\.stage) == [.instruction, .decision])
        let entry = try #require(try register.currentEntries().first { $0.scheme == "fonds-solvabilisation" })
        let stored = try #require(entry.beneficiary)
        #expect(stored.hasPrefix("p:") && !stored.contains("ASE-62"))
        #expect(!entry.keys.contains { $0.key.contains("ASE-62") })
        // The database file holds no clear identifier.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: registerPath))
        #expect(bytes.range(of: Data("ASE-62-1001".utf8)) == nil)
        // The key sits beside it, owner-only, and finds the beneficiary again.
        let attributes = try FileManager.default.attributesOfItem(atPath: registerPath + ".key")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect((try FileManager.default.attributesOfItem(atPath: registerPath)[.posixPermissions] as? Int) == 0o600)
        #expect(try register.granted(to: "ASE-62-1001").count == 1)
        // Another key gives another pseudonym.
        let other = try DecisionRegister.open(path: "\(folder)/other.sqlite")
        _ = try decide([try write("s2.yaml", household)], register: other)
        #expect(try other.currentEntries().first { $0.scheme == "fonds-solvabilisation" }?.beneficiary != stored)
    }

    @Test func twelveMonthsPerYoungPersonAcrossApplications() throws {
        let register = try DecisionRegister.inMemory()
        func solvency(_ id: String, _ filed: String, months: Int) -> String {
            """
            scheme: fonds-solvabilisation
            id: \(id)
            filed: \(filed)
            applicant: {name: Test}
            facts:
              jeune: {identifiant: ASE-1, date_naissance: 2000-03-15, parcours_ase_62: true, contrat_jeune_majeur: false, insertion_professionnelle: true}
              accompagnement: {necessaire: false}
              fsl: {intervention: impossible}
              demande: {premier_mois: \(filed.prefix(8))01, nombre_mois: \(months)}
              logement: {type: ordinaire, loyer: 450 €, charges: 50 €, apl: 270 €}
            pieces: [piece-identite, quittance, attestation-caf, decision-fsl-loyer]
            confirmed: all
            findings: {ressources-insuffisantes: {satisfied: true}}
            """
        }
        let decided = try decide([
            try write("1.yaml", solvency("S1", "2020-01-10", months: 8)),
            try write("2.yaml", solvency("S2", "2020-10-10", months: 8)),
            try write("3.yaml", solvency("S3", "2021-06-10", months: 2)),
        ], register: register)
        #expect(decided["S1"]?.amount?.final == DecimalNumber(8 * 230))
        #expect(decided["S2"]?.amount?.final == DecimalNumber(4 * 230), "only 4 of the 12 months are left")
        #expect(decided["S3"]?.outcome == .unfavorable, "the 12 months are used")
    }
}
