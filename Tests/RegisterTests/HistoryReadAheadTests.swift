import GRDB
@testable import Register
import SchemeLanguage
import TestSupport
import Testing

/// Histories read ahead for a decision run: the same as read one by one, and up to date once
/// the run records an application.
@Suite struct HistoryReadAheadTests {
    let base = try! RegisterTests()

    /// A register where A was instructed then decided (two entries) and B only instructed.
    func register() throws -> (DecisionRegister, scheme: String) {
        let register = try DecisionRegister.open(path: "\(base.folder)/r.sqlite")
        let a = try base.write("a.yaml", PDESIFixture.application("A", filed: "2020-10-12", category: "inscrit_1", expense: "60 000 €"))
        let b = try base.write("b.yaml", PDESIFixture.application("B", filed: "2020-11-01", category: "inscrit_1", expense: "40 000 €"))
        _ = try base.run([a, b], register: register)
        _ = try base.decide([a], register: register)
        let scheme = try #require(try register.allEntries().first?.scheme)
        return (register, scheme)
    }

    @Test func historiesReadAheadAreThoseReadOneByOne() throws {
        let (register, scheme) = try register()
        let ids = ["B", "Z", "A"]
        let oneByOne = try register.batch(recording: false) { session in
            try ids.map { try session.history(scheme: scheme, application: $0) }
        }
        let readAhead = try register.batch(recording: false) { session in
            session.readAhead(histories: ids, scheme: scheme)
            return try ids.map { try session.history(scheme: scheme, application: $0) }
        }
        #expect(oneByOne.map(\.count) == [1, 0, 2])
        #expect(readAhead == oneByOne)
        #expect(readAhead[2].map(\.current) == [false, true])
        #expect(readAhead[2].last?.keys == oneByOne[2].last?.keys)
        #expect(readAhead[2].last?.keys.isEmpty == false)
    }

    @Test func anApplicationRecordedInTheRunHasItsNewEntryInItsHistory() throws {
        let (register, scheme) = try register()
        let history = try register.batch { session in
            session.readAhead(histories: ["B", "A"], scheme: scheme)
            let before = try session.history(scheme: scheme, application: "B")
            let instructed = try #require(before.last)
            try session.record(instructed.moved(to: StageRecord(stage: .proposal, note: "essai"), decisionFile: nil))
            _ = try session.history(scheme: scheme, application: "A")
            return try session.history(scheme: scheme, application: "B")
        }
        #expect(history.map(\.stage) == [.instruction, .proposal])
        #expect(history.map(\.current) == [false, true])
        #expect(try register.history(of: "B") == history)
    }

    /// The insert binds its values through SQLite: one for each column but `current`, which
    /// it writes itself.
    @Test func anEntryGivesAValueForEachColumnTheInsertWrites() throws {
        let (register, _) = try register()
        let entry = try #require(try register.allEntries().first)
        let queue = try DatabaseQueue(path: "\(base.folder)/r.sqlite")
        let columns = try queue.read { try $0.columns(in: "decision").count }
        let bound = try queue.read { db in
            var parameters = SQLiteParameters(try db.makeStatement(sql: RegisterEntry.insertSQL))
            entry.bindColumns(to: &parameters, id: nil, order: nil)
            #expect(parameters.isComplete)
            return parameters.count
        }
        #expect(bound == columns - 1)
    }

    /// Rows are read by `DecisionRow.Column`, one case for each column of the table, named as it is.
    @Test func everyColumnOfTheDecisionTableIsAColumnRowsAreReadBy() throws {
        _ = try register()
        let queue = try DatabaseQueue(path: "\(base.folder)/r.sqlite")
        let names = try queue.read { try $0.columns(in: "decision").map(\.name) }
        #expect(Set(DecisionRow.Column.allCases.map(\.name)) == Set(names))
        #expect(DecisionRow.Column.allCases.count == names.count)
    }
}
