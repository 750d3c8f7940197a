import Evaluator
import ExactDecimal
import GRDB
import SchemeLanguage

/// The register during a batch: one connection, decisions committed by groups.
///
/// The session is the register's only writer while the batch runs, so it keeps what limits
/// read in memory: the entries of each key are read from the database once, then kept up to
/// date as decisions are recorded. A limit then costs a dictionary lookup, not a query.
public final class RegisterSession: LimitReader {
    let db: Database
    /// The register's path, for messages.
    let register: String
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
    /// Decided entries in force by scheme, limit, stored key and period, in the order decided.
    private var entriesByKey: [KeyPath: [Stored]] = [:]
    /// The sitting whose proposals count towards limits, as they are proposed in this session.
    private let sitting: String?
    /// Proposals made in this session at `sitting`, in the order proposed, by key.
    private var proposedByKey: [KeyPath: [Stored]] = [:]
    /// The stage of each application with an entry in force.
    private(set) var known: [Name: Known] = [:]
    /// Histories read ahead for a run that asks them in a known order.
    var readAhead = HistoryReadAhead()
    /// The id of the next row inserted, read at the group's first insert: see `nextRowID`.
    private var nextID: Int64?
    /// The statements that record entries, found at the first.
    private var writes: EntryWrites?

    /// An application of a scheme.
    struct Name: Hashable {
        let scheme: String
        let application: String
    }

    struct KeyPath: Hashable {
        let scheme: String
        let limit: String
        let key: String
        let period: String
    }

    struct Stored {
        let application: String
        let entry: LimitEntry
        /// Its place in the order of decisions; a proposal comes after every decision.
        let order: Int64
    }

    /// An application's entry in force: its stage, its row, and once decided its place in the order of decisions.
    struct Known {
        let stage: Stage
        let place: RegisterEntry.Place
    }

    init(db: Database, register: String, pseudonyms: Pseudonymizer, groupSize: Int, writing: Bool, sitting: String?) throws {
        self.db = db
        self.register = register
        self.pseudonyms = pseudonyms
        self.groupSize = max(1, groupSize)
        self.writing = writing
        self.sitting = sitting
        do {
            try begin()
            let statement = try db.makeStatement(sql: "SELECT id, scheme, application, stage, decided_order FROM decision WHERE current = 1")
            try DecisionRow.forEach(statement, in: db) { entry in
                known[Name(scheme: try entry.text(.scheme), application: try entry.text(.application))] =
                    Known(stage: try entry.stage(), place: try RegisterEntry.Place(entry))
            }
        } catch let row as UnreadableRow {
            throw fail(RegisterError.unreadable(row, register: register))
        } catch {
            throw fail(error)
        }
    }

    /// The stage of an application's entry in force, nil when the register has none.
    public func stage(scheme: String, application: String) -> Stage? {
        known[Name(scheme: scheme, application: application)]?.stage
    }

    /// What counts towards a limit: the aid decided before the application was (all of it, for
    /// one not decided yet), then what this session proposed at its sitting before it; never
    /// the application's own entries.
    public func entries(scheme: String, limit: String, key: LimitKey, before: (filed: LocalDate, id: String)) throws -> [LimitEntry] {
        let path = KeyPath(scheme: scheme, limit: limit, key: pseudonyms.stored(key), period: key.period)
        let own = known[Name(scheme: scheme, application: before.id)]?.place.order ?? Int64.max
        let decided = try entries(at: path).filter { $0.order < own }
        return (decided + (proposedByKey[path] ?? [])).lazy.filter { $0.application != before.id }.map(\.entry)
    }

    private func entries(at path: KeyPath) throws -> [Stored] {
        if let cached = entriesByKey[path] { return cached }
        let loaded: [Stored]
        do {
            loaded = try DecisionRegister.entries(db, scheme: path.scheme, limit: path.limit, key: path.key, period: path.period)
                .map { Stored(application: $0.entry.applicationID, entry: $0.entry, order: $0.order) }
        } catch let row as UnreadableRow {
            throw RegisterError.unreadable(row, register: register)
        }
        entriesByKey[path] = loaded
        return loaded
    }

    /// Records an application at a stage with its keys; commits the group when it is full. When
    /// the register fails, the open group is rolled back and this and every later call throw the
    /// first error. `amount` and `outcome` replace the evaluation's for an amended decision.
    public func record(_ evaluation: Evaluation, inputHash: String, decisionFile: String?, stage: StageRecord,
                       amount: DecimalNumber?? = nil, outcome: Outcome? = nil) throws {
        if let failure { throw failure }
        try store(RegisterEntry(evaluation, inputHash: inputHash, decisionFile: decisionFile, pseudonyms: pseudonyms,
                                stage: stage, amount: amount, outcome: outcome))
    }

