import Evaluator
import ExactDecimal
import Foundation
import GRDB
import Platform
import SchemeLanguage

/// The register of decisions: every decision taken, the keys that limits group it by, and the
/// history of each application's decisions. Kept in SQLite.
///
/// Writes go through one connection, each decision in its own transaction; the database runs
/// in WAL mode, so that a process killed at any point leaves the last committed state.
public final class DecisionRegister: LimitReader {
    private let database: DatabaseQueue
    /// Where the register lives, for messages.
    public let path: String
    /// The pseudonyms, or (for a query on a register whose key is missing) why there are none.
    private let pseudonyms: Result<Pseudonymizer, RegisterError>
    /// Nil for a register in memory, which no other process can reach.
    private let lock: RegisterLock?

    /// What tests may change: how long to wait for another process that holds the register, and
    /// a size limit (in pages) that makes writes fail as on a full disk.
    struct Options {
        var busyTimeout: Duration = .seconds(5)
        var maxPageCount: Int?
    }

    /// Opens (creating when needed, with owner-only permissions) the register at `path`, to record
    /// decisions. The pseudonymisation key is read from `keyPath` (by default beside the register,
    /// `.key` appended); it is created only for a register that holds no decision yet, and a
    /// register refuses any key but its own.
    public static func open(path: String, keyPath: String? = nil) throws -> DecisionRegister {
        try open(path: path, keyPath: keyPath, options: Options())
    }

    static func open(path: String, keyPath: String?, options: Options) throws -> DecisionRegister {
        for file in [path, keyPath ?? path + ".key"] {
            let folder = (file as NSString).deletingLastPathComponent
            do {
                if !folder.isEmpty { try OwnerOnlyFile.createFolder(folder) }
            } catch {
                throw RegisterError("\(error.path) : \(error.reason)")
            }
        }
        try RegisterFile.create(path)
        let lock = RegisterLock(register: path, timeout: options.busyTimeout)
        do {
            let database = try connect(path, options: options, readOnly: false)
            let key = try RegisterKey.settle(database, register: path, keyPath: keyPath ?? path + ".key", lock: lock)
            return DecisionRegister(database: database, path: path, pseudonyms: .success(Pseudonymizer(key: key)), lock: lock)
        } catch let error as DatabaseError {
            throw RegisterError.database(error, register: path, doing: "impossible d'ouvrir")
        }
    }

    /// Opens an existing register for reading only, for queries: a mistyped path is an error,
    /// never a new empty register. The key is needed only to find a person by identifier.
    public static func openExisting(path: String, keyPath: String? = nil) throws -> DecisionRegister {
        try openExisting(path: path, keyPath: keyPath, options: Options())
    }

    static func openExisting(path: String, keyPath: String?, options: Options) throws -> DecisionRegister {
        guard RegularFile.exists(path) else { throw RegisterError.notFound(path) }
        let keyPath = keyPath ?? path + ".key"
        do {
            let database = try connect(path, options: options, readOnly: true)
            let state = try database.read { try RegisterKey.State($0) }
            guard state.isRegister else { throw RegisterError.notARegister(path) }
            let pseudonyms: Result<Pseudonymizer, RegisterError>
            if let key = try KeyFile.read(keyPath) {
                if let recorded = state.fingerprint, RegisterKey.fingerprint(key) != recorded {
                    throw RegisterError.wrongKey(keyPath, register: path)
                }
                pseudonyms = .success(Pseudonymizer(key: key))
            } else {
                pseudonyms = .failure(RegisterError.missingKey(keyPath, register: path, decisions: state.decisions, query: true))
            }
            return DecisionRegister(database: database, path: path, pseudonyms: pseudonyms, lock: nil)
        } catch let error as DatabaseError {
            throw RegisterError.database(error, register: path, doing: "impossible de lire")
        }
    }

