import GRDB

/// The histories of applications a run will ask in a known order, read a chunk at a time: one
/// query (and one for their keys) per `chunkSize` applications instead of two per application.
///
/// A history read ahead is the register's as it was read; recording an application forgets its
/// own (`forget`), so that asking it again reads the register, which then holds the new entry.
struct HistoryReadAhead {
    /// Applications per query: well under SQLite's oldest limit of 999 parameters, and a
    /// chunk's histories in memory, not a whole run's.
    static let chunkSize = 500

    /// The applications planned, in the order they will be asked.
    private var planned: [RegisterSession.Name] = []
    /// Where each application planned first is in `planned`.
    private var positions: [RegisterSession.Name: Int] = [:]
    /// How many of `planned` have been read ahead so far.
    private var readUpTo = 0
    /// The histories of the last chunk read, until each application is recorded.
    private var histories: [RegisterSession.Name: [RegisterEntry]] = [:]

    /// Plans the applications to read ahead, replacing any earlier plan.
    mutating func plan(_ applications: [RegisterSession.Name]) {
        self = HistoryReadAhead()
        planned = applications
        for (position, name) in applications.enumerated() where positions[name] == nil { positions[name] = position }
    }

    /// An application's history read ahead, reading its chunk when it is the first asked of
    /// it; nil for an application not planned, or asked again after it was recorded.
    mutating func history(of name: RegisterSession.Name, in db: Database) throws -> [RegisterEntry]? {
        if let history = histories[name] { return history }
        guard let position = positions[name], position >= readUpTo else { return nil }
        let chunk = planned[position..<min(position + Self.chunkSize, planned.count)]
        histories = try Self.read(chunk, in: db)
        readUpTo = chunk.endIndex
        return histories[name]
    }

    /// Forgets an application's history read ahead: it has just changed.
    mutating func forget(_ name: RegisterSession.Name) {
        histories[name] = nil
    }

    /// The histories of `names`, oldest entry first, by application; empty for one the
    /// register does not hold. One query per scheme among them (a run has one).
    private static func read(_ names: ArraySlice<RegisterSession.Name>, in db: Database) throws
        -> [RegisterSession.Name: [RegisterEntry]] {
        var histories = Dictionary(names.map { ($0, [RegisterEntry]()) }, uniquingKeysWith: { first, _ in first })
        for (scheme, applications) in Dictionary(grouping: names, by: \.scheme) {
            let ids = Array(Set(applications.map(\.application))).sorted()
            let placeholders = Array(repeating: "?", count: ids.count).joined(separator: ", ")
            // In the order of the index on applications (each application's rows by id): no sort.
            let entries = try RegisterEntry.fetch(db, where: "scheme = ? AND application IN (\(placeholders))",
                                                  arguments: StatementArguments([scheme] + ids), order: "application, id")
            for entry in entries {
                histories[RegisterSession.Name(scheme: scheme, application: entry.application), default: []].append(entry)
            }
        }
        return histories
    }
}

extension RegisterSession {
    /// Plans the histories a run will ask (`history`), in the order it will ask them: each is
    /// then read with its chunk's, in one query. Asking another application, or the same again
    /// after recording it, reads the register as without a plan.
    public func readAhead(histories applications: [String], scheme: String) {
        readAhead.plan(applications.map { Name(scheme: scheme, application: $0) })
    }
}
