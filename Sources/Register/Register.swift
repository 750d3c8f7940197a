import Evaluator
import ExactDecimal
import Foundation
import GRDB
import SchemeLanguage

/// The register of decisions: every decision taken, the keys that limits group it by, and the
/// history of each application's decisions. Kept in SQLite.
///
/// Writes go through one connection, each decision in its own transaction; the database runs
/// in WAL mode, so that a process killed at any point leaves the last committed state.
public final class DecisionRegister: LimitReader, @unchecked Sendable {
    private let database: DatabaseQueue
    private let pseudonyms: Pseudonymizer

    /// Opens (creating when needed, with owner-only permissions) the register at `path`.
    /// The pseudonymisation key is read from `keyPath`, created beside the register when absent.
    public static func open(path: String, keyPath: String? = nil) throws -> DecisionRegister {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        }
        try OwnerOnlyFile.create(path)
        let key = try Pseudonymizer.loadOrCreateKey(at: keyPath ?? path + ".key")
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // 64 MiB of page cache: a large batch keeps the indexes it updates in memory.
            try db.execute(sql: "PRAGMA cache_size = -65536")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        let database = try DatabaseQueue(path: path, configuration: configuration)
        return try DecisionRegister(database: database, key: key)
    }

    /// A register that lives in memory only: for simulations, tests and dry runs of a fresh batch.
    public static func inMemory(key: [UInt8] = Array("guichet-in-memory".utf8)) throws -> DecisionRegister {
        try DecisionRegister(database: try DatabaseQueue(), key: key)
    }

    private init(database: DatabaseQueue, key: [UInt8]) throws {
        self.database = database
        pseudonyms = Pseudonymizer(key: key)
        try RegisterSchema.migrator.migrate(database)
    }

    // MARK: Limits

    public func entries(scheme: String, limit: String, key: LimitKey, before: (filed: LocalDate, id: String)) throws -> [LimitEntry] {
        try database.read { db in
            try Self.entries(db, scheme: scheme, limit: limit, key: pseudonyms.stored(key), period: key.period, before: before)
        }
    }

    static func entries(_ db: Database, scheme: String, limit: String, key: String, period: String,
                        before: (filed: LocalDate, id: String)) throws -> [LimitEntry] {
        let filed = before.filed.description
        let statement = try db.cachedStatement(sql: """
            SELECT d.application, d.filed, d.amount, d.months
            FROM decision_key k JOIN decision d ON d.id = k.decision
            WHERE d.scheme = ? AND k.limit_id = ? AND k.key = ? AND k.period = ? AND d.current = 1
              AND d.outcome = 'favorable' AND (d.filed < ? OR (d.filed = ? AND d.application < ?))
            ORDER BY d.filed, d.application
            """)
        return try Row.fetchAll(statement, arguments: [scheme, limit, key, period, filed, filed, before.id]).map { row in
            LimitEntry(applicationID: row[0], filed: LocalDate(iso: row[1] as String) ?? before.filed,
                       amount: try (row[2] as String?).map(storedAmount), months: row[3])
        }
    }

    /// Amounts are stored as canonical text ("1234.50"); one that does not read back must stop
    /// the limit rather than count as nothing.
    static func storedAmount(_ text: String) throws -> DecimalNumber {
        guard let amount = DecimalNumber(canonical: text) else {
            throw RegisterError("le registre contient un montant illisible '\(text.prefix(60))'")
        }
        return amount
    }

    /// Runs a batch on one connection: decisions are recorded in transactions of up to
    /// `groupSize`, each decision with all its keys, and a limit read inside the batch sees
    /// every decision recorded before it. A crash loses at most the open group, which the
    /// next run of the batch records again.
    public func batch<T>(groupSize: Int = 1000, _ body: (RegisterSession) throws -> T) throws -> T {
        try database.writeWithoutTransaction { db in
            let session = try RegisterSession(db: db, pseudonyms: pseudonyms, groupSize: groupSize)
            try db.beginTransaction()
            do {
                let result = try body(session)
                try db.commit()
                return result
            } catch {
                try? db.commit()
                throw error
            }
        }
    }

    // MARK: Recording

    /// Records a decision, replacing the application's entry in force (which stays in its
    /// history). Recording the same decision again changes nothing.
    public func record(_ evaluation: Evaluation, inputHash: String, decisionFile: String?) throws {
        let entry = RegisterEntry(evaluation, inputHash: inputHash, decisionFile: decisionFile, pseudonyms: pseudonyms)
        try database.write { db in try entry.replaceCurrent(in: db) }
    }

    // MARK: Queries

    /// What a beneficiary was granted (favourable decisions in force), per scheme and year.
    /// The beneficiary is given in clear: a personal identifier is pseudonymised to be found.
    public func granted(to beneficiary: String) throws -> [RegisterEntry] {
        let candidates = [beneficiary, pseudonyms.pseudonym(beneficiary)]
        return try database.read { db in
            try RegisterEntry.fetch(db, where: "current = 1 AND outcome = 'favorable' AND beneficiary IN (?, ?)", arguments: StatementArguments(candidates))
        }
    }

    /// Every decision recorded for an application, oldest first.
    public func history(of application: String) throws -> [RegisterEntry] {
        try database.read { db in
            try RegisterEntry.fetch(db, where: "application = ?", arguments: [application])
        }
    }

    /// The decisions in force, by scheme, filing date and application.
    public func currentEntries() throws -> [RegisterEntry] {
        try database.read { db in
            try RegisterEntry.fetch(db, where: "current = 1", arguments: [])
        }
    }

    /// Every row, history included: to compare two registers or to audit one.
    public func allEntries() throws -> [RegisterEntry] {
        try database.read { db in
            try RegisterEntry.fetch(db, where: "1", arguments: [], order: "id")
        }
    }
}
