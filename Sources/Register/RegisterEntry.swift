import Evaluator
import ExactDecimal
import GRDB
import SchemeLanguage

/// One decision as the register keeps it.
public struct RegisterEntry: Sendable, Equatable {
    public let scheme: String
    public let application: String
    public let filed: LocalDate
    public internal(set) var outcome: Outcome
    /// The amount, exact; nil without an amount.
    public internal(set) var amount: DecimalNumber?
    public let months: Int
    /// Whose decision it is: the first key of the scheme's first limit, pseudonymised when it
    /// identifies a person.
    public let beneficiary: String?
    public let rulesHash: String
    public let inputHash: String
    public internal(set) var decisionFile: String?
    /// Each limit the decision counts towards: limit id, stored key, period.
    public internal(set) var keys: [Key]
    /// The stage the application was moved to, the act behind it, who moved it and when.
    public internal(set) var stageRecord: StageRecord
    /// A legal person's name and SIRET, for the open data of subsidies; nil for a natural
    /// person, whom the register never names.
    public let beneficiaryName: String?
    public let beneficiaryID: String?
    /// What the application is for, for a legal person's application.
    public let subject: String?
    /// False for an entry replaced by a later decision on the same application.
    public var current = true

    public struct Key: Sendable, Equatable {
        public let limit: String
        public let key: String
        public let period: String
    }

    public var stage: Stage { stageRecord.stage }

    /// The entry for an evaluation at a stage. `amount` replaces the evaluation's when the body
    /// that decides amends it (`stage.proposedAmount` then keeps what was proposed); `outcome`
    /// replaces it for a withdrawal.
    init(_ evaluation: Evaluation, inputHash: String, decisionFile: String?, pseudonyms: Pseudonymizer,
         stage: StageRecord, amount: DecimalNumber?? = nil, outcome: Outcome? = nil) {
        let scheme = evaluation.scheme
        let application = evaluation.application
        self.scheme = scheme.id
        self.application = application.id
        filed = application.filed
        self.outcome = outcome ?? evaluation.outcome
        self.amount = amount ?? evaluation.amount?.final
        stageRecord = stage
        let legal = application.applicant.isLegalPerson
        beneficiaryName = legal ? application.applicant.name : nil
        beneficiaryID = legal ? application.applicant.siret : nil
        subject = legal ? application.subject : nil
        months = evaluation.schedule?.months.count ?? 0
        keys = evaluation.records.map { record in
            Key(limit: scheme.limits[record.index].id, key: pseudonyms.stored(record.key), period: record.key.period)
        }
        beneficiary = evaluation.records.first.flatMap { $0.key.parts.first }.map(pseudonyms.stored)
        rulesHash = scheme.rulesHash
        self.inputHash = inputHash
        self.decisionFile = decisionFile
    }

    /// The row as it was written, or an error naming it.
    private init(_ row: DecisionRow, keys: [Key]) throws(UnreadableRow) {
        scheme = try row.text(.scheme)
        application = try row.text(.application)
        filed = try row.date(.filed)
        outcome = try row.outcome(.outcome)
        amount = try row.amount(.amount)
        months = try row.integer(.months)
        beneficiary = try row.optionalText(.beneficiary)
        rulesHash = try row.text(.rulesHash)
        inputHash = try row.text(.inputHash)
        decisionFile = try row.optionalText(.decisionFile)
        current = try row.integer(.current) != 0
        self.keys = keys
        stageRecord = try row.stageRecord()
        beneficiaryName = try row.optionalText(.beneficiaryName)
        beneficiaryID = try row.optionalText(.beneficiaryID)
        subject = try row.optionalText(.subject)
    }

    /// The same application, stage and amounts: recording it again changes nothing.
    func sameContent(as other: RegisterEntry) -> Bool {
        scheme == other.scheme && application == other.application && filed == other.filed && outcome == other.outcome
            && amount == other.amount && months == other.months && beneficiary == other.beneficiary
            && rulesHash == other.rulesHash && inputHash == other.inputHash && decisionFile == other.decisionFile
            && keys == other.keys && beneficiaryName == other.beneficiaryName && beneficiaryID == other.beneficiaryID
            && subject == other.subject && stageRecord.sameContent(as: other.stageRecord)
    }

    /// The same application moved to another stage, with its keys, months and beneficiary as the
    /// register recorded them: a notification or a withdrawal changes no limit's key or period.
    public func moved(to stage: StageRecord, decisionFile: String?, amount: DecimalNumber?? = nil,
                      outcome: Outcome? = nil) -> RegisterEntry {
        var entry = self
        entry.stageRecord = stage
        entry.decisionFile = decisionFile
        if let amount { entry.amount = amount }
        if let outcome { entry.outcome = outcome }
        entry.current = true
        return entry
    }

