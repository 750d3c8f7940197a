import Evaluator
import Platform
import RuleSet
import SchemeLanguage
import YAMLReader

/// The application files of a batch read document by document, for the batch's first reading
/// (`FilingIndex`) and for the commands that keep the documents (`BatchRunner.read(paths:)`):
/// one place says what a file that cannot be read, or reads empty, becomes.
public enum BatchFiles {
    /// Every document of the files and folders ready to be decided, in the files' order, to
    /// `ready`; what cannot be read or decoded is returned, with its location.
    public static func documents(in paths: [String], with evaluator: DocumentEvaluator,
                                 _ ready: (PendingDocument) -> Void) -> [BatchEntry] {
        var failures: [BatchEntry] = []
        forEachFile(in: paths, failures: &failures) { file, failures in
            read(file: file, with: evaluator, failures: &failures) { document, _ in ready(document) }
        }
        return failures
    }

    /// Calls `body` with every YAML file of the files and folders, in a stable order, and adds
    /// an entry for each path that cannot be listed.
    static func forEachFile(in paths: [String], failures: inout [BatchEntry], _ body: (String, inout [BatchEntry]) -> Void) {
        for path in paths {
            let (files, problems) = YAMLFiles.list(path)
            failures += problems.map { BatchEntry(failure: $0) }
            for file in files { body(file, &failures) }
        }
    }

    /// Reads every document of one file, a single application or a stream of them, handing each
    /// one ready to be decided to `ready` with where its text began (`YAMLDocumentReader.documentStart`),
    /// and adding an entry for each one that cannot be.
    static func read(file: String, with evaluator: DocumentEvaluator, failures: inout [BatchEntry],
                     ready: (PendingDocument, _ start: SourceMark) -> Void) {
        let reader: YAMLDocumentReader
        do {
            reader = try YAMLDocumentReader(path: file)
        } catch {
            failures.append(BatchEntry(failure: Diagnostic(error)))
            return
        }
        var documents = 0
        while true {
            do {
                guard let document = try reader.nextDocument() else { break }
                documents += 1
                switch evaluator.prepare(document) {
                case .ready(let prepared): ready(prepared, reader.documentStart)
                case .failed(let entry): failures.append(entry)
                }
            } catch {
                // libyaml cannot resume after a syntax error: the rest of the file is lost, and said so.
                let message = documents == 0 ? error.message : "\(error.message) (ce document et la suite du fichier n'ont pu être lus)"
                failures.append(BatchEntry(failure: Diagnostic(message, at: error.mark)))
                return
            }
        }
        if documents == 0 {
            let mark = SourceMark(file: file, line: 1, column: 1)
            failures.append(BatchEntry(failure: Diagnostic("le fichier est vide : une demande commence par « scheme », « id », « filed » et « applicant »", at: mark)))
        }
    }
}
