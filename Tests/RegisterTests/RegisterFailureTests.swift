import Batch
import Foundation
import GRDB
import Platform
import Portfolios
@testable import Register
import RuleSet
import SchemeLanguage
import Synchronization
import TestSupport
import Testing

/// A register that cannot be written (full disk, another process holding it) stops the batch with
/// a message saying what failed, where and how much was recorded; the report hides nothing, and
/// running the batch again completes it.
@Suite struct RegisterFailureTests {
    let catalog = SchemeCatalog.load(directory: Repository.path("Rules"))
    /// Removed with its content when the test is over.
    let temporary: TemporaryFolder
    var folder: String { temporary.path }

    init() throws {
        temporary = try TemporaryFolder("register-failure")
    }

    /// A stream of synthetic PDESI applications.
    func stream(_ count: Int) throws -> String {
        var generator = SyntheticApplications(scheme: try #require(catalog.schemes["pdesi"]), seed: 62)
        let path = "\(folder)/stream-\(count).yaml"
        try Data((1...count).map { generator.document($0) }.joined().utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// An instruction batch, which records a fiche for each application.
    func run(_ stream: String, _ register: DecisionRegister, out: String) throws -> BatchReport {
        // Synthetic filing dates run to the end of their year: decided after all of them.
        BatchRunner(catalog: catalog, referenceDate: DecisionDay.endOf2021, output: try OutputFolder(directory: "\(folder)/\(out)"),
                    register: register, issuance: .instruction()).run(paths: [stream])
    }

    func options(busyTimeout: Duration = .seconds(5), maxPageCount: Int? = nil) -> DecisionRegister.Options {
        var options = DecisionRegister.Options()
        options.busyTimeout = busyTimeout
        options.maxPageCount = maxPageCount
        return options
    }

    func pages(_ path: String) throws -> Int {
        try DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "PRAGMA page_count") ?? 0 }
    }

    @Test func aFullDiskStopsTheBatchSaysWhatWasRecordedAndTheNextRunCompletesIt() throws {
        let count = 1500
        let path = try stream(count)
        let referencePath = "\(folder)/reference.sqlite"
        let reference = try run(path, try DecisionRegister.open(path: referencePath), out: "reference")
        #expect(reference.failureCount == 0)

        // A register allowed five sixths of the size it needs: writes fail as on a full disk, once
        // the first group of 1000 decisions is committed.
        let fullPath = "\(folder)/full.sqlite"
        let limited = try DecisionRegister.open(path: fullPath, keyPath: nil, options: options(maxPageCount: try pages(referencePath) * 5 / 6))
        let report = try run(path, limited, out: "full")
        let failure = try #require(report.registerFailure)
        #expect(failure.hasPrefix("impossible d'écrire dans le registre \(fullPath) : le disque est plein"), "\(failure)")
        #expect(!failure.contains("no transaction is active"))
        let recorded = try DecisionRegister.openExisting(path: fullPath).currentEntries().count
        #expect(recorded >= 1000 && recorded < count, "whole groups are committed before the failure")
        #expect(failure.contains("\(FrenchFormat.count(recorded)) décisions ont été enregistrées dans cette exécution"))
        #expect(failure.contains("Libérez de la place sur le disque, puis relancez la même commande"))
        // The report hides nothing: one entry per application, and only the recorded ones without error.
        #expect(report.entries.count == count)
        #expect(report.failureCount == count - recorded)
        #expect(report.entries.filter { $0.diagnostics.isEmpty }.count == recorded)
        #expect(report.entries.contains { $0.unrecorded != nil && $0.decisionPath != nil }, "decided, written, not recorded")
        #expect(report.entries.contains { $0.diagnostics.first?.message.hasPrefix("demande non traitée") == true })

        // Run again with room: the register ends exactly as after an uninterrupted run.
        let again = try run(path, try DecisionRegister.open(path: fullPath), out: "full")
        #expect(again.registerFailure == nil && again.failureCount == 0)
        let expected = try DecisionRegister.openExisting(path: referencePath).currentEntries()
        let obtained = try DecisionRegister.openExisting(path: fullPath).currentEntries()
        #expect(obtained.count == expected.count)
        #expect(zip(obtained, expected).allSatisfy { a, b in
            a.application == b.application && a.amount == b.amount && a.outcome == b.outcome && a.inputHash == b.inputHash
        })
        #expect(try DecisionRegister.openExisting(path: fullPath).allEntries().count == count, "nothing counted twice")
        for name in try FileManager.default.contentsOfDirectory(atPath: "\(folder)/reference") where name.hasSuffix(".md") {
            let a = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/reference/\(name)"))
            let b = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/full/\(name)"))
            #expect(a == b, "\(name) differs from the uninterrupted run")
        }
    }

    /// `guichet evaluate` keeps its entries compact (`BatchRunner.runCompact`): stopped by a
    /// full disk, they still say which decisions were taken but not recorded, and which
    /// applications were not decided, as whole entries do.
    @Test func aCompactReportOfAStoppedBatchSaysWhatAWholeOneSays() throws {
        let count = 1500
        let path = try stream(count)
        let referencePath = "\(folder)/reference.sqlite"
        _ = try run(path, try DecisionRegister.open(path: referencePath), out: "reference")
        func limited(_ name: String) throws -> DecisionRegister {
            try DecisionRegister.open(path: "\(folder)/\(name).sqlite", keyPath: nil, options: options(maxPageCount: try pages(referencePath) * 5 / 6))
        }
        let whole = try run(path, try limited("whole"), out: "out-whole")
        let compact = BatchRunner(catalog: catalog, referenceDate: DecisionDay.endOf2021, output: try OutputFolder(directory: "\(folder)/out-compact"),
                                  register: try limited("compact"), issuance: .instruction()).runCompact(paths: [path])
        #expect(whole.registerFailure != nil && compact.registerFailure?.replacing("compact.sqlite", with: "whole.sqlite") == whole.registerFailure)
        #expect(compact.entries.contains { $0.unrecorded != nil } && compact.entries.contains { $0.diagnostics.first?.message.hasPrefix("demande non traitée") == true })
        #expect(compact.entries.map(SummaryLine.render) == whole.entries.map(SummaryLine.render))
        #expect(compact.failureCount == whole.failureCount && compact.count(of: .favorable) == whole.count(of: .favorable))
    }

    @Test func aSecondWriterWaitsThenNamesTheProcessThatHoldsTheRegister() throws {
        let path = "\(folder)/r.sqlite"
        let holder = try DecisionRegister.open(path: path)
        try holder.claim()
        defer { holder.release() }
        let second = try DecisionRegister.open(path: path, keyPath: nil, options: options(busyTimeout: .milliseconds(300)))
        let start = ContinuousClock.now
        let report = try run(try stream(3), second, out: "out")
        #expect(ContinuousClock.now - start >= .milliseconds(300), "it waited for the other writer")
        let failure = try #require(report.registerFailure)
        #expect(failure.hasPrefix("le registre \(path) est utilisé par un autre processus guichet (pid \(getpid()), depuis "), "\(failure)")
        #expect(failure.contains("attendez qu'il se termine"))
        #expect(report.entries.count == 3 && report.failureCount == 3, "each application says it was not decided")
        #expect(report.entries.allSatisfy { $0.diagnostics.first?.message.hasPrefix("demande non traitée") == true })
        #expect(try holder.allEntries().isEmpty)
    }

    @Test func aSecondWriterGoesOnWhenTheFirstEndsInTime() throws {
        let path = "\(folder)/r.sqlite"
        let holder = try DecisionRegister.open(path: path)
        try holder.claim()
        // The second writer runs on its own thread with its own register; this one lets go in time.
        let applications = try stream(3)
        let outcome = Mutex<Result<BatchReport, any Error>?>(nil)
        let finished = DispatchSemaphore(value: 0)
        Thread {
            let report = Result { try run(applications, try DecisionRegister.open(path: path), out: "out") }
            outcome.withLock { $0 = report }
            finished.signal()
        }.start()
        usleep(200_000)
        holder.release()
        finished.wait()
        let report = try #require(outcome.withLock { $0 }).get()
        #expect(report.registerFailure == nil && report.failureCount == 0)
        #expect(try holder.currentEntries().count == 3)
    }

    @Test func aLockHeldOutsideGuichetIsReportedAfterTheTimeout() throws {
        let path = "\(folder)/r.sqlite"
        let register = try DecisionRegister.open(path: path, keyPath: nil, options: options(busyTimeout: .milliseconds(200)))
        // Another program holds SQLite's write lock, from its own connection and thread.
        let other = try DatabaseQueue(path: path)
        let locked = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        Thread {
            try? other.writeWithoutTransaction { db in
                try db.beginTransaction(.immediate)
                locked.signal()
                done.wait()
                try db.rollback()
            }
        }.start()
        locked.wait()
        defer { done.signal() }
        let report = try run(try stream(2), register, out: "out")
        let failure = try #require(report.registerFailure)
        #expect(failure.contains("le registre \(path) : un autre programme que guichet le tient verrouillé"), "\(failure)")
        #expect(report.failureCount == 2)
    }

    @Test func aBatchThatOnlyReadsNeedsNoLock() throws {
        let path = "\(folder)/r.sqlite"
        let holder = try DecisionRegister.open(path: path)
        try holder.claim()
        defer { holder.release() }
        let reader = try DecisionRegister.open(path: path, keyPath: nil, options: options(busyTimeout: .milliseconds(100)))
        let report = BatchRunner(catalog: catalog, referenceDate: DecisionDay.endOf2021, output: nil, register: reader, recording: false).run(paths: [try stream(2)])
        #expect(report.registerFailure == nil && report.failureCount == 0)
    }
}
