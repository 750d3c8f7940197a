import Foundation

/// The `guichet` executable run as a user would, with what it printed.
public enum CommandLine {
    public struct Run {
        public let status: Int32
        public let stdout: String
        public let stderr: String
        /// False when the run had to be stopped at its deadline.
        public let finished: Bool
    }

    public static var executable: String? {
        let candidates = [".build/debug/guichet", ".build/x86_64-unknown-linux-gnu/debug/guichet",
                          ".build/aarch64-unknown-linux-gnu/debug/guichet"].map(Repository.path)
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `guichet ARGUMENTS` in `directory`, stopping it after `timeout` seconds.
    /// With `asUnprivileged`, a run as root drops to `nobody` first (`setpriv`), so that file
    /// permissions apply to it as to an ordinary user. `environment` adds to (or, with nil
    /// values, removes from) the test's own environment.
    public static func run(_ arguments: [String], in directory: String? = nil, timeout: Double = 30, umask mask: String? = nil,
                           asUnprivileged: Bool = false, binary: String? = nil, environment: [String: String?] = [:]) throws -> Run {
        guard let executable = binary ?? executable else { throw CommandLineError.notBuilt }
        // Output goes to files rather than pipes: nothing to drain while the process runs.
        let capture = NSTemporaryDirectory() + "guichet-cli-\(UUID().uuidString)"
        _ = FileManager.default.createFile(atPath: capture + ".out", contents: nil)
        _ = FileManager.default.createFile(atPath: capture + ".err", contents: nil)
        defer {
            try? FileManager.default.removeItem(atPath: capture + ".out")
            try? FileManager.default.removeItem(atPath: capture + ".err")
        }
        let process = Process()
        if asUnprivileged, geteuid() == 0 {
            process.executableURL = URL(fileURLWithPath: setpriv)
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", executable] + arguments
        } else if let mask {
            // A shell sets the umask the tool inherits, as a user's login would.
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "umask \(mask) && exec \"$0\" \"$@\"", executable] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        if !environment.isEmpty {
            var merged = ProcessInfo.processInfo.environment
            for (name, value) in environment { merged[name] = value }
            process.environment = merged
        }
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: capture + ".out"))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: capture + ".err"))
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(5_000) }
        let finished = !process.isRunning
        if !finished { process.terminate() }
        process.waitUntilExit()
        let stdout = (try? String(contentsOfFile: capture + ".out", encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOfFile: capture + ".err", encoding: .utf8)) ?? ""
        return Run(status: process.terminationStatus, stdout: stdout, stderr: stderr, finished: finished)
    }

    /// util-linux's `setpriv`, which runs a program under another user id.
    public static let setpriv = "/usr/bin/setpriv"

    /// Whether a test can meet file permissions for real: as an ordinary user, or as root able
    /// to drop to `nobody`.
    public static var canRunUnprivileged: Bool {
        geteuid() != 0 || FileManager.default.isExecutableFile(atPath: setpriv)
    }

    public enum CommandLineError: Error { case notBuilt }
}
