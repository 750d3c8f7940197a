import GRDB
import SchemeLanguage

/// What the lifecycle's commands ask the register during a session: an application's entry in
/// force and its history, a sitting's proposals, the decisions that share a limit with one.
extension RegisterSession {
    /// An application's entry in force, nil when the register has none.
    public func current(scheme: String, application: String) throws -> RegisterEntry? {
        do {
            return try RegisterEntry.current(scheme: scheme, application: application, in: db)?.entry
        } catch let row as UnreadableRow {
            throw RegisterError.unreadable(row, register: register)
        }
    }

    /// Every entry of an application, oldest first: read ahead with others when `readAhead(histories:scheme:)` planned it.
    public func history(scheme: String, application: String) throws -> [RegisterEntry] {
        do {
            let name = Name(scheme: scheme, application: application)
            if let history = try readAhead.history(of: name, in: db) { return history }
            return try RegisterEntry.fetch(db, where: "scheme = ? AND application = ?", arguments: [scheme, application], order: "id")
        } catch let row as UnreadableRow {
            throw RegisterError.unreadable(row, register: register)
        }
    }

    /// The acts of a scheme decided and not yet notified, in the order they were decided.
    public func awaitingNotification(scheme: String) throws -> [RegisterEntry] {
        do {
            return try RegisterEntry.fetch(db, where: "scheme = ? AND current = 1 AND stage = 'decision'", arguments: [scheme],
                                           order: "decided_order, id")
        } catch let row as UnreadableRow {
            throw RegisterError.unreadable(row, register: register)
        }
    }

    /// The applications proposed at a sitting, in the ranking's order.
    public func proposals(scheme: String, sitting: String) throws -> [RegisterEntry] {
        do {
            return try RegisterEntry.fetch(db, where: "scheme = ? AND current = 1 AND stage = 'proposal' AND act_reference = ?",
                                           arguments: [scheme, sitting], order: "proposal_rank, id")
        } catch let row as UnreadableRow {
            throw RegisterError.unreadable(row, register: register)
        }
    }

    /// The applications decided after `application` that share a limit's key and period with
    /// it: deciding it again may change what they should have received.
    public func decidedAfter(scheme: String, application: String) throws -> [String] {
        guard let order = known[Name(scheme: scheme, application: application)]?.place.order else { return [] }
        return try String.fetchAll(db, sql: """
            SELECT DISTINCT later.application
            FROM decision mine
            JOIN decision_key mk ON mk.decision = mine.id
            JOIN decision_key lk ON lk.limit_id = mk.limit_id AND lk.key = mk.key AND lk.period = mk.period
            JOIN decision later ON later.id = lk.decision
            WHERE mine.scheme = ? AND mine.application = ? AND mine.current = 1
              AND later.scheme = mine.scheme AND later.current = 1 AND later.decided_order > ?
              AND later.stage IN ('decision', 'notified')
            ORDER BY later.decided_order
            """, arguments: [scheme, application, order])
    }

    /// Sends back to instruction the applications of `among` (all when nil) proposed at
    /// `sitting` that are not in `keeping`, each with a new entry in force saying why (`note`);
    /// returns their ids.
    public func withdrawProposals(scheme: String, sitting: String, among: Set<String>?, keeping: Set<String>,
                                  note: String, actor: Actor?) throws -> [String] {
        let stale = try proposals(scheme: scheme, sitting: sitting)
            .filter { !keeping.contains($0.application) && (among?.contains($0.application) ?? true) }
        for entry in stale {
            let stage = StageRecord(stage: .instruction, referenceDate: entry.stageRecord.referenceDate, note: note,
                                    actor: actor?.name, recordedAt: actor?.at)
            try record(entry.moved(to: stage, decisionFile: entry.decisionFile))
        }
        let ids = Set(stale.map(\.application))
        forgetProposals(of: ids)
        return stale.map(\.application)
    }

}
