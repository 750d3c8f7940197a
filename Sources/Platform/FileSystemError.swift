/// A file or folder that could not be read, written or listed: which one, and why.
public struct FileSystemError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The path concerned, as the user gave it or as it was found in a folder.
    public let path: String
    /// What went wrong and what to do, in French.
    public let reason: String
    /// The system's error code (`errno`), for callers that tell cases apart; 0 when the
    /// problem was found by this program rather than reported by the system.
    public let code: Int32

    public init(path: String, reason: String, code: Int32 = 0) {
        self.path = path
        self.reason = reason
        self.code = code
    }

    /// An error from a system call, with the system's reason for `code`.
    static func system(_ path: String, _ action: String, _ code: Int32 = errno) -> FileSystemError {
        FileSystemError(path: path, reason: "\(action) : \(systemReason(code))", code: code)
    }

    public var description: String { "\(path) : \(reason)" }
}
