import GRDB

/// The statements that write entries, looked up once for a session rather than by their text at
/// each act: GRDB's cache finds a statement by hashing its whole SQL (some 900 characters for
/// the insert) each time it is asked for it.
///
/// They run straight through SQLite (`SQLiteParameters.execute`), so GRDB's statement hooks never
/// see them: the register has no `TransactionObserver` and no `ValueObservation`. One added later
/// would miss these writes, and would have to go through GRDB's `execute` again.
struct EntryWrites {
    let db: Database
    /// `RegisterEntry.insertSQL`.
    let insert: Statement
    /// Makes the entry in force history.
    let retire: Statement
    /// Gives a decided entry whose id SQLite chose its place in the order of decisions.
    let order: Statement
    let insertKey: Statement

    init(_ db: Database) throws {
        self.db = db
        insert = try db.cachedStatement(sql: RegisterEntry.insertSQL)
        retire = try db.cachedStatement(sql: "UPDATE decision SET current = 0 WHERE id = ?")
        order = try db.cachedStatement(sql: "UPDATE decision SET decided_order = ? WHERE id = ?")
        insertKey = try db.cachedStatement(sql: "INSERT INTO decision_key (decision, limit_id, key, period) VALUES (?, ?, ?, ?)")
    }
}
