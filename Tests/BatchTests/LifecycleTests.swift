import Batch
import Decisions
import Evaluator
import ExactDecimal
import Foundation
import Platform
import Register
import RuleSet
import SchemeLanguage
import TestSupport
import Testing

/// The life of an application through the Batch API: instructed (a fiche, which awards nothing),
/// proposed to a sitting (where the sitting's earlier proposals count), decided by the competent
/// body (as proposed or amended), notified (and never touched again by a batch), decided again
/// (the later decisions that shared a limit with it listed for revision).
@Suite struct LifecycleTests {
    /// The PDESI envelope, which the text leaves unset, given its fictitious sample value.
    let catalog = FictitiousParameters.rules()
    /// Removed with its content when the test is over.
    let temporary: TemporaryFolder
    var folder: String { temporary.path }
    let actor = Actor(name: "instructeur", at: "2020-11-02T09:00:00Z")
    let deployment = Deployment(authority: "cd62",
                                signatory: Deployment.Signatory(firstName: "Jean", name: "Dupont", title: "Président du Conseil départemental"))

    init() throws {
        temporary = try TemporaryFolder("lifecycle")
    }

    static func date(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    func write(_ name: String, _ text: String) throws -> String {
        let path = temporary.file(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Two projects of one owner (same SIREN) in 2020: A for 60 000 € of expense (30 000 € of
    /// aid), then B for 40 000 € (20 000 €, or only the 10 000 € left of the 40 000 € yearly cap
    /// once A's 30 000 € count).
    func sameOwnerProjects(expenseOfA: String = "60 000 €") throws -> [String] {
        [try write("a.yaml", PDESIFixture.application("A", filed: "2020-10-12", category: "inscrit_1", expense: expenseOfA)),
         try write("b.yaml", PDESIFixture.application("B", filed: "2020-11-01", category: "inscrit_1", expense: "40 000 €"))]
    }

    func instruct(_ paths: [String], register: DecisionRegister, output: OutputFolder? = nil, on day: String = "2020-11-02") -> BatchReport {
        BatchRunner(catalog: catalog, referenceDate: Self.date(day), output: output, register: register,
                    issuance: .instruction(on: Self.date(day)), actor: actor)
            .run(paths: paths)
    }

    var pdesi: Scheme { catalog.schemes["pdesi"]! }
    let sitting = DecisionAct(body: .standingCommittee, reference: "CP-2020-11-16", date: LocalDate(iso: "2020-11-16")!)

    /// Proposes the call's laureates to the Commission permanente's sitting.
    func select(_ paths: [String], register: DecisionRegister, output: OutputFolder) throws -> SittingRun.Outcome {
        try SittingRun(catalog: catalog, scheme: pdesi, sitting: sitting,
                       issuance: Issuance(stage: .instruction, referenceDate: sitting.date, deployment: deployment), actor: actor, files: try SentFiles.repository())
            .run(paths: paths, register: register, output: output)
    }

    /// The sitting's vote on its proposals.
    func decide(_ paths: [String], register: DecisionRegister, output: OutputFolder,
                vote: DecisionRun.Vote = DecisionRun.Vote()) throws -> DecisionRun.Result {
        let act = DecisionAct(body: .standingCommittee, reference: "CP20201116-15", date: sitting.date)
        return try DecisionRun(catalog: catalog, scheme: pdesi, act: act, sitting: sitting.reference, deployment: deployment,
                               actor: actor, vote: vote, files: try SentFiles.repository()).run(paths: paths, register: register, output: output)
    }

    // MARK: (a) Instruction

    /// A fiche is recorded, with who made it, but awards nothing: the owner's second project
    /// is instructed for its whole 20 000 €, until the first is decided.
    @Test func anInstructionFicheCountsInNoLimit() throws {
        let register = try DecisionRegister.open(path: temporary.file("r.sqlite"))
        let paths = try sameOwnerProjects()
        let report = instruct(paths, register: register)
        #expect(report.failureCount == 0, "\(report.entries.flatMap(\.diagnostics))")
        #expect(report.entries.map(\.amount) == [DecimalNumber(30000), DecimalNumber(20000)])
        guard case .decided(let fiche) = report.entries.last?.result else {
            Issue.record("B not instructed")
            return
        }
        #expect(fiche.limits.first?.entries.isEmpty == true, "A's fiche is not an earlier decision")
        let entries = try register.currentEntries()
        #expect(entries.map(\.stage) == [.instruction, .instruction])
        #expect(entries.map(\.stageRecord.actor) == ["instructeur", "instructeur"])
        #expect(entries.map(\.stageRecord.referenceDate) == [Self.date("2020-11-02"), Self.date("2020-11-02")])
        #expect(try register.granted(to: "216200001").isEmpty, "a fiche awards nothing")

        // Instructed again, B still counts nothing; once A is decided, B's fiche counts it.
        #expect(instruct(paths, register: register).entries.map(\.amount) == [DecimalNumber(30000), DecimalNumber(20000)])
        _ = try PresidentDecisions(catalog: catalog).decide([paths[0]], register: register)
        let after = instruct([paths[1]], register: register)
        #expect(after.entries.map(\.amount) == [DecimalNumber(10000)])
        #expect(try register.granted(to: "216200001").map(\.application) == ["A"])
    }

    /// A simulation, the default, records nothing even with a register.
    @Test func aSimulationRecordsNothing() throws {
        let register = try DecisionRegister.open(path: temporary.file("r.sqlite"))
        let report = BatchRunner(catalog: catalog, referenceDate: Self.date("2020-11-02"), output: nil, register: register)
            .run(paths: try sameOwnerProjects())
        #expect(report.entries.map(\.amount) == [DecimalNumber(30000), DecimalNumber(20000)])
        #expect(try register.allEntries().isEmpty)
    }

    // MARK: (b) Selection at a sitting

    /// Both projects of the owner are retained at the sitting, the second for what the first's
    /// proposal leaves of the yearly cap; proposed, neither is awarded yet.
    @Test func theSecondProjectOfAnOwnerIsCappedByTheFirstsProposal() throws {
        let register = try DecisionRegister.open(path: temporary.file("r.sqlite"))
        let output = try OutputFolder(directory: temporary.file("out"))
        let paths = try sameOwnerProjects()
        _ = instruct(paths, register: register)
        let outcome = try select(paths, register: register, output: output)
        #expect(outcome.report.failureCount == 0, "\(outcome.report.entries.flatMap(\.diagnostics))")
        let selection = try #require(outcome.selection)
        #expect(selection.retained.map(\.evaluation.application.id) == ["A", "B"])
        #expect(selection.retained.map(\.amount) == [DecimalNumber(30000), DecimalNumber(10000)])
        #expect(selection.retained.last?.evaluation.limits.first?.entries.map(\.applicationID) == ["A"])
        #expect(selection.used == DecimalNumber(40000))
        let entries = try register.currentEntries()
        #expect(entries.map(\.stage) == [.proposal, .proposal])
        #expect(entries.map(\.amount) == [DecimalNumber(30000), DecimalNumber(10000)])
        #expect(entries.allSatisfy { $0.stageRecord.act == sitting })
        #expect(try register.granted(to: "216200001").isEmpty, "a proposal awards nothing")

        // The same selection again proposes the same, counting A's proposal once.
        let again = try select(paths, register: register, output: output)
        #expect(again.selection?.retained.map(\.amount) == [DecimalNumber(30000), DecimalNumber(10000)])
        #expect(again.withdrawn.isEmpty)
        #expect(try register.currentEntries() == entries)
    }

    // MARK: (c) Decision with an amendment

    /// The Commission votes A at 25 000 € instead of the 30 000 € proposed, and B as proposed:
    /// the register holds exactly the amounts voted, A's with what was proposed.
    @Test func aDecisionWithOneAmendedAmount() throws {
        let register = try DecisionRegister.open(path: temporary.file("r.sqlite"))
        let output = try OutputFolder(directory: temporary.file("out"))
        let paths = try sameOwnerProjects()
        _ = instruct(paths, register: register)
        _ = try select(paths, register: register, output: output)
        let result = try decide(paths, register: register, output: output, vote: DecisionRun.Vote(amendments: ["A": DecimalNumber(25000)]))
        #expect(result.skipped.isEmpty, "\(result.skipped)")
        #expect(result.decided.map(\.id) == ["A", "B"])
        #expect(result.decided.map(\.amount) == [DecimalNumber(25000), DecimalNumber(10000)])
        #expect(result.decided.map(\.proposed) == [DecimalNumber(30000), nil])
        #expect(result.revisions.isEmpty)
        #expect(FileManager.default.fileExists(atPath: output.path("A.decision.md")))

        let entries = try register.currentEntries()
        #expect(entries.map(\.application) == ["A", "B"])
        #expect(entries.map(\.stage) == [.decision, .decision])
        #expect(entries.map(\.amount) == [DecimalNumber(25000), DecimalNumber(10000)])
        #expect(entries.map(\.stageRecord.proposedAmount) == [DecimalNumber(30000), nil])
        #expect(entries.allSatisfy { $0.stageRecord.act?.reference == "CP20201116-15" && $0.stageRecord.documentHash != nil })
        #expect(try register.granted(to: "216200001").map(\.amount) == [DecimalNumber(25000), DecimalNumber(10000)])
        // A decision already taken by a body that votes is not taken again without a new proposal.
        let twice = try decide(paths, register: register, output: output)
        #expect(twice.decided.isEmpty)
        #expect(try register.currentEntries() == entries)
    }

    // MARK: (d) Notification, then a batch

    /// Once notified, a decision is never instructed again by a batch, whatever its file now
    /// says: its act stays byte for byte, its entry as it was.
    @Test func aNotifiedDecisionIsKeptByALaterBatch() throws {
        let register = try DecisionRegister.open(path: temporary.file("r.sqlite"))
        let output = try OutputFolder(directory: temporary.file("out"))
        let paths = try sameOwnerProjects()
        _ = instruct(paths, register: register, output: output)
        _ = try select(paths, register: register, output: output)
        _ = try decide(paths, register: register, output: output, vote: DecisionRun.Vote(amendments: ["A": DecimalNumber(25000)]))
        let notified = try NotificationRun(scheme: pdesi, notifiedOn: Self.date("2020-11-23"), actor: actor, only: nil).run(register: register, output: output)
        #expect(notified.skipped.isEmpty, "\(notified.skipped)")
        #expect(notified.notified.map(\.id) == ["A", "B"])
        let entries = try register.currentEntries()
        #expect(entries.map(\.stage) == [.notified, .notified])
        #expect(entries.map(\.stageRecord.notifiedOn) == [Self.date("2020-11-23"), Self.date("2020-11-23")])
        #expect(entries.map(\.amount) == [DecimalNumber(25000), DecimalNumber(10000)], "notified as decided")
        let history = try register.allEntries().count
        let files = ["A.notification.md", "A.notification.json", "A.decision.md", "A.md", "A.json"]
        let before = try files.map { try Data(contentsOf: URL(fileURLWithPath: output.path($0))) }

        // A's file now asks for more: the batch keeps A (and B) as notified.
        _ = try sameOwnerProjects(expenseOfA: "80 000 €")
        let report = instruct(paths, register: register, output: output, on: "2020-12-01")
        #expect(report.failureCount == 0)
        #expect(report.entries.map(\.kept) == [.notified, .notified])
        #expect(report.entries.allSatisfy { $0.decisionPath == nil }, "no document written")
        let after = try files.map { try Data(contentsOf: URL(fileURLWithPath: output.path($0))) }
        for (name, (a, b)) in zip(files, zip(before, after)) { #expect(a == b, "\(name) changed") }
        #expect(try register.currentEntries() == entries)
        #expect(try register.allEntries().count == history, "nothing recorded")
        // Nor is it notified again.
        let renotified = try NotificationRun(scheme: pdesi, notifiedOn: Self.date("2020-12-02"), actor: actor, only: nil).run(register: register, output: output)
        #expect(renotified.notified.isEmpty)
        #expect(try register.currentEntries() == entries)
    }

    /// Each act is written as Markdown, HTML and ODT, all three recorded: an ODT or an HTML
    /// edited after the vote stops its notification, as an edited Markdown does.
    @Test(arguments: ["odt", "html"])
    func anEditedRenditionIsNotNotified(_ format: String) throws {
        let register = try DecisionRegister.open(path: temporary.file("r.sqlite"))
        let output = try OutputFolder(directory: temporary.file("out"))
        let paths = try sameOwnerProjects()
        _ = instruct(paths, register: register, output: output)
        _ = try select(paths, register: register, output: output)
        _ = try decide(paths, register: register, output: output)
        for name in ["A.decision.md", "A.decision.html", "A.decision.odt"] {
            #expect(FileManager.default.fileExists(atPath: output.path(name)), "\(name)")
        }
        let decided = try #require(try register.currentEntries().first { $0.application == "A" })
        let bytes = try Data(contentsOf: URL(fileURLWithPath: output.path("A.decision.\(format)")))
        #expect(SHA256.hex(of: Array(bytes)) == (format == "odt" ? decided.stageRecord.odtHash : decided.stageRecord.htmlHash))
        var edited = bytes
        edited.append(contentsOf: Array(" ".utf8))
        try edited.write(to: URL(fileURLWithPath: output.path("A.decision.\(format)")))
        let notified = try NotificationRun(scheme: pdesi, notifiedOn: Self.date("2020-11-23"), actor: actor, only: nil).run(register: register, output: output)
        #expect(notified.notified.map(\.id) == ["B"])
        #expect(notified.skipped.map(\.id) == ["A"])
        #expect(notified.skipped.first?.reason.contains("A.decision.\(format) n'est plus celui qui a été décidé") == true, "\(notified.skipped)")
    }

    // MARK: (e) Deciding again

    /// The housing fund's months are decided by the President by delegation: S1 (8 months), then
    /// S2 for the same young person (only the 4 months left of 12).
    func decideMonths(_ paths: [String], register: DecisionRegister, output: OutputFolder, reference: String,
                      on day: String, reexamine: Set<String> = []) throws -> DecisionRun.Result {
        let act = DecisionAct(body: .presidentByDelegation, reference: reference, date: Self.date(day))
        return try DecisionRun(catalog: catalog, scheme: try #require(catalog.schemes["fonds-solvabilisation"]), act: act, sitting: nil,
                               deployment: deployment, actor: actor, vote: DecisionRun.Vote(reexamined: reexamine), files: try SentFiles.repository())
            .run(paths: paths, register: register, output: output)
    }

    func youngPersonDecided(register: DecisionRegister, output: OutputFolder) throws -> [String] {
        let housing = HousingFixture()
        let paths = [
            try write("s1.yaml", housing.solvency(id: "S1", person: "ASE-T", filed: "2020-01-10", first: "2020-02-01", months: 8)),
            try write("s2.yaml", housing.solvency(id: "S2", person: "ASE-T", filed: "2020-10-10", first: "2020-11-01", months: 8)),
        ]
        let fiches = instruct(paths, register: register, output: output)
        #expect(fiches.entries.map(\.amount) == [DecimalNumber(8 * 230), DecimalNumber(8 * 230)], "fiches count no month")
        let decided = try decideMonths(paths, register: register, output: output, reference: "DEC-2020-101", on: "2020-11-02")
        #expect(decided.skipped.isEmpty, "\(decided.skipped)")
        #expect(decided.decided.map(\.amount) == [DecimalNumber(8 * 230), DecimalNumber(4 * 230)], "only 4 of the 12 months are left")
        return paths
    }

    /// S1 decided again for 4 months: S2, decided after it on what S1 then held, is listed for
    /// revision, never changed silently.
    @Test func decidingAgainListsTheLaterDecisionSharingALimit() throws {
        let register = try DecisionRegister.open(path: temporary.file("r.sqlite"))
        let output = try OutputFolder(directory: temporary.file("out"))
        let paths = try youngPersonDecided(register: register, output: output)
        let s2 = try #require(try register.currentEntries().first { $0.application == "S2" })
        _ = try write("s1.yaml", HousingFixture().solvency(id: "S1", person: "ASE-T", filed: "2020-01-10", first: "2020-02-01", months: 4))
        let again = try decideMonths([paths[0]], register: register, output: output, reference: "DEC-2020-140", on: "2020-12-01",
                                     reexamine: ["S1"])
        #expect(again.decided.map(\.id) == ["S1"])
        #expect(again.decided.map(\.amount) == [DecimalNumber(4 * 230)])
        #expect(again.revisions.map(\.id) == ["S2"])
        #expect(again.revisions.map(\.cause) == ["S1"])
        #expect(again.revisions.first?.change == nil, "S2's file was not given")
        #expect(try register.currentEntries().first { $0.application == "S2" } == s2, "S2 stays as decided")
        // S1's first decision stays in its history, replaced; its act stays on disk as it was
        // decided, and the new act has a name of its own, never written over the first.
        #expect(try register.history(of: "S1").map(\.stage) == [.instruction, .decision, .decision])
        #expect(try register.history(of: "S1").map(\.current) == [false, false, true])
        #expect(try register.history(of: "S1").compactMap(\.decisionFile).suffix(2) == ["S1.decision.md", "S1.decision-2.md"])
        let first = try #require(try register.history(of: "S1")[1].stageRecord.documentHash)
        #expect(SHA256.hex(of: try RegularFile.read(output.path("S1.decision.md"))) == first)
        #expect(again.decided.first?.document == output.path("S1.decision-2.md"))
    }

    /// S2 notified, then S1 decided again with both files given: S2 cannot be decided again,
    /// and the revision says what it would be now.
    @Test func aRevisionSaysWhatTheLaterDecisionWouldBeNow() throws {
        let register = try DecisionRegister.open(path: temporary.file("r.sqlite"))
        let output = try OutputFolder(directory: temporary.file("out"))
        let paths = try youngPersonDecided(register: register, output: output)
        let notified = try NotificationRun(scheme: try #require(catalog.schemes["fonds-solvabilisation"]), notifiedOn: Self.date("2020-11-09"), actor: actor, only: ["S2"])
            .run(register: register, output: output)
        #expect(notified.notified.map(\.id) == ["S2"], "\(notified.skipped)")
        _ = try write("s1.yaml", HousingFixture().solvency(id: "S1", person: "ASE-T", filed: "2020-01-10", first: "2020-02-01", months: 4))
        let again = try decideMonths(paths, register: register, output: output, reference: "DEC-2020-140", on: "2020-12-01",
                                     reexamine: ["S1"])
        #expect(again.decided.map(\.id) == ["S1"])
        #expect(again.skipped.isEmpty && again.alreadyDecided == 1, "S2, notified, is left as it is: \(again.skipped)")
        let revision = try #require(again.revisions.first)
        #expect(again.revisions.count == 1)
        #expect(revision.id == "S2" && revision.cause == "S1")
        let was = FrenchFormat.money(DecimalNumber(4 * 230)), now = FrenchFormat.money(DecimalNumber(8 * 230))
        #expect(revision.change == "décidée « favorable, \(was) », elle serait aujourd'hui « favorable, \(now) »", "\(revision.change ?? "")")
        #expect(try register.currentEntries().first { $0.application == "S2" }?.amount == DecimalNumber(4 * 230))
    }
}
