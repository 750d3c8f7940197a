import Evaluator
import GRDB
import SchemeLanguage

/// The register during a batch: one connection, decisions committed by groups.
///
/// The session is the register's only writer while the batch runs, so it keeps what limits
/// read in memory: the entries of each key are read from the database once, then kept up to
/// date as decisions are recorded. A limit then costs a dictionary lookup, not a query.
public final class RegisterSession: LimitReader, @unchecked Sendable {
    private let db: Database
    private let pseudonyms: Pseudonymizer
    private let groupSize: Int
    private var inGroup = 0
    /// Entries in force by scheme, limit, stored key and period, in filing order.
    private var entriesByKey: [KeyPath: [Stored]] = [:]
    /// The applications with an entry in force before the batch, by scheme then id.
    private let known: Set<String>

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

    init(db: Database, pseudonyms: Pseudonymizer, groupSize: Int) throws {
        self.db = db
        self.pseudonyms = pseudonyms
        self.groupSize = max(1, groupSize)
        known = Set(try String.fetchAll(db, sql: "SELECT scheme || '\u{1F}' || application FROM decision WHERE current = 1"))
    }

    public func entries(scheme: String, limit: String, key: LimitKey, before: (filed: LocalDate, id: String)) throws -> [LimitEntry] {
        let path = KeyPath(scheme: scheme, limit: limit, key: pseudonyms.stored(key), period: key.period)
        let stored = try entries(at: path)
        return stored.lazy.filter { Self.precedes($0, before) }.map(\.entry)
    }

    private func entries(at path: KeyPath) throws -> [Stored] {
        if let cached = entriesByKey[path] { return cached }
        let far = (filed: LocalDate(year: 9999, month: 12, day: 31)!, id: "\u{10FFFF}")
        let loaded = try DecisionRegister.entries(db, scheme: path.scheme, limit: path.limit, key: path.key, period: path.period, before: far)
            .map { Stored(application: $0.applicationID, entry: $0) }
        entriesByKey[path] = loaded
        return loaded
    }

    private static func precedes(_ stored: Stored, _ before: (filed: LocalDate, id: String)) -> Bool {
        stored.entry.filed < before.filed || (stored.entry.filed == before.filed && stored.application < before.id)
    }

    /// Records a decision with its keys; commits the group when it is full.
    public func record(_ evaluation: Evaluation, inputHash: String, decisionFile: String?) throws {
        let entry = RegisterEntry(evaluation, inputHash: inputHash, decisionFile: decisionFile, pseudonyms: pseudonyms)
        if known.contains(entry.scheme + "\u{1F}" + entry.application) {
            try entry.replaceCurrent(in: db)
            // A decision taken again may change what a key holds: read it anew when next needed.
            entriesByKey = entriesByKey.filter { $0.key.scheme != entry.scheme }
        } else {
            try entry.insert(into: db)
            remember(entry, evaluation)
        }
        inGroup += 1
        if inGroup >= groupSize {
            try db.commit()
            try db.beginTransaction()
            inGroup = 0
        }
    }

    /// Adds a new favourable decision to the keys already in memory, in filing order.
    private func remember(_ entry: RegisterEntry, _ evaluation: Evaluation) {
        guard entry.outcome == Outcome.favorable.rawValue else { return }
        let limitEntry = LimitEntry(applicationID: entry.application, filed: evaluation.application.filed,
                                    amount: evaluation.amount?.final, months: entry.months)
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