    /// The amount as the register stores and exports it: exact, canonical, the cents always
    /// written ("30000.00", "123.456").
    public var amountText: String? { amount.map(FrenchFormat.moneyCanonical) }

    /// Where an entry in force is: its row, and once decided its place in the order of decisions.
    struct Place {
        let id: Int64
        let order: Int64?

        init(id: Int64, order: Int64?) {
            self.id = id
            self.order = order
        }

        /// The place a row read back holds.
        init(_ row: DecisionRow) throws(UnreadableRow) {
            id = Int64(try row.integer(.id))
            order = try row.optionalInteger(.decidedOrder).map(Int64.init)
        }
    }

    /// Makes this the application's entry in force; the previous one stays as history.
    /// Recording the same decision again changes nothing. Returns the application's place in
    /// the order of decisions, once decided.
    @discardableResult
    func replaceCurrent(in db: Database) throws -> Int64? {
        let current = try RegisterEntry.currentPlace(scheme: scheme, application: application, stage: stage, in: db)
        return try replace(current, with: try EntryWrites(db)).order
    }

    /// Makes this the application's entry in force in place of `current` (nil when it has
    /// none), whose content is given when it is at this stage (see `currentPlace`). Returns
    /// where the entry in force now is. `id` is the row id a new entry takes (see `insert`).
    func replace(_ current: (place: Place, entry: RegisterEntry?)?, with writes: EntryWrites, id: Int64? = nil) throws -> Place {
        guard let current else { return try insert(with: writes, id: id) }
        if let entry = current.entry, entry.sameContent(as: self) { return current.place }
        var retired = SQLiteParameters(writes.retire)
        retired.bind(current.place.id)
        try retired.execute(in: writes.db)
        return try insert(with: writes, order: current.place.order, id: id)
    }

    /// The place of the entry in force, read whole (`entry`) only when it is at `stage`:
    /// an entry at another stage cannot have the same content, and a decision run moves every
    /// application from one stage to the next. A stage that does not read back is read whole,
    /// so that the row is named.
    private static func currentPlace(scheme: String, application: String, stage: Stage, in db: Database) throws
        -> (place: Place, entry: RegisterEntry?)? {
        let statement = try db.cachedStatement(sql: "SELECT id, decided_order, stage FROM decision WHERE scheme = ? AND application = ? AND current = 1")
        guard let row = try Row.fetchOne(statement, arguments: [scheme, application]) else { return nil }
        let stored: DatabaseValue = row[2]
        if case .string(let text) = stored.storage, let other = Stage(rawValue: text), other != stage {
            return (Place(id: row[0], order: row[1]), nil)
        }
        return try current(scheme: scheme, application: application, in: db).map { (Place(id: $0.id, order: $0.order), $0.entry) }
    }

    /// Inserts the entry in force. A decided entry takes its place in the order of decisions:
    /// the application's first decision's, kept through amendments and withdrawals, so that a
    /// limit counts for each decision what was decided before it, as it was decided.
    ///
    /// `id` is the row id SQLite would give the row (`RegisterSession.nextID`), given by a
    /// session that knows it: a first decision's place is its own id, then written with the
    /// row rather than by a second statement. Without it, SQLite chooses.
    @discardableResult
    func insert(with writes: EntryWrites, order previous: Int64? = nil, id chosen: Int64? = nil) throws -> Place {
        let known = stage.isDecided ? previous ?? chosen : nil
        var parameters = SQLiteParameters(writes.insert)
        bindColumns(to: &parameters, id: chosen, order: known)
        try parameters.execute(in: writes.db)
        let id = writes.db.lastInsertedRowID
        let order = stage.isDecided ? known ?? id : nil
        if known == nil, let order {
            var ordered = SQLiteParameters(writes.order)
            ordered.bind(order)
            ordered.bind(id)
            try ordered.execute(in: writes.db)
        }
        for key in keys {
            var parameters = SQLiteParameters(writes.insertKey)
            parameters.bind(id)
            parameters.bind(key.limit)
            parameters.bind(key.key)
            parameters.bind(key.period)
            try parameters.execute(in: writes.db)
        }
        return Place(id: id, order: order)
    }

