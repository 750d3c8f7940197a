import Evaluator
import Platform
import SchemeLanguage
import YAMLReader

/// The first of a batch's two readings: every document read and decoded once, to learn its
/// filing date, its id and the files it would write, then dropped. What is kept of it is its
/// place in its file and what sorts it, 48 bytes and its id's; sorted in filing order, the
/// index hands each document in turn to the second reading (`SecondReading`), which reads it
/// again from there.
///
/// Limits across applications are applied in filing order, so that no document can be decided
/// before all are read; keeping the documents themselves cost over a kilobyte each, 1.5 GB for
/// a million. A document is kept in memory only when its file cannot be read from inside
/// (UTF-16), or when the caller already holds it (`init(ordered:failures:)`).
///
/// `@unchecked Sendable`: it is built by `read` or `init(ordered:failures:)` and never changed
/// after, so the thread that reads the documents again and the one that decides them only read it.
final class FilingIndex: @unchecked Sendable {
    /// One document: where to read it again, and what sorts it.
    struct Key {
        /// The byte offset of the line its text begins on (`DocumentPlace`); for a document kept
        /// in memory, −1 − its index in `kept`.
        var offset: Int
        /// Its id is `idLength` bytes of `idBytes` from `idStart`.
        var idStart: Int
        var idLength: UInt32
        /// The bytes to the next document of its file, or 0 for the last (read on until it ends).
        var length: UInt32
        /// Where the document starts (its root node): the mark of its entries.
        var mark: SourceMark
        /// Its filing date as yyyymmdd, which sorts as the date does.
        var filed: UInt32
        /// The line (0-based) at `offset`.
        var line: UInt32
        /// Its scheme, or its household's family, in `targets`.
        var target: UInt16

        var idRange: Range<Int> { idStart..<(idStart + Int(idLength)) }
    }

    /// A scheme asked for, or a family with the schemes a household's file is evaluated under.
    struct Target {
        let name: String
        let members: [String]?
    }

    private(set) var keys: [Key] = []
    /// The ids of every document, one after the other.
    private var idBytes: [UInt8] = []
    private var kept: [PendingDocument] = []
    private var targets: [Target] = []
    private var targetNumbers: [String: UInt16] = [:]
    /// The files and documents that could not be read, in the order met: they come after the
    /// decisions in a batch's report.
    private(set) var failures: [BatchEntry] = []

    var count: Int { keys.count }

    /// Reads every document of the files and folders, and sorts them in filing order.
    static func read(paths: [String], with evaluator: DocumentEvaluator) -> FilingIndex {
        let index = FilingIndex()
        var failures: [BatchEntry] = []
        BatchFiles.forEachFile(in: paths, failures: &failures) { file, failures in
            index.read(file: file, with: evaluator, failures: &failures)
        }
        index.failures = failures
        index.sort()
        return index
    }

    /// Documents already read and decoded, kept in memory, in the order given.
    init(ordered: [PendingDocument], failures: [BatchEntry]) {
        for document in ordered { add(document, line: 0, keeping: true) }
        self.failures = failures
    }

    private init() {}

    private func read(file: String, with evaluator: DocumentEvaluator, failures: inout [BatchEntry]) {
        let first = keys.count
        let keeping = LineStarts.isUTF16(file)
        BatchFiles.read(file: file, with: evaluator, failures: &failures) { document, start in
            add(document, line: start.line - 1, keeping: keeping)
        }
        guard !keeping, keys.count > first else { return }
        let placed = LineStarts.places(count: keys.count - first, line: { Int(keys[first + $0].line) }, in: file) { position, place in
            keys[first + position].offset = place.offset
            keys[first + position].line = UInt32(clamping: place.line)
            // A document ends where the next begins; one longer than 4 GiB is read on, as the last is.
            if position > 0 { keys[first + position - 1].length = UInt32(exactly: place.offset - keys[first + position - 1].offset) ?? 0 }
        }
        // Gone before it could be placed: the second reading finds nothing there, and says so.
        if !placed { for position in first..<keys.count { keys[position].offset = Int.max } }
    }

