import Decisions
import Documents
import Evaluator
import Platform
import Register
import RuleSet
import SchemeLanguage
import YAMLReader

/// Evaluates application files and writes a decision for each.
///
/// A batch reads every document first, then evaluates them in filing-date then id order, never
/// in file order: limits read the register, and the first filed is the first served. The first
/// reading keeps each document's place and sort key only (`FilingIndex`); each is read again
/// when its turn comes (`SecondReading`, on a thread of its own: `ReadAhead`), so that a
/// batch's memory does not grow with its documents. Each document stands alone: one that cannot
/// be read gets an error entry and never costs another its decision.
public final class BatchRunner {
    public let catalog: SchemeCatalog
    private let output: OutputFolder?
    private let register: DecisionRegister?
    /// The register's session while a batch runs; decisions are recorded through it.
    private var session: RegisterSession?
    /// Evaluate against the register without recording anything (`--dry-run`).
    private let recording: Bool
    /// The stage of the documents written (a simulation or an instructor's fiche), the date
    /// whose rules apply, and the deployment's facts.
    private let issuance: Issuance
    /// Who records the fiches, and when.
    private let actor: Actor?
    private let evaluator: DocumentEvaluator
    /// The day whose rules the batch applies: the decision date, given by the caller (the
    /// command line defaults it to today), since no module reads the clock.
    public let referenceDate: LocalDate
    /// The output names claimed by a stream decided as it is read: no document overwrites
    /// another's decision. A batch checks all its names at once instead (`run`).
    private var names: OutputNames
    /// The register's failure, which stops the batch.
    private var registerFailure: (any Error)?
    /// Whether each entry keeps its evaluation, for callers that read it after the batch; a
    /// batch that only reports outcomes and amounts keeps these alone, in far less memory
    /// (and `runCompact` in a few bytes an entry).
    private let keepingEvaluations: Bool
    /// The formats of a document sent to the applicant (a request for pieces at instruction):
    /// with them, its HTML and ODT are written beside its Markdown; without, its Markdown alone.
    private let sentFiles: SentDocumentFiles?

    /// With no output, decisions are evaluated but not written; with no register, limits find
    /// no earlier decision and nothing is recorded. `reservedNames` are output names the
    /// caller writes itself (such as a call's procès-verbal), with what they hold. Every
    /// application is decided on `referenceDate`, which the documents state. Without
    /// `keepingEvaluations`, entries say each outcome and amount only (`BatchEntry.Result.summarized`).
    /// `evaluator` may be one an earlier batch warmed (its expressions compiled, its decoders
    /// built), as a service does from one request to the next; it is then this batch's alone
    /// until it ends.
    public init(catalog: SchemeCatalog, referenceDate: LocalDate, output: OutputFolder?, register: DecisionRegister? = nil,
                recording: Bool = true, issuance: Issuance = .simulation, actor: Actor? = nil, reservedNames: [String: String] = [:],
                keepingEvaluations: Bool = true, sentFiles: SentDocumentFiles? = nil, evaluator: DocumentEvaluator? = nil) {
        self.keepingEvaluations = keepingEvaluations
        self.sentFiles = sentFiles
        self.catalog = catalog
        self.referenceDate = referenceDate
        self.output = output
        self.register = register
        self.recording = recording && issuance.stage == .instruction
        var issuance = issuance
        issuance.referenceDate = referenceDate
        issuance.registerRead = register != nil
        self.issuance = issuance
        self.actor = actor
        names = OutputNames(reserved: reservedNames)
        self.evaluator = evaluator ?? DocumentEvaluator(catalog: catalog)
    }

    /// Reads, evaluates and writes every document of the files and folders, each entry whole.
    public func run(paths: [String]) -> BatchReport {
        run(FilingIndex.read(paths: paths, with: evaluator))
    }

    /// The same batch, its entries kept in a few bytes each (`CompactEntries`) rather than whole:
    /// what `guichet evaluate` runs, on any number of documents.
    public func runCompact(paths: [String]) -> CompactReport {
        runCompact(FilingIndex.read(paths: paths, with: evaluator))
    }

