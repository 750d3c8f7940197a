import Decisions
import ExactDecimal
import Platform
import SchemeLanguage

/// A batch's entries in 24 bytes each, for batches of any size: what the summary table and
/// `summary.jsonl` say of an application is its outcome, its amount, its stage and a few
/// flags; its id, its file and its line are its document's, already in the `FilingIndex`.
///
/// Each entry reads back as the `BatchEntry` the batch made, its evaluation aside
/// (`.summarized`). An entry that does not fit — an error other than the register's, an amount
/// beyond 64 bits — is kept whole: rare, and never lost.
public struct CompactEntries: RandomAccessCollection, EntrySink {
    struct Record {
        /// The document's position in the index; for an entry kept whole, its index in `whole`.
        var document: UInt32
        /// Its place among the decisions handed to the register, or −1.
        var ordinal: Int32
        var significand: Int64
        var scheme: UInt16
        /// The amount's scale, or `noAmount`.
        var scale: UInt8
        /// In `Outcome.allCases`, or `noOutcome`.
        var outcome: UInt8
        /// 1 + the stage in `Stage.allCases` the register already held the application at, or 0.
        var kept: UInt8
        var flags: Flags
    }

    struct Flags: OptionSet {
        let rawValue: UInt8
        static let whole = Flags(rawValue: 1)
        /// Its files were written, under the names a batch gives them.
        static let written = Flags(rawValue: 2)
        static let unrecorded = Flags(rawValue: 4)
        /// The register stopped the batch before it (`BatchRunner.unprocessed`).
        static let unprocessed = Flags(rawValue: 8)
    }

    private static let noAmount = UInt8.max
    private static let noOutcome = UInt8.max
    private static let outcomes = Outcome.allCases
    private static let stages = Stage.allCases

    /// The tables of the allocations (`kind: allocation`) of the batch, by scheme id: a row per
    /// establishment, kept whole, since an authority has hundreds of them, not millions.
    public private(set) var allocations: [String: AllocationTable] = [:]
    private var records: [Record] = []
    private var whole: [BatchEntry] = []
    private var schemes: [String] = []
    private var schemeNumbers: [String: UInt16] = [:]
    private let index: FilingIndex
    private let output: OutputFolder?

    /// The entries of a batch of the documents of `index`, whose files are written in `output`.
    init(index: FilingIndex, output: OutputFolder?) {
        self.index = index
        self.output = output
        records.reserveCapacity(index.count + index.failures.count)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { records.count }

    public subscript(position: Int) -> BatchEntry {
        let record = records[position]
        let document = Int(record.document)
        if record.flags.contains(.whole) { return whole[document] }
        let mark = index.mark(at: document)
        if record.flags.contains(.unprocessed) { return index.failure(at: document, [BatchRunner.unprocessed(at: mark)]) }
        let id = index.id(at: document)
        let scheme = schemes[Int(record.scheme)]
        let amount = record.scale == Self.noAmount ? nil : DecimalNumber(significand: Int128(record.significand), scale: Int(record.scale))
        let outcome = record.outcome == Self.noOutcome ? nil : Self.outcomes[Int(record.outcome)]
        var entry = BatchEntry(mark: mark, id: id, schemeID: scheme, result: outcome.map { .summarized(outcome: $0, amount: amount) } ?? .failed([]))
        if record.flags.contains(.written) { entry.decisionPath = decisionPath(id: id, scheme: scheme, document: document) }
        if record.kept > 0 { entry.kept = Self.stages[Int(record.kept) - 1] }
        if record.flags.contains(.unrecorded) { entry.unrecorded = BatchRunner.unrecorded(at: mark) }
        if record.ordinal >= 0 { entry.recordOrdinal = Int(record.ordinal) }
        return entry
    }

    mutating func append(_ entry: BatchEntry, document: Int?) {
        if case .decided(let evaluation) = entry.result, evaluation.scheme.kind == .allocation {
            allocations[evaluation.scheme.id, default: AllocationTable(scheme: evaluation.scheme)].add(evaluation)
        }
        if let document, let record = compact(entry, document: document) {
            records.append(record)
        } else {
            records.append(Record(document: UInt32(whole.count), ordinal: -1, significand: 0, scheme: 0, scale: Self.noAmount,
                                  outcome: Self.noOutcome, kept: 0, flags: .whole))
            whole.append(entry)
        }
    }

    mutating func markUnrecorded(from committed: Int) {
        for position in records.indices {
            let record = records[position]
            if record.flags.contains(.whole) {
                let document = Int(record.document)
                if (whole[document].recordOrdinal ?? -1) >= committed, whole[document].unrecorded == nil {
                    whole[document].unrecorded = BatchRunner.unrecorded(at: whole[document].mark)
                }
            } else if Int(record.ordinal) >= committed, record.ordinal >= 0 {
                records[position].flags.insert(.unrecorded)
            }
        }
    }

    /// The record saying all the entry says, or nil when it must be kept whole.
    private mutating func compact(_ entry: BatchEntry, document: Int) -> Record? {
        let mark = index.mark(at: document)
        guard entry.mark == mark, let id = entry.id, id == index.id(at: document), let scheme = entry.schemeID else { return nil }
        var record = Record(document: UInt32(document), ordinal: -1, significand: 0, scheme: 0, scale: Self.noAmount,
                            outcome: Self.noOutcome, kept: 0, flags: [])
        guard let outcome = entry.outcome else {
            let unprocessed = [BatchRunner.unprocessed(at: mark)]
            guard entry.diagnostics == unprocessed, scheme == index.target(at: document).name, entry.kept == nil,
                  entry.decisionPath == nil, entry.recordOrdinal == nil else { return nil }
            record.flags = .unprocessed
            return record
        }
        guard let number = schemeNumber(scheme) else { return nil }
        record.scheme = number
        record.outcome = UInt8(Self.outcomes.firstIndex(of: outcome)!)
        if let amount = entry.amount {
            guard let significand = Int64(exactly: amount.significand) else { return nil }
            record.significand = significand
            record.scale = UInt8(amount.scale)
        }
        if let path = entry.decisionPath {
            guard path == decisionPath(id: id, scheme: scheme, document: document) else { return nil }
            record.flags.insert(.written)
        }
        if let kept = entry.kept { record.kept = UInt8(Self.stages.firstIndex(of: kept)! + 1) }
        if let unrecorded = entry.unrecorded {
            guard unrecorded == BatchRunner.unrecorded(at: mark) else { return nil }
            record.flags.insert(.unrecorded)
        }
        if let ordinal = entry.recordOrdinal {
            guard let small = Int32(exactly: ordinal) else { return nil }
            record.ordinal = small
        }
        return record
    }

    private mutating func schemeNumber(_ scheme: String) -> UInt16? {
        if let number = schemeNumbers[scheme] { return number }
        guard schemes.count < Int(UInt16.max) else { return nil }
        let number = UInt16(schemes.count)
        schemes.append(scheme)
        schemeNumbers[scheme] = number
        return number
    }

    /// The Markdown file a batch writes for the decision, as `BatchRunner` names it.
    private func decisionPath(id: String, scheme: String, document: Int) -> String? {
        let target = index.target(at: document)
        let name = OutputNames.decisionName(id: id, family: target.members == nil ? nil : target.name, scheme: scheme)
        return output?.path("\(name).md")
    }
}
