import ExactDecimal
import GRDB
import GRDBSQLite
import SchemeLanguage

/// A row of the `decision` table read back into typed values. SQLite keeps whatever a column
/// is given, and a register may be edited outside guichet: a value that does not read back (an
/// outcome the tool does not know, a date that is not ISO, an amount that is not canonical, a
/// text where a number belongs) stops the read with the row named. A limit or a total must
/// never count such a row as nothing, and a query must never leave it out.
struct DecisionRow {
    /// The statement, stepped onto this row: a row is valid only in the call it is given to.
    private let statement: SQLiteStatement
    /// Where each column is in the row.
    let columns: Columns

    /// The index of each column of a query's rows, computed once for all its rows: GRDB finds
    /// a copied row's column by name by lowercasing every column name in turn, which cost a
    /// decision run more than reading the values.
    struct Columns {
        /// By `Column.rawValue`: where the column is, nil when the query does not select it.
        let positions: [CInt?]
        /// Where the limit, key and period of a `decision_key` row joined to the decision are,
        /// nil when the query joins none.
        let key: (limit: CInt, key: CInt, period: CInt)?

        init(_ names: [String]) {
            var indexes: [String: CInt] = [:]
            indexes.reserveCapacity(names.count)
            // The first of two columns of the same name wins, as in GRDB.
            for (index, name) in names.enumerated() where indexes[name] == nil { indexes[name] = CInt(index) }
            positions = Column.allCases.map { indexes[$0.name] }
            if let limit = indexes["limit_id"], let key = indexes["key"], let period = indexes["period"] {
                self.key = (limit, key, period)
            } else {
                key = nil
            }
        }

        init(_ statement: Statement) {
            self.init(statement.columnNames)
        }
    }

