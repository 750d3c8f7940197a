import GRDB
@testable import Register
import SchemeLanguage
import Testing

/// Values bound straight through SQLite are stored as GRDB stores them, and a write that fails
/// is told as GRDB tells it.
@Suite struct SQLiteParametersTests {
    /// A date is bound as its ISO text, padded as `LocalDate.description` pads it.
    @Test(arguments: [(2020, 9, 28), (1, 1, 1), (987, 12, 31), (9999, 2, 3), (2024, 2, 29)])
    func aDateIsBoundAsItsDescription(year: Int, month: Int, day: Int) throws {
        let date = try #require(LocalDate(year: year, month: month, day: day))
        let stored = try DatabaseQueue().write { db in
            try db.execute(sql: "CREATE TABLE t (value)")
            var parameters = SQLiteParameters(try db.makeStatement(sql: "INSERT INTO t VALUES (?)"))
            parameters.bind(date)
            try parameters.execute(in: db)
            return try String.fetchOne(db, sql: "SELECT value FROM t")
        }
        #expect(stored == date.description)
    }

    /// Text is bound as GRDB binds it, as a C string: empty stays empty (not NULL), and a NUL
    /// ends it.
    @Test func textIsBoundAsACString() throws {
        let stored = try DatabaseQueue().write { db in
            try db.execute(sql: "CREATE TABLE t (value)")
            let statement = try db.makeStatement(sql: "INSERT INTO t VALUES (?)")
            for text in ["", "déposée", "avant\u{0}après", nil] as [String?] {
                var parameters = SQLiteParameters(statement)
                parameters.bind(text)
                try parameters.execute(in: db)
            }
            return try Row.fetchAll(db, sql: "SELECT value FROM t ORDER BY rowid").map { $0[0] as String? }
        }
        #expect(stored == ["", "déposée", "avant", nil])
    }

    /// A write that SQLite refuses throws its code and message, and the statement can run again.
    @Test func aRefusedWriteThrowsSQLitesError() throws {
        try DatabaseQueue().write { db in
            try db.execute(sql: "CREATE TABLE t (value NOT NULL)")
            let statement = try db.makeStatement(sql: "INSERT INTO t VALUES (?)")
            var refused = SQLiteParameters(statement)
            refused.bind(nil as String?)
            #expect {
                try refused.execute(in: db)
            } throws: { error in
                (error as? DatabaseError)?.resultCode == .SQLITE_CONSTRAINT
                    && (error as? DatabaseError)?.message?.contains("NOT NULL") == true
            }
            var accepted = SQLiteParameters(statement)
            accepted.bind("oui")
            try accepted.execute(in: db)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM t") == 1)
        }
    }

    /// Outside a transaction, which SQLite ends when it rolls one back after an error, the
    /// register writes nothing.
    @Test func noWriteOutsideATransaction() throws {
        let queue = try DatabaseQueue()
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "CREATE TABLE t (value)")
            var parameters = SQLiteParameters(try db.makeStatement(sql: "INSERT INTO t VALUES (?)"))
            parameters.bind("non")
            #expect(throws: DatabaseError.self) { try parameters.execute(in: db) }
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM t") == 0)
        }
    }
}