    /// Decides the documents of a first reading (`FilingIndex`), each entry whole.
    func run(_ index: FilingIndex) -> BatchReport {
        var entries: [BatchEntry] = []
        let failure = run(index, into: &entries)
        return BatchReport(entries: entries, registerFailure: failure)
    }

    /// Decides the documents of a first reading, each entry compact.
    func runCompact(_ index: FilingIndex) -> CompactReport {
        var entries = CompactEntries(index: index, output: output)
        let failure = run(index, into: &entries)
        return CompactReport(entries: entries, registerFailure: failure)
    }

    /// Reads and decodes every document of the files and folders, in filing order, with an
    /// entry for each one that cannot be read: the commands that decide or notify evaluate the
    /// documents themselves, each on its own date.
    public func read(paths: [String]) -> (documents: [PendingDocument], failures: [BatchEntry]) {
        Self.read(paths: paths, with: evaluator)
    }

    static func read(paths: [String], with evaluator: DocumentEvaluator) -> (documents: [PendingDocument], failures: [BatchEntry]) {
        var pending: [PendingDocument] = []
        var failures: [BatchEntry] = []
        BatchFiles.forEachFile(in: paths, failures: &failures) { file, failures in
            BatchFiles.read(file: file, with: evaluator, failures: &failures) { document, _ in pending.append(document) }
        }
        return (pending.sorted(by: PendingDocument.filingOrder), failures)
    }

    /// Evaluates (and writes, and records) documents read by `read(paths:)`.
    public func run(_ ordered: [PendingDocument], failures: [BatchEntry]) -> BatchReport {
        run(FilingIndex(ordered: ordered, failures: failures))
    }

    /// Decides the documents of the index in its order, then adds the entries of what could not
    /// be read; the register's failure, if it stopped the batch.
    private func run<Sink: EntrySink>(_ index: FilingIndex, into sink: inout Sink) -> String? {
        let clashes = OutputNames.clashes(in: index, reserved: names.reserved)
        let reading = ReadAhead(index, catalog: catalog, skipping: Set(clashes.keys))
        var failure: String?
        if let register {
            failure = decide(index, clashes: clashes, reading: reading, in: register, into: &sink)
        } else {
            for position in 0..<index.count { decide(position, of: index, clash: clashes[position], reading: reading, into: &sink) }
        }
        for entry in index.failures { sink.append(entry, document: nil) }
        return failure
    }

    /// Decides in filing order against the register, recording each decision. When the register
    /// cannot be written, the batch stops there: each application whose decision the register
    /// does not hold says so, and running the batch again completes it.
    private func decide<Sink: EntrySink>(_ index: FilingIndex, clashes: [Int: Diagnostic], reading: ReadAhead,
                                         in register: DecisionRegister, into sink: inout Sink) -> String? {
        var next = 0
        var used: RegisterSession?
        registerFailure = nil
        do {
            try register.batch(recording: recording) { session in
                self.session = session
                used = session
                defer { self.session = nil }
                while next < index.count, registerFailure == nil {
                    decide(next, of: index, clash: clashes[next], reading: reading, into: &sink)
                    next += 1
                }
                if let registerFailure { throw registerFailure }
            }
        } catch {
            sink.markUnrecorded(from: used?.recorded ?? 0)
            for position in next..<index.count {
                sink.append(index.failure(at: position, [Self.unprocessed(at: index.mark(at: position))]), document: position)
            }
            return "\(error)"
        }
        return nil
    }

    static func unrecorded(at mark: SourceMark) -> Diagnostic {
        Diagnostic("décision prise mais non enregistrée au registre, qui n'a pas pu être écrit ; relancez la même commande pour l'enregistrer", at: mark)
    }

    static func unprocessed(at mark: SourceMark) -> Diagnostic {
        Diagnostic("""
            demande non traitée : le registre n'a pas pu être écrit et le lot s'est arrêté avant elle ; \
            relancez la même commande pour la traiter
            """, at: mark)
    }

    /// Reads, evaluates and (when there is an output) writes the decision of one document, at
    /// once: for streams whose order is already the filing order, such as the benchmark's.
    public func process(_ document: YAMLNode) -> [BatchEntry] {
        switch evaluator.prepare(document) {
        case .ready(let prepared):
            if let clash = names.claim(prepared) { return [prepared.failure([clash])] }
            return decide(prepared)
        case .failed(let entry): return [entry]
        }
    }