    /// The statement `insert` runs: every column but `current` is a parameter, bound by `bindColumns`.
    static let insertSQL = """
        INSERT INTO decision (id, scheme, application, filed, outcome, amount, months, beneficiary,
                              rules_sha256, input_sha256, decision_file, current,
                              stage, reference_date, act_body, act_reference, act_date, notified_on, proposed_amount,
                              document_sha256, note, withdrawal_ground, proposal_rank, actor, recorded_at, html_sha256, odt_sha256,
                              beneficiary_name, beneficiary_id, subject, decided_order)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// Binds the values of the columns `insertSQL` writes, in its order, with the row's `id`
    /// (nil: SQLite chooses) and place in the order of decisions.
    func bindColumns(to parameters: inout SQLiteParameters, id: Int64?, order: Int64?) {
        let stage = stageRecord
        parameters.bind(id)
        parameters.bind(scheme)
        parameters.bind(application)
        parameters.bind(filed)
        parameters.bind(outcome.rawValue)
        parameters.bind(amountText)
        parameters.bind(months)
        parameters.bind(beneficiary)
        parameters.bind(rulesHash)
        parameters.bind(inputHash)
        parameters.bind(decisionFile)
        parameters.bind(stage.stage.rawValue)
        parameters.bind(stage.referenceDate)
        parameters.bind(stage.act?.body.rawValue)
        parameters.bind(stage.act?.reference)
        parameters.bind(stage.act?.date)
        parameters.bind(stage.notifiedOn)
        parameters.bind(stage.proposedAmount.map(FrenchFormat.moneyCanonical))
        parameters.bind(stage.documentHash)
        parameters.bind(stage.note)
        parameters.bind(stage.withdrawal?.rawValue)
        parameters.bind(stage.rank)
        parameters.bind(stage.actor)
        parameters.bind(stage.recordedAt)
        parameters.bind(stage.htmlHash)
        parameters.bind(stage.odtHash)
        parameters.bind(beneficiaryName)
        parameters.bind(beneficiaryID)
        parameters.bind(subject)
        parameters.bind(order)
    }

    static func current(scheme: String, application: String, in db: Database) throws
        -> (id: Int64, order: Int64?, entry: RegisterEntry)? {
        let statement = try db.cachedStatement(sql: "SELECT * FROM decision WHERE scheme = ? AND application = ? AND current = 1")
        try statement.setArguments([scheme, application])
        var current: (id: Int64, order: Int64?, entry: RegisterEntry)?
        // One row at most: one entry in force per application (index `decision_in_force`).
        try DecisionRow.forEach(statement, in: db) { row in
            let place = try Place(row)
            current = (place.id, place.order, try RegisterEntry(row, keys: try keys(of: place.id, in: db)))
        }
        return current
    }

    /// The entries `condition` selects, in `order`, each with its keys, in one query: each
    /// entry's keys are joined to it, one row per key, each decoded where the statement reads
    /// it (`DecisionRow.forEach`). `order` ends with `id`, so that an entry's rows follow one
    /// another. The condition names the columns of `decision`, which `decision_key` does not share.
    static func fetch(_ db: Database, where condition: String, arguments: StatementArguments,
                      order: String = "scheme, filed, application, id") throws -> [RegisterEntry] {
        // An order not ending with the id could interleave two entries' rows, and split one
        // entry in two.
        precondition(order == "id" || order.hasSuffix(", id"), "the order of register entries must end with their id")
        // Cached: a decision run asks each application's history, and compiling the statement
        // (with GRDB's authorizer on every column) cost more than running it.
        let statement = try db.cachedStatement(sql: """
            SELECT decision.*, decision_key.limit_id, decision_key.key, decision_key.period
            FROM decision LEFT JOIN decision_key ON decision_key.decision = decision.id
            WHERE \(condition) ORDER BY \(order), decision_key.limit_id
            """)
        try statement.setArguments(arguments)
        var entries: [RegisterEntry] = []
        var last: Int64?
        try DecisionRow.forEach(statement, in: db) { row in
            let id = Int64(try row.integer(.id))
            if id != last {
                entries.append(try RegisterEntry(row, keys: []))
                last = id
            }
            if let key = row.key() { entries[entries.count - 1].keys.append(key) }
        }
        return entries
    }

    private static func keys(of decision: Int64, in db: Database) throws -> [Key] {
        let statement = try db.cachedStatement(sql: "SELECT limit_id, key, period FROM decision_key WHERE decision = ? ORDER BY limit_id")
        return try Row.fetchAll(statement, arguments: [decision]).map { Key(limit: $0[0], key: $0[1], period: $0[2]) }
    }
}