    private static func connect(_ path: String, options: Options, readOnly: Bool) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = readOnly
        let (seconds, attoseconds) = options.busyTimeout.components
        configuration.busyMode = .timeout(Double(seconds) + Double(attoseconds) / 1e18)
        configuration.prepareDatabase { db in
            if !readOnly {
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
            // 64 MiB of page cache: a large batch keeps the indexes it updates in memory.
            try db.execute(sql: "PRAGMA cache_size = -65536")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            if let pages = options.maxPageCount { try db.execute(sql: "PRAGMA max_page_count = \(pages)") }
        }
        return try DatabaseQueue(path: path, configuration: configuration)
    }

    /// A register that lives in memory only: for simulations, tests and dry runs of a fresh batch.
    public static func inMemory(key: [UInt8] = Array("guichet-in-memory".utf8)) throws -> DecisionRegister {
        let database = try DatabaseQueue()
        try RegisterSchema.migrator.migrate(database)
        return DecisionRegister(database: database, path: ":memory:", pseudonyms: .success(Pseudonymizer(key: key)), lock: nil)
    }

    private init(database: DatabaseQueue, path: String, pseudonyms: Result<Pseudonymizer, RegisterError>, lock: RegisterLock?) {
        self.database = database
        self.path = path
        self.pseudonyms = pseudonyms
        self.lock = lock
    }

    // MARK: Limits

    public func entries(scheme: String, limit: String, key: LimitKey, before: (filed: LocalDate, id: String)) throws -> [LimitEntry] {
        try reading { db in
            let own = try Int64.fetchOne(db, sql: "SELECT decided_order FROM decision WHERE scheme = ? AND application = ? AND current = 1",
                                         arguments: [scheme, before.id]) ?? Int64.max
            return try Self.entries(db, scheme: scheme, limit: limit, key: try pseudonyms.get().stored(key), period: key.period)
                .filter { $0.order < own && $0.entry.applicationID != before.id }.map(\.entry)
        }
    }

    /// The favourable decisions in force that count towards a limit for one key and period, in
    /// the order they were decided, each with its place in that order. Only an act of the
    /// competent authority counts: a fiche or a proposal awards nothing.
    static func entries(_ db: Database, scheme: String, limit: String, key: String, period: String) throws
        -> [(entry: LimitEntry, order: Int64)] {
        let statement = try db.cachedStatement(sql: """
            SELECT d.id, d.scheme, d.application, d.filed, d.amount, d.months, d.decided_order
            FROM decision_key k JOIN decision d ON d.id = k.decision
            WHERE d.scheme = ? AND k.limit_id = ? AND k.key = ? AND k.period = ? AND d.current = 1
              AND d.outcome = 'favorable' AND d.stage IN ('decision', 'notified')
            ORDER BY d.decided_order
            """)
        try statement.setArguments([scheme, limit, key, period])
        var entries: [(entry: LimitEntry, order: Int64)] = []
        try DecisionRow.forEach(statement, in: db) { decision in
            // A row that does not read back stops the limit rather than count as nothing.
            let entry = LimitEntry(applicationID: try decision.text(.application), filed: try decision.date(.filed),
                                   amount: try decision.amount(.amount), months: try decision.integer(.months))
            entries.append((entry, Int64(try decision.integer(.decidedOrder))))
        }
        return entries
    }

    /// Runs a batch on one connection: decisions are recorded in transactions of up to
    /// `groupSize`, each decision with all its keys, and a limit read inside the batch sees
    /// every decision recorded before it. A crash loses at most the open group, which the
    /// next run of the batch records again. A batch that records holds the register's lock, so
    /// that no other guichet process writes it meanwhile; one that only reads (`recording`
    /// false) reads a single snapshot and needs no lock.
    ///
    /// `sitting` names the sitting whose proposals, made in this batch, count towards limits.
    public func batch<T>(groupSize: Int = 1000, recording: Bool = true, sitting: String? = nil,
                         _ body: (RegisterSession) throws -> T) throws -> T {
        let lock = recording ? self.lock : nil
        try lock?.acquire()
        defer { lock?.release() }
        return try database.writeWithoutTransaction { db in
            let session = try RegisterSession(db: db, register: path, pseudonyms: try pseudonyms.get(),
                                              groupSize: groupSize, writing: recording, sitting: sitting)
            let result: T
            do {
                result = try body(session)
            } catch {
                // What was recorded stays; a failure to commit it must not hide this error.
                if session.failure == nil { try? session.finish() }
                throw error
            }
            try session.finish()
            return result
        }
    }

