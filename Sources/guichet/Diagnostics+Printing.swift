import ArgumentParser
import Batch
import Evaluator
import Foundation
import Platform
import RuleSet
import SchemeLanguage

/// Everything the tool prints. Errors go to standard error, one located line each, so editors
/// and CI can jump to them. Text that comes from files (ids, names, values) may hold control
/// characters: they are shown escaped, so that a submitted file can neither drive the terminal
/// nor forge a line of output.
enum Console {
    /// One line on standard error, every control character escaped.
    static func error(_ text: String) {
        control(TerminalText.escaped(text) + "\n")
    }

    /// An error, a warning or a note on standard error, opened by its French word, its place
    /// first when it has one: `place: erreur : message`. The one way the commands word them.
    static func say(_ kind: MessageKind, _ message: String, at place: String? = nil) {
        error(kind.line(message, at: place))
    }

    /// Text on standard output; its own line breaks kept, any other control character escaped.
    static func out(_ text: String, terminator: String = "\n") {
        Swift.print(TerminalText.escaped(text, keepingLineBreaks: true), terminator: terminator)
    }

    /// Data for another program (a CSV export), written as is unless a terminal shows it.
    static func data(_ text: String) {
        Swift.print(isatty(STDOUT_FILENO) == 1 ? TerminalText.escaped(text, keepingLineBreaks: true) : text, terminator: "")
    }

    /// Writes to standard error as is: only for text this program composed, such as the
    /// progress line that rewrites itself.
    static func control(_ text: String) {
        // write(2) rather than FileHandle, which traps when standard error cannot be written
        // (a full disk behind a redirection): a message lost is better than a crash.
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }

    static func report(_ catalog: SchemeCatalog) {
        for failure in catalog.failures {
            for diagnostic in failure.diagnostics { error(diagnostic.description) }
        }
    }

    /// Opens (creating it owner-only when missing) and locks the folder a command writes to;
    /// says why and exits when it cannot.
    static func outputFolder(_ path: String) throws -> OutputFolder {
        do {
            return try OutputFolder(directory: path)
        } catch {
            say(.error, error.reason, at: path)
            throw ExitCode.failure
        }
    }

    /// Runs a lifecycle command's work, telling each kind of failure with what it concerns: a
    /// refusal as it is, a file with its path, the register with its own; exit code 1.
    static func reportingRunErrors<T>(register: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let refusal as Refusal {
            say(.error, refusal.description)
        } catch let failure as FileSystemError {
            say(.error, failure.reason, at: failure.path)
        } catch let failure as EvaluationError {
            Self.error("\(failure)")
        } catch {
            say(.error, "\(error)", at: register)
        }
        throw ExitCode.failure
    }

    /// Pads to a width counted in characters, for aligned tables of French text.
    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