    /// Runs `statement`, its arguments set, and gives `body` each of its rows, read straight
    /// from SQLite: GRDB's rows reached each value through an existential and wrapped it in a
    /// `DatabaseValue`, which cost a history more than SQLite's own work. A read needs none of
    /// what GRDB's `execute` adds to a statement (transaction observers, regions): it is only
    /// stepped, and reset when done so that it holds no lock.
    static func forEach(_ statement: Statement, in db: Database, _ body: (DecisionRow) throws -> Void) throws {
        let columns = Columns(statement)
        let sqlite = statement.sqliteStatement
        defer { sqlite3_reset(sqlite) }
        while true {
            switch sqlite3_step(sqlite) {
            case SQLITE_ROW: try body(DecisionRow(statement: sqlite, columns: columns))
            case SQLITE_DONE: return
            case let code: throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: statement.sql)
            }
        }
    }

    private init(statement: SQLiteStatement, columns: Columns) {
        self.statement = statement
        self.columns = columns
    }

    /// Where a column is in the row, with SQLite's type of its value; a column the query does
    /// not select reads as NULL.
    private func cell(_ column: Column) -> (index: CInt, type: CInt) {
        guard let index = columns.positions[column.rawValue] else { return (-1, SQLITE_NULL) }
        return (index, sqlite3_column_type(statement, index))
    }

    /// The text at `index`, as GRDB reads it: a C string, up to its first NUL (empty for a
    /// NULL, which the callers have ruled out).
    private func text(at index: CInt) -> String {
        sqlite3_column_text(statement, index).map { String(cString: $0) } ?? ""
    }

    /// The key joined to the row (`Columns.key`), nil for a decision joined to none, which
    /// reads as NULLs. The table declares its columns NOT NULL and TEXT.
    func key() -> RegisterEntry.Key? {
        guard let (limit, key, period) = columns.key, sqlite3_column_type(statement, limit) != SQLITE_NULL else { return nil }
        return RegisterEntry.Key(limit: text(at: limit), key: text(at: key), period: text(at: period))
    }

    /// The value of a column as GRDB reads it, for messages.
    private func value(_ column: Column) -> DatabaseValue {
        guard let index = columns.positions[column.rawValue] else { return .null }
        return DatabaseValue(sqliteStatement: statement, index: index)
    }

    func text(_ column: Column) throws(UnreadableRow) -> String {
        guard let text = try optionalText(column) else { throw unreadable(column, expected: "un texte") }
        return text
    }

    func optionalText(_ column: Column) throws(UnreadableRow) -> String? {
        let (index, type) = cell(column)
        switch type {
        case SQLITE_NULL: return nil
        case SQLITE_TEXT: return text(at: index)
        default: throw unreadable(column, expected: "un texte")
        }
    }

    func integer(_ column: Column) throws(UnreadableRow) -> Int {
        guard let integer = try optionalInteger(column) else { throw unreadable(column, expected: Self.expectedInteger) }
        return integer
    }

    func date(_ column: Column) throws(UnreadableRow) -> LocalDate {
        guard let date = try optionalDate(column) else { throw unreadable(column, expected: Self.expectedDate) }
        return date
    }

    func optionalInteger(_ column: Column) throws(UnreadableRow) -> Int? {
        let (index, type) = cell(column)
        switch type {
        case SQLITE_NULL: return nil
        case SQLITE_INTEGER:
            if let integer = Int(exactly: sqlite3_column_int64(statement, index)) { return integer }
        default: break
        }
        throw unreadable(column, expected: Self.expectedInteger)
    }

    private static let expectedInteger = "un nombre entier"

    func optionalDate(_ column: Column) throws(UnreadableRow) -> LocalDate? {
        let (index, type) = cell(column)
        switch type {
        case SQLITE_NULL: return nil
        case SQLITE_TEXT:
            if let date = LocalDate(iso: text(at: index)) { return date }
        default: break
        }
        throw unreadable(column, expected: Self.expectedDate)
    }

    private static let expectedDate = "une date au format ISO (2020-10-15)"

    func outcome(_ column: Column) throws(UnreadableRow) -> Outcome {
        guard let text = try? optionalText(column), let outcome = Outcome(rawValue: text) else {
            throw unreadable(column, expected: "une issue connue (" + Outcome.allCases.map(\.rawValue).joined(separator: ", ") + ")")
        }
        return outcome
    }

    /// Amounts are stored as canonical text ("1234.50"); NULL is no amount.
    func amount(_ column: Column) throws(UnreadableRow) -> DecimalNumber? {
        let (index, type) = cell(column)
        switch type {
        case SQLITE_NULL: return nil
        case SQLITE_TEXT:
            if let amount = DecimalNumber(canonical: text(at: index)) { return amount }
        default: break
        }
        throw unreadable(column, expected: "un montant au format canonique (1234.50)")
    }

    func unreadable(_ column: Column, expected: String) -> UnreadableRow {
        let identity: (Column) -> String? = { column in
            guard case .string(let text) = self.value(column).storage else { return nil }
            return text
        }
        return UnreadableRow(id: Int64.fromDatabaseValue(value(.id)), scheme: identity(.scheme), application: identity(.application),
                             column: column.name, found: Self.shown(value(column)), expected: expected)
    }

    /// The value as a person can find it in the database: quoted text (cut), a number, NULL.
    private static func shown(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: "NULL"
        case .int64(let number): String(number)
        case .double(let number): String(number)
        case .string(let text): "« \(text.prefix(60)) »"
        case .blob(let data): "des octets (\(data.count))"
        }
    }
}

/// A decision row whose value does not read back, named so that it can be found and repaired.
struct UnreadableRow: Error, CustomStringConvertible {
    let id: Int64?
    let scheme: String?
    let application: String?
    let column: String
    let found: String
    let expected: String

    var description: String {
        var names = id.map { ["ligne \($0) de la table decision"] } ?? []
        names += scheme.map { ["dispositif « \($0) »"] } ?? []
        names += application.map { ["demande « \($0) »"] } ?? []
        return "décision illisible (\(names.joined(separator: ", "))) : la colonne \(column) contient \(found), "
            + "et non \(expected)"
    }
}

extension RegisterError {
    static func unreadable(_ row: UnreadableRow, register: String) -> RegisterError {
        RegisterError("""
            le registre \(register) contient une \(row) ; il a été modifié hors de guichet ou endommagé. Restaurez-le \
            depuis votre sauvegarde, ou corrigez cette ligne, puis relancez la commande.
            """)
    }
}