    // MARK: Deciding

    /// Decides the document at `position` of the index, read again (`ReadAhead`), unless its
    /// output names clash with another's (`clash`).
    private func decide<Sink: EntrySink>(_ position: Int, of index: FilingIndex, clash: Diagnostic?, reading: ReadAhead,
                                         into sink: inout Sink) {
        if let clash { return sink.append(index.failure(at: position, [clash]), document: position) }
        switch reading.document(at: position, in: index, with: evaluator) {
        case .failed(let entry): sink.append(entry, document: position)
        case .ready(let document): for entry in decide(document) { sink.append(entry, document: position) }
        }
    }

    /// Evaluates one document and writes its documents.
    private func decide(_ document: PendingDocument) -> [BatchEntry] {
        let reader: any LimitReader
        if let session { reader = session } else if let register { reader = register } else { reader = EmptyRegister() }
        let result = evaluator.evaluate(document.decoded, referenceDate: referenceDate, register: reader)
        let shown = document.schemes
        if let errors = shown.lazy.compactMap({ result.errors($0) }).first { return [document.failure(errors)] }
        let evaluations = shown.compactMap { result.evaluation($0) }
        do {
            var entries: [BatchEntry] = []
            // A household's file gets documents for the aids it requests; the others only inform its orientation.
            for evaluation in evaluations where document.requests(evaluation.scheme.id) {
                let name = OutputNames.decisionName(id: document.id, family: document.family, scheme: evaluation.scheme.id)
                entries.append(try issue(evaluation, name: name, at: document.mark))
            }
            if let family = document.family, let output {
                let orientation = Orientation(family: family, evaluations: evaluations, requested: document.requested ?? [],
                                              decisionFile: { OutputNames.decisionName(id: document.id, family: family, scheme: $0.scheme.id) + ".md" })
                try output.write(orientation.markdown(), to: "\(document.id).orientation.md")
            }
            return entries
        } catch {
            return [document.failure([Diagnostic("\(error)", at: document.mark)])]
        }
    }

    /// Writes a decision's files, then records it: a crash between the two leaves a decision
    /// file whose record the next run of the batch adds, never a record without its file.
    private func issue(_ evaluation: Evaluation, name: String, at mark: SourceMark) throws -> BatchEntry {
        let result: BatchEntry.Result = keepingEvaluations ? .decided(evaluation)
            : .summarized(outcome: evaluation.outcome, amount: evaluation.amount?.final)
        var entry = BatchEntry(mark: mark, id: evaluation.application.id, schemeID: evaluation.scheme.id, result: result)
        // A proposal or a decision is never instructed again by a batch: its documents and its
        // entry stay as they are, and changing it is an explicit command.
        if let stage = session?.stage(scheme: evaluation.scheme.id, application: evaluation.application.id), stage > .instruction {
            entry.kept = stage
            return entry
        }
        var inputHash: String?
        if let output {
            let record = DecisionRecord(evaluation, issuance: issuance)
            try output.write(JSONDecision.utf8(record), to: "\(name).json")
            if let sentFiles, let sent = record.sentDocument {
                _ = try sentFiles.write(sent, markdown: MarkdownRendering.utf8(sent), name: name, to: output)
            } else {
                try output.write(MarkdownDecision.utf8(record), to: "\(name).md")
            }
            entry.decisionPath = output.path("\(name).md")
            inputHash = record.inputHash
        }
        if recording, let session {
            let inputHash = inputHash ?? InputFingerprint.sha256(evaluation.application, scheme: evaluation.scheme)
            entry.recordOrdinal = session.submitted
            do {
                let stage = StageRecord(stage: .instruction, referenceDate: issuance.referenceDate, actor: actor?.name, recordedAt: actor?.at)
                try session.record(evaluation, inputHash: inputHash, decisionFile: output == nil ? nil : "\(name).md", stage: stage)
            } catch {
                // The register stops the batch; the files stay, and the next run records the decision.
                registerFailure = error
                entry.unrecorded = Self.unrecorded(at: mark)
            }
        }
        return entry
    }
}