    private func add(_ document: PendingDocument, line: Int, keeping: Bool) {
        let start = idBytes.count
        idBytes.append(contentsOf: document.id.utf8)
        var offset = 0
        if keeping {
            offset = -1 - kept.count
            kept.append(document)
        }
        let filed = document.filed
        keys.append(Key(offset: offset, idStart: start, idLength: UInt32(idBytes.count - start), length: 0, mark: document.mark,
                        filed: UInt32(filed.year * 10_000 + filed.month * 100 + filed.day), line: UInt32(clamping: line),
                        target: target(of: document)))
    }

    private func target(of document: PendingDocument) -> UInt16 {
        let name = document.target ?? document.family ?? ""
        let tag = (document.family == nil ? "scheme:" : "family:") + name
        if let number = targetNumbers[tag] { return number }
        let number = UInt16(targets.count)
        targets.append(Target(name: name, members: document.family == nil ? nil : document.schemes))
        targetNumbers[tag] = number
        return number
    }

    // MARK: Filing order

    /// Filing date, then id, then place, as `PendingDocument.filingOrder` sorts documents.
    private func sort() {
        idBytes.withUnsafeBufferPointer { ids in
            keys.sort { a, b in
                if a.filed != b.filed { return a.filed < b.filed }
                let order = Self.compare(ids[a.idRange], ids[b.idRange])
                if order != 0 { return order < 0 }
                return (a.mark.file, a.mark.line) < (b.mark.file, b.mark.line)
            }
        }
    }

    /// Compares two ids as Swift compares strings: byte by byte when both are ASCII, else in
    /// Unicode's canonical order (two spellings of « é » are the same id).
    private static func compare(_ x: Slice<UnsafeBufferPointer<UInt8>>, _ y: Slice<UnsafeBufferPointer<UInt8>>) -> Int {
        if x.elementsEqual(y) { return 0 }
        if x.allSatisfy({ $0 < 0x80 }), y.allSatisfy({ $0 < 0x80 }) { return x.lexicographicallyPrecedes(y) ? -1 : 1 }
        let (a, b) = (String(decoding: x, as: UTF8.self), String(decoding: y, as: UTF8.self))
        return a == b ? 0 : a < b ? -1 : 1
    }

    // MARK: A document's key

    func id(at position: Int) -> String {
        idBytes.withUnsafeBufferPointer { String(decoding: $0[keys[position].idRange], as: UTF8.self) }
    }

    func mark(at position: Int) -> SourceMark { keys[position].mark }

    func target(at position: Int) -> Target { targets[Int(keys[position].target)] }

    func filed(at position: Int) -> LocalDate {
        let filed = Int(keys[position].filed)
        return LocalDate(year: filed / 10_000, month: filed / 100 % 100, day: filed % 100)!
    }

    /// The document itself, when it is kept in memory.
    func kept(at position: Int) -> PendingDocument? {
        let offset = keys[position].offset
        return offset < 0 ? kept[-1 - offset] : nil
    }

    /// Where to read the document again.
    func place(at position: Int) -> DocumentPlace {
        let key = keys[position]
        return DocumentPlace(offset: key.offset, line: Int(key.line), length: key.length == 0 ? nil : Int(key.length))
    }

    /// The base names of the files the document would write (`OutputNames`).
    func outputNames(at position: Int) -> [String] {
        let target = target(at: position)
        return OutputNames.names(id: id(at: position), family: target.members == nil ? nil : target.name, schemes: target.members ?? [target.name])
    }

    /// Whether a document read again is the one sorted at `position`: same id, filing date,
    /// place and scheme or family.
    func matches(_ document: PendingDocument, at position: Int) -> Bool {
        let target = target(at: position)
        return document.id == id(at: position) && document.filed == filed(at: position) && document.mark == mark(at: position)
            && document.family == (target.members == nil ? nil : target.name) && (document.target ?? document.family) == target.name
    }

    /// The entry of a document that is not decided, as `PendingDocument.failure` makes it.
    func failure(at position: Int, _ diagnostics: [Diagnostic]) -> BatchEntry {
        BatchEntry(mark: mark(at: position), id: id(at: position), schemeID: target(at: position).name, result: .failed(diagnostics))
    }
}
