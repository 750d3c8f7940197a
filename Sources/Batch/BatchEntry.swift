import Evaluator
import ExactDecimal
import SchemeLanguage
import YAMLReader

/// What became of one application document of a batch.
public struct BatchEntry: Sendable {
    public enum Result: Sendable {
        case decided(Evaluation)
        /// Decided, its documents written, and only what the batch's summary needs kept: a
        /// batch of many applications does not hold every evaluation to the end
        /// (`BatchRunner(keepingEvaluations: false)`).
        case summarized(outcome: Outcome, amount: DecimalNumber?)
        /// The application could not be read or evaluated; the reasons, located.
        case failed([Diagnostic])
    }

    /// Where the document starts.
    public let mark: SourceMark
    /// The application's id, when it could be read.
    public let id: String?
    public let schemeID: String?
    public let result: Result
    /// The decision file written, if any.
    public var decisionPath: String?
    /// The stage the application's entry in force was already at, when it was past instruction
    /// and the batch therefore left it and its documents as they were.
    public var kept: Stage?
    /// Set when the decision was taken (and its files written) but the register could not
    /// record it: it is not in force in the register until the batch is run again.
    public var unrecorded: Diagnostic?
    /// Its place among the decisions handed to the register in this batch, to tell, when the
    /// register fails, which were committed before the failure.
    var recordOrdinal: Int?

    public var outcome: Outcome? {
        switch result {
        case .decided(let evaluation): evaluation.outcome
        case .summarized(let outcome, _): outcome
        case .failed: nil
        }
    }

    public var amount: DecimalNumber? {
        switch result {
        case .decided(let evaluation): evaluation.amount?.final
        case .summarized(_, let amount): amount
        case .failed: nil
        }
    }

    public var diagnostics: [Diagnostic] {
        if case .failed(let diagnostics) = result { return diagnostics }
        return unrecorded.map { [$0] } ?? []
    }
}

extension BatchEntry {
    /// A file or document that could not be read at all.
    init(failure diagnostic: Diagnostic) {
        self.init(mark: diagnostic.mark, id: nil, schemeID: nil, result: .failed([diagnostic]))
    }
}

/// What a batch reports, however it keeps its entries.
public protocol BatchResults {
    associatedtype Entries: Collection<BatchEntry>
    /// One entry per application document, and one per file that could not be read at all, in
    /// processing order: the decisions in filing order, then what could not be read.
    var entries: Entries { get }
    /// Why the register stopped the batch, when it did: what failed, where, and how many
    /// decisions were recorded before. The entries say which applications it left unrecorded.
    var registerFailure: String? { get }
}

extension BatchResults {
    public var failureCount: Int { entries.lazy.filter { !$0.diagnostics.isEmpty }.count }

    /// Decisions with this outcome, not counting those the register failed to record (errors).
    public func count(of outcome: Outcome) -> Int {
        entries.lazy.filter { $0.outcome == outcome && $0.unrecorded == nil }.count
    }
}

/// The whole batch, in processing order, every entry whole (with its evaluation, unless the
/// runner keeps none).
public struct BatchReport: BatchResults, Sendable {
    public var entries: [BatchEntry] = []
    public var registerFailure: String?
}

/// The whole batch, its entries kept in a few bytes each (`CompactEntries`): what a batch of
/// any size reports, such as `guichet evaluate`'s.
public struct CompactReport: BatchResults {
    public let entries: CompactEntries
    public let registerFailure: String?
}