    /// Records an entry made from another (`RegisterEntry.moved`): a notification, a withdrawal,
    /// a proposal sent back to instruction.
    public func record(_ entry: RegisterEntry) throws {
        if let failure { throw failure }
        try store(entry)
    }

    private func store(_ entry: RegisterEntry) throws {
        do {
            let name = Name(scheme: entry.scheme, application: entry.application)
            let previous = known[name]
            let id = try nextRowID()
            let writes = try self.writes ?? EntryWrites(db)
            self.writes = writes
            let place = try entry.replace(try previous.map { try current(name, $0, comparedTo: entry) }, with: writes, id: id)
            if place.id == id { nextID = id.flatMap { $0 < Int64.max ? $0 + 1 : nil } }
            // A decision taken again may change what a key holds: read it anew when next needed.
            if previous?.stage.isDecided == true {
                entriesByKey = entriesByKey.filter { $0.key.scheme != entry.scheme }
            }
            known[name] = Known(stage: entry.stage, place: place)
            readAhead.forget(name)
            remember(entry, order: place.order)
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

    /// The entry in force as `RegisterEntry.replace` needs it: its place, which the session
    /// knows, and its content, read only when it is at the new entry's stage (an entry at
    /// another stage cannot have the same content).
    private func current(_ name: Name, _ known: Known, comparedTo entry: RegisterEntry) throws
        -> (place: RegisterEntry.Place, entry: RegisterEntry?) {
        guard known.stage == entry.stage else { return (known.place, nil) }
        return (known.place, try RegisterEntry.current(scheme: name.scheme, application: name.application, in: db)?.entry)
    }

    /// The id SQLite would give the next row of `decision`: with AUTOINCREMENT, one more than
    /// the largest it ever gave (`sqlite_sequence`) or than any row holds, whichever is larger.
    /// Read once per group, whose transaction keeps any other writer out; the session counts
    /// on from it. Nil past the largest id, where SQLite then refuses the row itself.
    private func nextRowID() throws -> Int64? {
        if let nextID { return nextID }
        let last = try Int64.fetchOne(db, sql: """
            SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'decision'), 0),
                       coalesce((SELECT max(id) FROM decision), 0))
            """) ?? 0
        nextID = last < Int64.max ? last + 1 : nil
        return nextID
    }

    /// Counts a proposal made at the session's sitting towards the limits of the candidates
    /// evaluated after it, before anything is recorded: a selection writes its documents first.
    public func countProposal(_ evaluation: Evaluation, at sitting: DecisionAct) {
        remember(RegisterEntry(evaluation, inputHash: "", decisionFile: nil, pseudonyms: pseudonyms,
                               stage: StageRecord(stage: .proposal, act: sitting)), order: nil)
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
        nextID = nil
        try db.beginTransaction(writing ? .immediate : .deferred)
    }

    private func commitGroup() throws {
        try db.commit()
        recorded += inGroup
        inGroup = 0
    }

    /// Rolls the open group back (SQLite may already have done so) and keeps the first error,
    /// told with the register's path and what this session committed before it.
    func fail(_ error: any Error) -> RegisterError {
        if db.isInsideTransaction { try? db.rollback() }
        inGroup = 0
        let failure = RegisterError.writeFailed(error, register: register, recorded: recorded)
        self.failure = failure
        return failure
    }

    /// Proposals sent back to instruction stop counting.
    func forgetProposals(of applications: Set<String>) {
        proposedByKey = proposedByKey.mapValues { $0.filter { !applications.contains($0.application) } }
    }

    /// Adds an entry that counts to the keys in memory: a favourable decision to those read
    /// from the register (unread ones will read it), a proposal at the sitting to the proposals.
    private func remember(_ entry: RegisterEntry, order: Int64?) {
        guard entry.outcome == .favorable else { return }
        let proposed = entry.stage == .proposal && entry.stageRecord.act?.reference == sitting && sitting != nil
        guard entry.stage.isDecided || proposed else { return }
        let limitEntry = LimitEntry(applicationID: entry.application, filed: entry.filed, amount: entry.amount, months: entry.months)
        for key in entry.keys {
            let path = KeyPath(scheme: entry.scheme, limit: key.limit, key: key.key, period: key.period)
            let stored = Stored(application: entry.application, entry: limitEntry, order: order ?? Int64.max)
            if proposed {
                proposedByKey[path, default: []].append(stored)
            } else if entriesByKey[path] != nil {
                entriesByKey[path]!.append(stored)
            }
        }
    }
}
