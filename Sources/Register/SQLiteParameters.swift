import GRDB
import GRDBSQLite

/// Binds a cached statement's positional parameters straight through SQLite, one after the
/// other. A decision run inserts a row of 31 values per act: GRDB's `StatementArguments` boxed
/// each value as an existential, copied them into an array and converted them again, which
/// cost more than SQLite's own work. Each value is bound as GRDB binds it (text as a C string,
/// integers as 64-bit integers, nil as NULL), so the row stored is the same.
struct SQLiteParameters {
    /// Held, so that SQLite's statement is not finalized while parameters are bound to it.
    private let owner: Statement
    private var statement: SQLiteStatement { owner.sqliteStatement }
    private var index: CInt = 0

    /// SQLite copies each value (`SQLITE_TRANSIENT`), as GRDB does for its arguments: the
    /// Swift string a pointer was taken from does not outlive the call.
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    /// Resets `statement` and clears its parameters, so that they can be bound in order. GRDB
    /// is given no arguments, marked as bound: its `execute()` then runs the statement with
    /// the parameters bound here, which it neither checks nor clears.
    init(_ statement: Statement) {
        statement.setUncheckedArguments(StatementArguments())
        owner = statement
    }

    mutating func bind(_ text: String?) {
        index += 1
        let code = if let text { sqlite3_bind_text(statement, index, text, -1, Self.transient) } else { sqlite3_bind_null(statement, index) }
        check(code)
    }

    mutating func bind(_ integer: Int64?) {
        index += 1
        check(integer.map { sqlite3_bind_int64(statement, index, $0) } ?? sqlite3_bind_null(statement, index))
    }

    mutating func bind(_ integer: Int?) {
        bind(integer.map(Int64.init))
    }

    /// The number of parameters bound so far.
    var count: Int { Int(index) }

    /// Whether every parameter of the statement has been bound: one left out would stay NULL.
    var isComplete: Bool { index == sqlite3_bind_parameter_count(statement) }

    /// Binding fails only for a wrong index or a statement in use: a fault of this code, as
    /// GRDB treats it too.
    private func check(_ code: CInt) {
        precondition(code == SQLITE_OK, "SQLite refused to bind parameter \(index) (code \(code))")
    }
}
