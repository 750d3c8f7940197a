import CYAML
import Platform

/// libyaml's own speed on a file: its event loop alone, with no node built.
///
/// The benchmark reports it beside the reader's figures, so that each stage can be judged
/// against the parser it is built on, on the same machine at the same moment.
public enum RawEventCount {
    /// The number of documents in the stream at `path`, counted from parser events only.
    public static func documents(inFile path: String) throws(YAMLError) -> Int {
        let mark = SourceMark(file: path, line: 1, column: 1)
        let stream: UnsafeMutablePointer<FILE>
        do {
            stream = try RegularFile.open(path)
        } catch {
            throw YAMLError(message: error.reason, mark: mark)
        }
        defer { fclose(stream) }
        var parser = yaml_parser_t()
        var event = yaml_event_t()
        guard yaml_parser_initialize(&parser) != 0 else {
            throw YAMLError(message: "mémoire insuffisante pour démarrer la lecture du YAML (libyaml)", mark: mark)
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_file(&parser, stream)
        var documents = 0
        while true {
            guard yaml_parser_parse(&parser, &event) != 0 else {
                throw YAMLError(message: "ce flux n'est pas du YAML valide", mark: mark)
            }
            let type = event.type
            yaml_event_delete(&event)
            if type == YAML_DOCUMENT_START_EVENT { documents += 1 }
            if type == YAML_STREAM_END_EVENT { return documents }
        }
    }
}
