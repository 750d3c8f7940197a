import Evaluator
import GRDB
import SchemeLanguage

/// The register during a batch: one connection, decisions committed by groups.
public final class RegisterSession: LimitReader, @unchecked Sendable {
    private let db: Database
    private let pseudonyms: Pseudonymizer
    private let groupSize: Int
    private var inGroup = 0

    init(db: Database, pseudonyms: Pseudonymizer, groupSize: Int) {
        self.db = db
        self.pseudonyms = pseudonyms
        self.groupSize = max(1, groupSize)
    }

    public func entries(scheme: String, limit: String, key: LimitKey, before: (filed: LocalDate, id: String)) throws -> [LimitEntry] {
        try DecisionRegister.entries(db, scheme: scheme, limit: limit, key: pseudonyms.stored(key), period: key.period, before: before)
    }

    /// Records a decision with its keys; commits the group when it is full.
    public func record(_ evaluation: Evaluation, inputHash: String, decisionFile: String?) throws {
        let entry = RegisterEntry(evaluation, inputHash: inputHash, decisionFile: decisionFile, pseudonyms: pseudonyms)
        try entry.replaceCurrent(in: db)
        inGroup += 1
        if inGroup >= groupSize {
            try db.commit()
            try db.beginTransaction()
            inGroup = 0
        }
    }
}
