import Foundation
import GRDB
import GRDBSQLite
import SchemeLanguage

/// Binds a cached statement's positional parameters straight through SQLite, one after the
/// other, then runs it (`execute`). A decision run writes a row of 31 values per act:
/// GRDB's `StatementArguments` boxed each value as an existential, copied them into an array
/// and converted them again, and its `execute` checked and observed each statement, which
/// together cost more than SQLite's own work. Each value is bound as GRDB binds it (text as a
/// C string, integers as 64-bit integers, nil as NULL), so the row stored is the same.
///
/// The statements bound here are the register's own writes, run only through this type: GRDB's
/// idea of their arguments is never used, so it is not kept up to date.
struct SQLiteParameters {
    /// Held, so that SQLite's statement is not finalized while parameters are bound to it.
    private let owner: Statement
    private let statement: SQLiteStatement
    private var index: CInt = 0

    /// SQLite copies each value (`SQLITE_TRANSIENT`), as GRDB does for its arguments: the
    /// Swift string a pointer was taken from does not outlive the call.
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    /// Resets `statement`, so that its parameters can be bound in order. A reset after a failed
    /// run returns that failure again, already thrown by `execute`. The values bound last time
    /// are not cleared: `execute` runs only once every parameter has been bound anew.
    init(_ statement: Statement) {
        owner = statement
        self.statement = statement.sqliteStatement
        sqlite3_reset(self.statement)
    }

    mutating func bind(_ text: String?) {
        index += 1
        guard var text else { return check(sqlite3_bind_null(statement, index)) }
        let code = text.withUTF8 { bytes in
            guard let start = bytes.baseAddress, !bytes.isEmpty else { return sqlite3_bind_text(statement, index, "", 0, Self.transient) }
            // GRDB binds a C string, which ends at the first NUL: so does the text bound here.
            let length = memchr(start, 0, bytes.count).map { UnsafeRawPointer(start).distance(to: UnsafeRawPointer($0)) } ?? bytes.count
            return start.withMemoryRebound(to: CChar.self, capacity: length) {
                sqlite3_bind_text(statement, index, $0, CInt(length), Self.transient)
            }
        }
        check(code)
    }

    /// Binds a date as its ISO text (`LocalDate.description`), written without making a String:
    /// an act binds three dates.
    mutating func bind(_ date: LocalDate?) {
        guard let date else { return bind(nil as String?) }
        guard (0...9999).contains(date.year) else { return bind(date.description) }
        index += 1
        var iso: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let code = withUnsafeMutableBytes(of: &iso) { bytes in
            Self.writeDigits(date.year, into: bytes, at: 0..<4)
            bytes[4] = UInt8(ascii: "-")
            Self.writeDigits(date.month, into: bytes, at: 5..<7)
            bytes[7] = UInt8(ascii: "-")
            Self.writeDigits(date.day, into: bytes, at: 8..<10)
            let start = bytes.baseAddress!.assumingMemoryBound(to: CChar.self)
            return sqlite3_bind_text(statement, index, start, CInt(bytes.count), Self.transient)
        }
        check(code)
    }

    /// Writes `value`'s last decimal digits at `range` of `bytes`, padded with zeros on the left.
    private static func writeDigits(_ value: Int, into bytes: UnsafeMutableRawBufferPointer, at range: Range<Int>) {
        var rest = value
        for position in range.reversed() {
            bytes[position] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
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

    /// Runs the statement, a write, with the parameters bound; SQLite's failure is thrown as
    /// GRDB throws it (code, message, statement), which the register's messages explain.
    ///
    /// The register writes only inside a transaction (a session's group, or `write`): finding
    /// none means that SQLite rolled it back after an error, and writing on would commit
    /// outside it, so the statement is refused as GRDB refuses it in an aborted transaction.
    func execute(in db: Database) throws {
        precondition(isComplete, "the statement's parameters and its values differ: one would keep the value bound last time")
        guard db.isInsideTransaction else {
            throw DatabaseError(resultCode: .SQLITE_ABORT, message: "Transaction was aborted", sql: owner.sql)
        }
        var code = sqlite3_step(statement)
        while code == SQLITE_ROW { code = sqlite3_step(statement) }
        guard code != SQLITE_DONE else { return }
        let message = db.lastErrorMessage
        sqlite3_reset(statement)
        throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: owner.sql)
    }

    /// Binding fails only for a wrong index or a statement in use: a fault of this code, as
    /// GRDB treats it too.
    private func check(_ code: CInt) {
        precondition(code == SQLITE_OK, "SQLite refused to bind parameter \(index) (code \(code))")
    }
}