    /// Keeps the register for this process until the register is released, as a batch does for
    /// its own run: a command that will record claims it before deciding anything, so that a
    /// second one stops at once (after `busyTimeout`) with a message naming this process.
    public func claim() throws {
        try lock?.acquire()
    }

    /// Gives back a register claimed with `claim()`.
    public func release() {
        lock?.release()
    }

    // MARK: Recording

    /// Records an application at a stage, replacing its entry in force (which stays in its
    /// history). Recording the same entry again changes nothing.
    public func record(_ evaluation: Evaluation, inputHash: String, decisionFile: String?, stage: StageRecord) throws {
        let entry = RegisterEntry(evaluation, inputHash: inputHash, decisionFile: decisionFile, pseudonyms: try pseudonyms.get(),
                                  stage: stage)
        do {
            try database.write { db in _ = try entry.replaceCurrent(in: db) }
        } catch let row as UnreadableRow {
            throw RegisterError.unreadable(row, register: path)
        } catch {
            throw RegisterError.writeFailed(error, register: path, recorded: 0)
        }
    }

    // MARK: Queries

    /// What a beneficiary was granted: the favourable decisions of a competent authority in
    /// force, found by any key the schemes group decisions by (a SIREN, a site, a person's
    /// identifier) or by the beneficiary's SIRET. The identifier is given in clear: a personal
    /// one is pseudonymised to be found. Fiches and proposals award nothing and are not listed.
    public func granted(to beneficiary: String) throws -> [RegisterEntry] {
        let compact = beneficiary.filter { !$0.isWhitespace }
        let candidates = [beneficiary, compact, try pseudonyms.get().pseudonym(beneficiary), try pseudonyms.get().pseudonym(compact)]
        return try reading { db in
            try RegisterEntry.fetch(db, where: """
                current = 1 AND outcome = 'favorable' AND stage IN ('decision', 'notified')
                AND (beneficiary IN (?, ?, ?, ?) OR beneficiary_id IN (?, ?, ?, ?)
                     OR id IN (SELECT decision FROM decision_key WHERE key IN (?, ?, ?, ?)))
                """, arguments: StatementArguments(candidates + candidates + candidates))
        }
    }

    /// Every decision recorded for an application, oldest first.
    public func history(of application: String) throws -> [RegisterEntry] {
        try reading { db in
            try RegisterEntry.fetch(db, where: "application = ?", arguments: [application])
        }
    }

    /// The register's pseudonyms of natural persons' identifiers, the keyed hashes it stores: a
    /// portfolio made from the register groups one person's files as the register does, and
    /// names no one. An error when the register's key is missing.
    public func pseudonymizer() throws -> @Sendable (String) -> String {
        let pseudonyms = try pseudonyms.get()
        return { pseudonyms.pseudonym($0) }
    }

    /// The decisions in force, by scheme, filing date and application.
    public func currentEntries() throws -> [RegisterEntry] {
        try reading { db in
            try RegisterEntry.fetch(db, where: "current = 1", arguments: [])
        }
    }

    /// Every row, history included: to compare two registers or to audit one.
    public func allEntries() throws -> [RegisterEntry] {
        try reading { db in
            try RegisterEntry.fetch(db, where: "1", arguments: [], order: "id")
        }
    }

    /// Reads in one transaction; SQLite's errors and unreadable rows are told in French, with
    /// the register's path.
    private func reading<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try database.read(body)
        } catch let error as DatabaseError {
            throw RegisterError.database(error, register: path, doing: "impossible de lire")
        } catch let row as UnreadableRow {
            throw RegisterError.unreadable(row, register: path)
        }
    }
}
