/// A JSON value with the place it starts at. Numbers keep the text they were written with, so
/// that an amount is never turned into a binary floating-point number on its way in.
indirect enum JSONValue {
    case object([(key: String, value: JSONNode)])
    case array([JSONNode])
    case string(String)
    /// The number as written (`12500.5`), never converted.
    case number(String)
    case boolean(Bool)
    case null
}

/// A JSON value and its line and column (1-based, counted in Unicode scalars).
struct JSONNode {
    let value: JSONValue
    let line: Int
    let column: Int

    /// The value of `key` in an object; nil for another kind of value or an absent key.
    subscript(key: String) -> JSONNode? {
        guard case .object(let pairs) = value else { return nil }
        return pairs.first { $0.key == key }?.value
    }

    var string: String? {
        if case .string(let text) = value { return text }
        return nil
    }

    var array: [JSONNode]? {
        if case .array(let items) = value { return items }
        return nil
    }

    /// A string, a number's text or a boolean as `true`/`false`: a value a cell can hold.
    var scalarText: String? {
        switch value {
        case .string(let text), .number(let text): text
        case .boolean(let flag): flag ? "true" : "false"
        default: nil
        }
    }
}

/// Reads JSON (RFC 8259) strictly: one value, nothing after it, nesting at most 64 deep.
struct JSONReader {
    struct Failure: Error {
        let message: String
        let line: Int
        let column: Int
    }

    private let scalars: [Unicode.Scalar]
    private var position = 0
    private var line = 1
    private var column = 1
    private var depth = 0

    static func parse(_ text: String) throws(Failure) -> JSONNode {
        var reader = JSONReader(scalars: Array(text.unicodeScalars))
        reader.skipSpace()
        let node = try reader.value()
        reader.skipSpace()
        guard reader.position == reader.scalars.count else { throw reader.failure("texte après la fin du document JSON") }
        return node
    }

    private init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

    private func failure(_ message: String) -> Failure { Failure(message: message, line: line, column: column) }

    private var current: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    private mutating func advance() {
        if scalars[position] == "\n" { line += 1; column = 1 } else { column += 1 }
        position += 1
    }

    private mutating func skipSpace() {
        while let scalar = current, scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" { advance() }
    }

    private mutating func expect(_ scalar: Unicode.Scalar) throws(Failure) {
        guard current == scalar else { throw failure("« \(scalar) » attendu") }
        advance()
    }

    private mutating func value() throws(Failure) -> JSONNode {
        let (startLine, startColumn) = (line, column)
        let parsed: JSONValue
        switch current {
        case "{"?: parsed = try object()
        case "["?: parsed = try array()
        case "\""?: parsed = .string(try string())
        case "t"?: try word("true"); parsed = .boolean(true)
        case "f"?: try word("false"); parsed = .boolean(false)
        case "n"?: try word("null"); parsed = .null
        case let scalar? where scalar == "-" || ("0"..."9").contains(scalar): parsed = .number(try number())
        default: throw failure(current == nil ? "fin du fichier inattendue" : "valeur JSON attendue")
        }
        return JSONNode(value: parsed, line: startLine, column: startColumn)
    }

    private mutating func nested<T>(_ body: (inout JSONReader) throws(Failure) -> T) throws(Failure) -> T {
        depth += 1
        guard depth <= 64 else { throw failure("imbrication de plus de 64 niveaux") }
        defer { depth -= 1 }
        return try body(&self)
    }

    private mutating func object() throws(Failure) -> JSONValue {
        try nested { (reader: inout JSONReader) throws(Failure) -> JSONValue in
            try reader.expect("{")
            var pairs: [(key: String, value: JSONNode)] = []
            reader.skipSpace()
            if reader.current == "}" { reader.advance(); return .object(pairs) }
            while true {
                reader.skipSpace()
                guard reader.current == "\"" else { throw reader.failure("nom de propriété entre guillemets attendu") }
                let key = try reader.string()
                reader.skipSpace()
                try reader.expect(":")
                reader.skipSpace()
                pairs.append((key, try reader.value()))
                reader.skipSpace()
                if reader.current == "," { reader.advance(); continue }
                try reader.expect("}")
                return .object(pairs)
            }
        }
    }

    private mutating func array() throws(Failure) -> JSONValue {
        try nested { (reader: inout JSONReader) throws(Failure) -> JSONValue in
            try reader.expect("[")
            var items: [JSONNode] = []
            reader.skipSpace()
            if reader.current == "]" { reader.advance(); return .array(items) }
            while true {
                reader.skipSpace()
                items.append(try reader.value())
                reader.skipSpace()
                if reader.current == "," { reader.advance(); continue }
                try reader.expect("]")
                return .array(items)
            }
        }
    }

    private mutating func word(_ text: String) throws(Failure) {
        for scalar in text.unicodeScalars {
            guard current == scalar else { throw failure("valeur JSON attendue (true, false, null…)") }
            advance()
        }
    }

    /// The number's own text, checked against JSON's grammar.
    private mutating func number() throws(Failure) -> String {
        let start = position
        if current == "-" { advance() }
        guard try digits() > 0 else { throw failure("chiffre attendu") }
        if current == "." {
            advance()
            guard try digits() > 0 else { throw failure("chiffre attendu après le point décimal") }
        }
        if current == "e" || current == "E" {
            advance()
            if current == "+" || current == "-" { advance() }
            guard try digits() > 0 else { throw failure("chiffre attendu dans l'exposant") }
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars[start..<position])
        return text
    }

    private mutating func digits() throws(Failure) -> Int {
        var count = 0
        while let scalar = current, ("0"..."9").contains(scalar) { advance(); count += 1 }
        return count
    }

    private mutating func string() throws(Failure) -> String {
        try expect("\"")
        var text = String.UnicodeScalarView()
        while true {
            guard let scalar = current else { throw failure("chaîne jamais refermée") }
            advance()
            switch scalar {
            case "\"": return String(text)
            case "\\": text.append(try escaped())
            case let control where control.value < 0x20: throw failure("caractère de contrôle dans une chaîne : il doit être échappé")
            default: text.append(scalar)
            }
        }
    }

    private mutating func escaped() throws(Failure) -> Unicode.Scalar {
        guard let scalar = current else { throw failure("chaîne jamais refermée") }
        advance()
        switch scalar {
        case "\"", "\\", "/": return scalar
        case "b": return "\u{08}"
        case "f": return "\u{0C}"
        case "n": return "\n"
        case "r": return "\r"
        case "t": return "\t"
        case "u": return try unicodeEscape()
        default: throw failure("échappement inconnu « \\\(scalar) »")
        }
    }

    /// `\uXXXX`, with a surrogate pair for a character beyond the basic plane.
    private mutating func unicodeEscape() throws(Failure) -> Unicode.Scalar {
        let first = try hexQuad()
        if (0xD800...0xDBFF).contains(first) {
            guard current == "\\" else { throw failure("demi-caractère UTF-16 isolé") }
            advance()
            try expect("u")
            let second = try hexQuad()
            guard (0xDC00...0xDFFF).contains(second) else { throw failure("demi-caractère UTF-16 isolé") }
            return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))!
        }
        guard let scalar = Unicode.Scalar(first) else { throw failure("demi-caractère UTF-16 isolé") }
        return scalar
    }

    private mutating func hexQuad() throws(Failure) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let scalar = current, let digit = Int(String(scalar), radix: 16) else { throw failure("4 chiffres hexadécimaux attendus après \\u") }
            value = value * 16 + UInt32(digit)
            advance()
        }
        return value
    }
}
