import GRDB
@testable import Register
import SchemeLanguage
import TestSupport
import Testing

/// A session gives each new row the id SQLite's AUTOINCREMENT would give it, so that a first
/// decision's place in the order of decisions is written with the row.
@Suite struct RegisterRowIDTests {
    let base = try! RegisterTests()
    var path: String { "\(base.folder)/r.sqlite" }

    /// A and B instructed, then B's row removed behind guichet's back: the largest id ever given
    /// (2, kept by `sqlite_sequence`) is then larger than any row's (1).
    func registerWithAHole() throws -> (DecisionRegister, a: String) {
        let register = try DecisionRegister.open(path: path)
        let a = try base.write("a.yaml", PDESIFixture.application("A", filed: "2020-10-12", category: "inscrit_1", expense: "60 000 €"))
        let b = try base.write("b.yaml", PDESIFixture.application("B", filed: "2020-11-01", category: "inscrit_1", expense: "40 000 €"))
        _ = try base.run([a, b], register: register)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "DELETE FROM decision_key WHERE decision = 2; DELETE FROM decision WHERE id = 2")
        }
        return (register, a)
    }

    @Test func aDecisionTakesTheIdSQLiteWouldGiveAndItAsItsPlace() throws {
        let (register, a) = try registerWithAHole()
        _ = try base.decide([a], register: register)
        let rows = try DatabaseQueue(path: path).read { db in
            try Row.fetchAll(db, sql: "SELECT id, decided_order, current FROM decision ORDER BY id").map { [$0[0], $0[1], $0[2]] as [Int64?] }
        }
        #expect(rows == [[1, nil, 0], [3, 3, 1]])
        let sequence = try DatabaseQueue(path: path).read { try Int64.fetchOne($0, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'decision'") }
        #expect(sequence == 3)
    }

    /// Outside a session, SQLite chooses the id, and the place follows it.
    @Test func aDecisionRecordedAloneTakesItsIdFromSQLite() throws {
        let (register, _) = try registerWithAHole()
        let entry = try #require(try register.currentEntries().first)
        try DatabaseQueue(path: path).write { db in
            _ = try entry.moved(to: StageRecord(stage: .decision), decisionFile: "a.md").replaceCurrent(in: db)
        }
        let row = try DatabaseQueue(path: path).read { try Row.fetchOne($0, sql: "SELECT id, decided_order FROM decision WHERE current = 1") }
        #expect(row?[0] == 3 as Int64)
        #expect(row?[1] == 3 as Int64)
    }
}
