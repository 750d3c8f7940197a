import CYAML
import Platform

/// Reads a YAML stream one document at a time.
///
/// Built on libyaml's event API: each call to ``nextDocument()`` pulls events
/// until the end of one document and returns its tree, so a stream of millions
/// of documents is read in constant memory. Not thread-safe; use one reader per task.
public final class YAMLDocumentReader {
    /// Bounds that protect against hostile or broken input.
    public struct Limits: Sendable {
        /// The longest scalar accepted, in UTF-8 bytes.
        public var maxScalarBytes: Int = 1 << 20
        /// The deepest nesting of sequences and mappings accepted (the root container is level 1).
        public var maxDepth: Int = 64
        /// The most nodes that aliases may stand for in one document, counting
        /// every node of each aliased subtree.
        public var maxAliasExpansion: Int = 10_000

        /// The default limits.
        public init() {}
    }

    /// The name used in marks (the path, or the name given for in-memory text).
    public let file: String
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let event: UnsafeMutablePointer<yaml_event_t>
    private let stream: UnsafeMutablePointer<FILE>?
    private let buffer: UnsafeMutableBufferPointer<UInt8>?
    /// The file read from a place (`init(file:at:)`), kept alive for libyaml's read handler.
    private let positioned: PositionedInput?
    private var builder: NodeBuilder
    private var parserReady: Bool
    private var finished = false

    /// Opens the file at `path`. An unreadable file (missing, a directory, no
    /// permission) is a ``YAMLError`` at 1:1 giving the system's reason.
    public convenience init(path: String, limits: Limits = .init()) throws(YAMLError) {
        let stream = try Self.open(path)
        self.init(file: path, limits: limits, stream: stream, buffer: nil, positioned: nil)
    }

    /// Reads `file` from `place`, a line start found by a first reading (`DocumentPlace`), with
    /// the marks of the whole file: a batch reads each document again there, in filing order.
    public convenience init(file: PositionedFile, at place: DocumentPlace, limits: Limits = .init()) {
        self.init(file: file.path, limits: limits, stream: nil, buffer: nil, positioned: PositionedInput(file: file, place: place))
    }

    /// Reads `text` from memory; `file` is the name used in marks.
    public convenience init(text: String, file: String, limits: Limits = .init()) {
        var text = text
        let buffer = text.withUTF8 { Self.copy($0) }
        self.init(file: file, limits: limits, stream: nil, buffer: buffer, positioned: nil)
    }

    /// Reads `bytes` (UTF-8, or UTF-16 with a byte order mark) from memory; `file` is the name used in marks.
    public convenience init(bytes: [UInt8], file: String, limits: Limits = .init()) {
        let buffer = bytes.withUnsafeBufferPointer { Self.copy($0) }
        self.init(file: file, limits: limits, stream: nil, buffer: buffer, positioned: nil)
    }

    private init(file: String, limits: Limits, stream: UnsafeMutablePointer<FILE>?,
                 buffer: UnsafeMutableBufferPointer<UInt8>?, positioned: PositionedInput?) {
        self.file = file
        self.stream = stream
        self.buffer = buffer
        self.positioned = positioned
        let input: SourceProbe = if let buffer { .memory(UnsafeBufferPointer(buffer)) }
            else if let positioned { .positioned(positioned.file, offset: positioned.place.offset) }
            else { .file(file) }
        self.builder = NodeBuilder(file: file, limits: limits, input: input, firstLine: positioned?.place.line ?? 0)
        // The parser keeps pointers into itself (string input), so it needs a stable address.
        parser = .allocate(capacity: 1)
        event = .allocate(capacity: 1)
        parserReady = yaml_parser_initialize(parser) != 0
        guard parserReady else { return }
        if let stream {
            yaml_parser_set_input_file(parser, stream)
        } else if let buffer {
            yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
        } else if let positioned {
            yaml_parser_set_input(parser, PositionedInput.read, Unmanaged.passUnretained(positioned).toOpaque())
        }
    }

    deinit {
        if parserReady { yaml_parser_delete(parser) }
        parser.deallocate()
        event.deallocate()
        if let stream { fclose(stream) }
        buffer?.deallocate()
    }

    /// Where the document last returned began: its `---` (or its first directive), or its first
    /// node when implicit. Reading the file again from that line gives the same document.
    public var documentStart: SourceMark { builder.documentMark }

    /// The next document of the stream, or nil at the end. After an error the reader is finished (returns nil afterwards).
    public func nextDocument() throws(YAMLError) -> YAMLNode? {
        guard !finished else { return nil }
        guard parserReady else {
            finished = true
            throw YAMLError(message: "mémoire insuffisante pour démarrer la lecture du YAML",
                            mark: SourceMark(file: file, line: 1, column: 1))
        }
        do throws(YAMLError) {
            let document = try builder.nextDocument(parser: parser, event: event)
            if document == nil { finished = true }
            return document
        } catch {
            finished = true
            builder.reset()
            throw error
        }
    }

    // MARK: Input

    private static func copy(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeMutableBufferPointer<UInt8> {
        // At least one byte so the address is never null, even for empty input.
        let owned = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        _ = owned.initialize(from: bytes)
        return UnsafeMutableBufferPointer(rebasing: owned[..<bytes.count])
    }

    private static func open(_ path: String) throws(YAMLError) -> UnsafeMutablePointer<FILE> {
        do {
            return try RegularFile.open(path)
        } catch {
            throw YAMLError(message: error.reason, mark: SourceMark(file: path, line: 1, column: 1))
        }
    }
}

extension YAMLDocumentReader {
    /// Reads a whole file expecting exactly one document (an error for an empty file, a file
    /// of comments alone, or a second document).
    public static func singleDocument(path: String) throws(YAMLError) -> YAMLNode {
        try YAMLDocumentReader(path: path).onlyDocument()
    }

    /// Reads whole bytes (the body of a request) expecting exactly one document, as a file is read.
    public static func singleDocument(bytes: [UInt8], file: String) throws(YAMLError) -> YAMLNode {
        try YAMLDocumentReader(bytes: bytes, file: file).onlyDocument()
    }

    /// Reads a whole text expecting exactly one document (an error for an empty text, a text
    /// of comments alone, or a second document).
    public static func singleDocument(text: String, file: String) throws(YAMLError) -> YAMLNode {
        try YAMLDocumentReader(text: text, file: file).onlyDocument()
    }

    private func onlyDocument() throws(YAMLError) -> YAMLNode {
        guard let document = try nextDocument() else {
            let what = builder.sawAnyInput ? "aucun (le fichier ne contient que des commentaires ou des lignes vides)" : "un fichier vide"
            throw YAMLError(message: "attendu un document YAML, trouvé \(what)",
                            mark: SourceMark(file: file, line: 1, column: 1))
        }
        if try nextDocument() != nil {
            throw YAMLError(message: "attendu un seul document YAML, trouvé un second document en \(builder.documentMark) : "
                                + "supprimez-le ou scindez le fichier",
                            mark: builder.documentMark)
        }
        return document
    }
}
