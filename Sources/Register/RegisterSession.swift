import Evaluator
import GRDB
import SchemeLanguage

/// The register during a batch: one connection, decisions committed by groups.
///
/// The session is the register's only writer while the batch runs, so it keeps what limits
/// read in memory: the entries of each key are read from the database once, then kept up to
/// date as decisions are recorded. A limit then costs a dictionary lookup, not a query.
public final class RegisterSession: LimitReader {
    private let db: Database
    /// The register's path, for messages.
    private let register: String
    private let pseudonyms: Pseudonymizer
    private let groupSize: Int
    /// Whether each group takes the write lock at once (a batch that records) or only reads.
    private let writing: Bool
    private var inGroup = 0
    /// Decisions handed to `record` so far in this session.
    public private(set) var submitted = 0
    /// Decisions committed by this session: they stay in the register whatever happens next.
    public private(set) var recorded = 0
    /// What stopped the session: once the register fails, nothing more is recorded.
    private(set) var failure: RegisterError?
    /// Entries in force by scheme, limit, stored key and period, in filing order.
    private var entriesByKey: [KeyPath: [Stored]] = [:]
    /// The applications with an entry in force before the batch, by scheme then id.
    private var known: Set<String> = []

    struct KeyPath: Hashable {
        let scheme: String
        let limit: String
        let key: String
        let period: String
    }

    struct Stored {
        let application: String
        let entry: LimitEntry
    }

    init(db: Database, register: String, pseudonyms: Pseudonymizer, groupSize: Int, writing: Bool) throws {
        self.db = db
        self.register = register
        self.pseudonyms = pseudonyms
        self.groupSize = max(1, groupSize)
        self.writing = writing
        do {
            try begin()
            known = Set(try String.fetchAll(db, sql: "SELECT scheme || '\u{1F}' || application FROM decision WHERE current = 1"))
        } catch {
            throw fail(error)
        }
    }

    public func entries(scheme: String, limit: String, key: LimitKey, before: (filed: LocalDate, id: String)) throws -> [LimitEntry] {
        let path = KeyPath(scheme: scheme, limit: limit, key: pseudonyms.stored(key), period: key.period)
        let stored = try entries(at: path)
        return stored.lazy.filter { Self.precedes($0, before) }.map(\.entry)
    }

    private func entries(at path: KeyPath) throws -> [Stored] {
        if let cached = entriesByKey[path] { return cached }
        let far = (filed: LocalDate(year: 9999, month: 12, day: 31)!, id: "\u{10FFFF}")
        let loaded: [Stored]
        do {
            loaded = try DecisionRegister.entries(db, scheme: path.scheme, limit: path.limit, key: path.key, period: path.period, before: far)
                .map { Stored(application: $0.applicationID, entry: $0) }
        } catch let row as UnreadableRow {
            throw RegisterError.unreadable(row, register: register)
        }
        entriesByKey[path] = loaded
        return loaded
    }

    private static func precedes(_ stored: Stored, _ before: (filed: LocalDate, id: String)) -> Bool {
        stored.entry.filed < before.filed || (stored.entry.filed == before.filed && stored.application < before.id)
    }

    /// Records a decision with its keys; commits the group when it is full. When the register
    /// fails, the open group is rolled back and this and every later call throw the first error.
    public func record(_ evaluation: Evaluation, inputHash: String, decisionFile: String?) throws {
        if let failure { throw failure }
        let entry = RegisterEntry(evaluation, inputHash: inputHash, decisionFile: decisionFile, pseudonyms: pseudonyms)
        do {
            if known.contains(entry.scheme + "\u{1F}" + entry.application) {
                try entry.replaceCurrent(in: db)
                // A decision taken again may change what a key holds: read it anew when next needed.
                entriesByKey = entriesByKey.filter { $0.key.scheme != entry.scheme }
            } else {
                try entry.insert(into: db)
                remember(entry)
            }
            submitted += 1
            inGroup += 1
            if inGroup >= groupSize {
                try commitGroup()
                try begin()
            }
        } catch let row as UnreadableRow {
            throw fail(RegisterError.unreadable(row, register: register))
        } catch {
            throw fail(error)
        }
    }

    /// Commits the last group.
    func finish() throws {
        if let failure { throw failure }
        do {
            try commitGroup()
        } catch {
            throw fail(error)
        }
    }

    private func begin() throws {
        try db.beginTransaction(writing ? .immediate : .deferred)
    }

    private func commitGroup() throws {
        try db.commit()
        recorded += inGroup
        inGroup = 0
    }

    /// Rolls the open group back (SQLite may already have done so) and keeps the first error,
    /// told with the register's path and what this session committed before it.
    private func fail(_ error: any Error) -> RegisterError {
        if db.isInsideTransaction { try? db.rollback() }
        inGroup = 0
        let failure = RegisterError.writeFailed(error, register: register, recorded: recorded)
        self.failure = failure
        return failure
    }

    /// Adds a new favourable decision to the keys already in memory, in filing order.
    private func remember(_ entry: RegisterEntry) {
        guard entry.outcome == .favorable else { return }
        let limitEntry = LimitEntry(applicationID: entry.application, filed: entry.filed, amount: entry.amount, months: entry.months)
        for key in entry.keys {
            let path = KeyPath(scheme: entry.scheme, limit: key.limit, key: key.key, period: key.period)
            guard var list = entriesByKey[path] else { continue }
            let stored = Stored(application: entry.application, entry: limitEntry)
            let position = list.firstIndex { !Self.precedes($0, (limitEntry.filed, entry.application)) } ?? list.count
            list.insert(stored, at: position)
            entriesByKey[path] = list
        }
    }
}
