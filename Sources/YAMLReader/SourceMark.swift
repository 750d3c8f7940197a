import Synchronization

/// A position in a source file, 1-based line and column (column counted in characters as libyaml does, +1).
///
/// Every node produced by ``YAMLDocumentReader`` carries the mark of its first
/// character, so that later stages (loading rules, evaluating applications) can
/// point their own error messages at the exact place in the file.
///
/// A mark holds no reference: the file name is interned once and named by a number, so that
/// copying and dropping the millions of nodes of a large batch costs no reference counting.
public struct SourceMark: Hashable, Sendable, CustomStringConvertible {
    private let fileID: UInt32
    private let storedLine: UInt32
    private let storedColumn: UInt32

    /// The name of the source, usually a path as given to the reader.
    public var file: String { SourceFileNames.shared.name(fileID) }
    /// The 1-based line number.
    public var line: Int { Int(storedLine) }
    /// The 1-based column number, counted in Unicode characters (not bytes).
    public var column: Int { Int(storedColumn) }

    /// Creates a mark from a file name and 1-based line and column numbers.
    public init(file: String, line: Int, column: Int) {
        self.init(fileID: SourceFileNames.shared.id(file), line: line, column: column)
    }

    /// For readers, which intern their file name once.
    init(fileID: UInt32, line: Int, column: Int) {
        self.fileID = fileID
        storedLine = UInt32(clamping: line)
        storedColumn = UInt32(clamping: column)
    }

    /// The mark as `file:line:column`, the form editors and terminals recognise as a link.
    public var description: String {
        "\(file):\(line):\(column)"
    }
}

/// The names of the files marks point into, each stored once for the life of the process.
final class SourceFileNames: Sendable {
    static let shared = SourceFileNames()

    private struct Table {
        var names: [String] = []
        var ids: [String: UInt32] = [:]
    }

    private let table = Mutex(Table())

    func id(_ name: String) -> UInt32 {
        table.withLock { table in
            if let id = table.ids[name] { return id }
            let id = UInt32(table.names.count)
            table.names.append(name)
            table.ids[name] = id
            return id
        }
    }

    func name(_ id: UInt32) -> String {
        table.withLock { $0.names[Int(id)] }
    }
}
