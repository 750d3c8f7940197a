import Foundation

/// Writes decision files into a folder, each atomically: a reader never sees half a decision,
/// and a crash leaves either the old file or the new one.
public struct DecisionOutput: Sendable {
    public let directory: String

    /// Creates the folder if needed, and removes the temporary files a killed run left behind.
    public init(directory: String) throws {
        self.directory = directory
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) where name.contains(".tmp-") {
            try? FileManager.default.removeItem(atPath: path(name))
        }
    }

    public func path(_ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : "\(directory)/\(name)"
    }

    /// Writes `text` to `name` through a temporary file and a rename.
    public func write(_ text: String, to name: String) throws {
        try AtomicFile.write(Array(text.utf8), to: path(name))
    }
}

public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String) throws {
        // Written by hand rather than through Foundation, whose own temporary files a killed
        // process would leave behind under names this folder cannot recognise.
        let temporary = "\(path).tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        let written = bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count <= 0 { return offset }
                offset += count
            }
            return offset
        }
        close(descriptor)
        guard written == bytes.count else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw WriteError(path: path, reason: reason)
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw WriteError(path: path, reason: reason)
        }
    }
}

public struct WriteError: Error, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "\(path): error: cannot write the file: \(reason)" }
}
