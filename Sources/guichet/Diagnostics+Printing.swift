import ArgumentParser
import Batch
import Foundation
import Platform
import SchemeLanguage

/// Errors go to standard error, one located line each, so editors and CI can jump to them.
enum Console {
    static func error(_ text: String) {
        write(text + "\n")
    }

    /// Writes to standard error as is, for progress lines that rewrite themselves.
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
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
            Self.error("\(path): error: \(error.reason)")
            throw ExitCode.failure
        }
    }

    /// Pads to a width counted in characters, for aligned tables of French text.
    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
