import Platform
import Testing
import YAMLReader

/// Reads every document of `text`, failing the test on any error.
func documents(_ text: String, file: String = "test.yaml",
               limits: YAMLDocumentReader.Limits = .init()) throws -> [YAMLNode] {
    let reader = YAMLDocumentReader(text: text, file: file, limits: limits)
    var result: [YAMLNode] = []
    while let document = try reader.nextDocument() { result.append(document) }
    return result
}

/// The one document of `text`.
func document(_ text: String, file: String = "test.yaml") throws -> YAMLNode {
    try YAMLDocumentReader.singleDocument(text: text, file: file)
}

/// The error produced by reading all of `text` (nil when it reads cleanly).
func readingError(_ text: String, file: String = "test.yaml",
                  limits: YAMLDocumentReader.Limits = .init()) -> YAMLError? {
    readingError(YAMLDocumentReader(text: text, file: file, limits: limits))
}

/// The error produced by reading all of `bytes` (nil when they read cleanly).
func readingError(bytes: [UInt8], file: String = "test.yaml") -> YAMLError? {
    readingError(YAMLDocumentReader(bytes: bytes, file: file))
}

func readingError(_ reader: YAMLDocumentReader) -> YAMLError? {
    do {
        while try reader.nextDocument() != nil {}
        return nil
    } catch {
        return error
    }
}

extension YAMLNode {
    /// The value for a scalar key, for terse assertions.
    subscript(key: String) -> YAMLNode? {
        mapping?.first { $0.key.scalar == key }?.value
    }

    /// "line:column" of the node.
    var at: String { "\(mark.line):\(mark.column)" }
}

extension YAMLError {
    /// "line:column" of the error.
    var at: String { "\(mark.line):\(mark.column)" }
}

/// A scratch directory removed when the value is dropped.
final class TemporaryDirectory {
    let path: String

    init() {
        var template = Array("/tmp/yamlreader-tests-XXXXXX".utf8CString)
        let created = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(created != nil, "cannot create a temporary directory")
        path = String(cString: created!)
    }

    /// Writes `bytes` to a file in the directory and returns its path.
    func write(_ name: String, _ bytes: [UInt8]) -> String {
        let file = path + "/" + name
        let stream = fopen(file, "wb")!
        _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, stream) }
        fclose(stream)
        return file
    }

    func write(_ name: String, _ text: String) -> String {
        write(name, Array(text.utf8))
    }

    func makeDirectory(_ name: String) -> String {
        let directory = path + "/" + name
        mkdir(directory, 0o755)
        return directory
    }

    deinit {
        // Only files and directories created by the tests live here.
        if let dir = opendir(path) {
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let child = path + "/" + name
                if unlink(child) != 0 { rmdir(child) }
            }
            closedir(dir)
        }
        rmdir(path)
    }
}
