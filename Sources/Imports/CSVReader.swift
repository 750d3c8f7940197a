/// A CSV file as RFC 4180 describes it, read exactly: UTF-8 with or without its byte order mark,
/// fields separated by `,` or by `;` (a French spreadsheet's CSV), quoted with `"` when they hold
/// a separator, a quote (doubled) or a line break, records ended by CRLF or LF.
///
/// Every field keeps the line and column it starts at, so that an error points into the file.
/// Nothing is guessed: a file in another encoding, a header where `,` and `;` are equally
/// plausible, or a quote left open is an error, never a silently shifted column.
struct CSVReader {
    /// A field and where it starts (1-based line, column counted in characters).
    struct Field {
        var text: String
        var line: Int
        var column: Int
    }

    /// A record: its fields and the line it starts on.
    struct Record {
        var fields: [Field]
        var line: Int
    }

    /// Why a file cannot be read at all, and where.
    struct Failure: Error {
        let message: String
        let line: Int
        let column: Int
    }

    let separator: Character
    let hadByteOrderMark: Bool
    let records: [Record]

    /// Reads `bytes`; the separator is the one the header's fields are separated by.
    init(bytes: [UInt8]) throws(Failure) {
        var content = bytes[...]
        hadByteOrderMark = content.starts(with: [0xEF, 0xBB, 0xBF])
        if hadByteOrderMark { content = content.dropFirst(3) }
        if content.starts(with: [0xFF, 0xFE]) || content.starts(with: [0xFE, 0xFF]) {
            throw Failure(message: "ce fichier est en UTF-16 : enregistrez-le en « CSV UTF-8 »", line: 1, column: 1)
        }
        let text = try Self.decoded(content)
        separator = try Self.separator(of: text)
        records = try Self.records(of: text, separator: separator)
    }

    /// The text, or the place of the first byte that is not UTF-8: a Windows-1252 file (Excel's
    /// plain « CSV ») would otherwise turn « é » into garbage in names and labels.
    private static func decoded(_ bytes: ArraySlice<UInt8>) throws(Failure) -> String {
        var line = 1
        var column = 1
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput:
                break loop
            case .error:
                throw Failure(message: "ce fichier n'est pas en UTF-8 (un « é » écrit en Windows-1252 ?) : "
                    + "enregistrez-le au format « CSV UTF-8 » (Excel : Enregistrer sous, CSV UTF-8)", line: line, column: column)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `;` or `,`, whichever separates the header's fields (outside quotes); an error when both
    /// appear as often, since reading with the wrong one would shift every column.
    private static func separator(of text: String) throws(Failure) -> Character {
        var commas = 0
        var semicolons = 0
        var quoted = false
        for character in text {
            if character == "\"" { quoted.toggle(); continue }
            if quoted { continue }
            if character == "\n" || character == "\r\n" || character == "\r" { break }
            if character == "," { commas += 1 } else if character == ";" { semicolons += 1 }
        }
        if commas == semicolons, commas > 0 {
            throw Failure(message: "l'en-tête contient autant de « , » que de « ; » : impossible de savoir lequel sépare les colonnes ; "
                + "réenregistrez l'export avec un seul séparateur", line: 1, column: 1)
        }
        return semicolons > commas ? ";" : ","
    }

    /// The records of the text: a state machine over its characters. `\r\n` is one Swift
    /// character, so line breaks of either convention end a record alike.
    private static func records(of text: String, separator: Character) throws(Failure) -> [Record] {
        var scanner = Scanner(separator: separator)
        for character in text { try scanner.consume(character) }
        return try scanner.finish()
    }

    /// Reads records one character at a time.
    private struct Scanner {
        enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

        let separator: Character
        var state = State.fieldStart
        var line = 1
        var column = 1
        var field = Field(text: "", line: 1, column: 1)
        var fields: [Field] = []
        var records: [Record] = []
        /// Where the quote left open began, for the error at the end of the file.
        var openQuote = (line: 1, column: 1)

        init(separator: Character) { self.separator = separator }

        mutating func consume(_ character: Character) throws(Failure) {
            let isBreak = character == "\n" || character == "\r\n" || character == "\r"
            switch state {
            case .fieldStart:
                field = Field(text: "", line: line, column: column)
                if character == "\"" {
                    state = .quoted
                    openQuote = (line, column)
                } else {
                    state = .unquoted
                    try unquoted(character, isBreak: isBreak)
                    return
                }
            case .unquoted:
                try unquoted(character, isBreak: isBreak)
                return
            case .quoted:
                if character == "\"" { state = .quoteInQuoted } else { field.text.append(character) }
            case .quoteInQuoted:
                if character == "\"" {
                    field.text.append("\"")
                    state = .quoted
                } else if character == separator || isBreak {
                    endField(record: isBreak)
                } else {
                    throw Failure(message: "texte après un guillemet fermant : un guillemet à l'intérieur d'un champ s'écrit \"\"",
                                  line: line, column: column)
                }
            }
            advance(isBreak)
        }

        /// Outside quotes a quote is kept as written: some programs do not quote such fields.
        private mutating func unquoted(_ character: Character, isBreak: Bool) throws(Failure) {
            if character == separator || isBreak {
                endField(record: isBreak)
            } else {
                field.text.append(character)
            }
            advance(isBreak)
        }

        private mutating func advance(_ isBreak: Bool) {
            if isBreak { line += 1; column = 1 } else { column += 1 }
        }

        private mutating func endField(record: Bool) {
            fields.append(field)
            state = .fieldStart
            field = Field(text: "", line: line, column: column + 1)
            guard record else { return }
            // A blank line (one empty field) is no record: exports often end with one.
            if !(fields.count == 1 && fields[0].text.isEmpty) {
                records.append(Record(fields: fields, line: fields[0].line))
            }
            fields = []
        }

        mutating func finish() throws(Failure) -> [Record] {
            switch state {
            case .quoted:
                throw Failure(message: "guillemet ouvert jamais refermé : le reste du fichier serait lu comme un seul champ",
                              line: openQuote.line, column: openQuote.column)
            case .unquoted, .quoteInQuoted:
                endField(record: true)
            case .fieldStart:
                // A separator just before the end of the file opens one last, empty field.
                if !fields.isEmpty {
                    fields.append(Field(text: "", line: line, column: column))
                    records.append(Record(fields: fields, line: fields[0].line))
                }
            }
            return records
        }
    }
}
