import ExactDecimal
import GRDB
import SchemeLanguage

/// A row of the `decision` table read back into typed values. SQLite keeps whatever a column
/// is given, and a register may be edited outside guichet: a value that does not read back (an
/// outcome the tool does not know, a date that is not ISO, an amount that is not canonical, a
/// text where a number belongs) stops the read with the row named. A limit or a total must
/// never count such a row as nothing, and a query must never leave it out.
struct DecisionRow {
    let row: Row
    /// Where each column is in the row.
    let columns: Columns

    /// The index of each column of a query's rows, computed once for all its rows: GRDB finds
    /// a copied row's column by name by lowercasing every column name in turn, which cost a
    /// decision run more than reading the values.
    struct Columns {
        /// By `Column.rawValue`: where the column is, nil when the query does not select it.
        let positions: [Int?]

        init(_ names: [String]) {
            var indexes: [String: Int] = [:]
            indexes.reserveCapacity(names.count)
            // The first of two columns of the same name wins, as in GRDB.
            for (index, name) in names.enumerated() where indexes[name] == nil { indexes[name] = index }
            positions = Column.allCases.map { indexes[$0.name] }
        }

        init(_ statement: Statement) {
            self.init(statement.columnNames)
        }
    }

    init(row: Row, columns: Columns) {
        self.row = row
        self.columns = columns
    }

    /// The value of a column; a column the query does not select reads as GRDB reads it.
    private func value(_ column: Column) -> DatabaseValue {
        if let index = columns.positions[column.rawValue] { return row[index] }
        return row[column.name]
    }

    func text(_ column: Column) throws(UnreadableRow) -> String {
        guard let text = try optionalText(column) else { throw unreadable(column, expected: "un texte") }
        return text
    }

    func optionalText(_ column: Column) throws(UnreadableRow) -> String? {
        let value = value(column)
        switch value.storage {
        case .null: return nil
        case .string(let text): return text
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
        switch value(column).storage {
        case .null: return nil
        case .int64(let number):
            if let integer = Int(exactly: number) { return integer }
        default: break
        }
        throw unreadable(column, expected: Self.expectedInteger)
    }

    private static let expectedInteger = "un nombre entier"

    /// One lookup of the column: a date is read for every entry of a history.
    func optionalDate(_ column: Column) throws(UnreadableRow) -> LocalDate? {
        switch value(column).storage {
        case .null: return nil
        case .string(let text):
            if let date = LocalDate(iso: text) { return date }
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
        switch value(column).storage {
        case .null: return nil
        case .string(let text):
            if let amount = DecimalNumber(canonical: text) { return amount }
        default: break
        }
        throw unreadable(column, expected: "un montant au format canonique (1234.50)")
    }

    func unreadable(_ column: Column, expected: String) -> UnreadableRow {
        let identity: (String) -> String? = { name in
            guard self.row.hasColumn(name), case .string(let text) = (self.row[name] as DatabaseValue).storage else { return nil }
            return text
        }
        let id: DatabaseValue = row.hasColumn("id") ? row["id"] : .null
        return UnreadableRow(id: Int64.fromDatabaseValue(id), scheme: identity("scheme"), application: identity("application"),
                             column: column.name, found: Self.shown(row[column.name]), expected: expected)
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
